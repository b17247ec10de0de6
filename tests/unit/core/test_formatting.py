"""Dates, times, durations and numbers as each region writes them (Babel's CLDR data)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from companion.core import formatting, i18n

MONDAY = date(2026, 11, 30)


def plain(text: str) -> str:
    """CLDR keeps "3:30 PM" and "1 min" together with no-break spaces (U+00A0, U+202F)."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize(
    ("tag", "clock", "day", "length", "decimal"),
    [
        ("en", "3:30 PM", "Monday, November 30", "1 min 15 sec", "2.4"),
        ("en_GB", "15:30", "Monday 30 November", "1 min 15 secs", "2.4"),
        ("es", "15:30", "lunes, 30 de noviembre", "1 min 15 s", "2,4"),
        ("pt_BR", "15:30", "segunda-feira, 30 de novembro", "1 min 15 s", "2,4"),
        ("fr", "15:30", "lundi 30 novembre", "1 min 15 s", "2,4"),
        ("de", "15:30", "Montag, 30. November", "1 Min., 15 Sek.", "2,4"),
    ],
)
def test_each_region_writes_its_own_way(
    tag: str, clock: str, day: str, length: str, decimal: str
) -> None:
    assert plain(formatting.time_of_day(time(15, 30), tag)) == clock
    assert formatting.day_and_month(MONDAY, tag) == day
    assert plain(formatting.duration(75, tag)) == length
    assert formatting.number(2.4, 1, tag) == decimal


def test_the_clock_follows_the_region() -> None:
    assert not formatting.uses_24_hour_clock("en_US") and formatting.uses_24_hour_clock("de")
    assert plain(formatting.time_of_day(time(15, 30), "es_MX")) == "3:30 p.m."  # 12-hour
    assert plain(formatting.hour(13, "en")) == "1:00 PM" and formatting.hour(13, "fr") == "13:00"


def test_a_moment_is_written_in_its_own_zone_and_a_year_when_asked() -> None:
    evening = datetime(2026, 11, 30, 21, 5, tzinfo=UTC)
    assert formatting.time_of_day(evening, "de") == "21:05"
    assert formatting.full_date(MONDAY, "es") == "lunes, 30 de noviembre de 2026"
    assert formatting.day_and_month(MONDAY, "de", weekday=False) == "30. November"


def test_durations_keep_only_what_is_there() -> None:
    assert formatting.duration(45, "en") == "45 sec"
    assert formatting.duration(7500, "en") == "2 hr 5 min"
    assert formatting.duration(0, "en") == "0 sec"


def test_without_a_tag_the_installed_language_decides() -> None:
    assert i18n.language() == "en"
    assert formatting.number(1234.5, 1) == "1,234.5"
    assert formatting.weekday_name(MONDAY) == "Monday"

"""Dates, times, durations and numbers as the agent's language and region write them (Babel, CLDR).

"15:30" or "3:30 PM" as the locale says; "Monday 30 November" in English, "lunes, 30 de
noviembre" in Spanish; "1 min 15 s"; "2.4" or "2,4". Everything takes the language installed
by companion.core.i18n unless a locale is given (tests pass one).

Babel is imported on first use, never at idle: its first date costs about 7 MB (the locale's
CLDR data), paid when a window or a notice writes one.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import cache
from typing import TYPE_CHECKING

from companion.core import i18n

if TYPE_CHECKING:
    from babel import Locale

_FULL_WEEKDAY = re.compile(r"E{1,4}|c{1,4}")
_FULL_MONTH = re.compile(r"(?<!M)M{3}(?!M)|(?<!L)L{3}(?!L)")


@cache
def _locale(tag: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(tag.split("_")[0]) if "_" in tag else Locale.parse("en")


def locale(tag: str | None = None) -> Locale:
    return _locale(i18n.normalize(tag or i18n.language()))


def time_of_day(moment: time | datetime, tag: str | None = None) -> str:
    """ "15:30" or "3:30 PM": the region's short time."""
    from babel.dates import format_time

    value = moment.timetz() if isinstance(moment, datetime) else moment
    return format_time(value.replace(tzinfo=None), format="short", locale=locale(tag))


def hour(hour_of_day: int, tag: str | None = None) -> str:
    """The start of an hour as the region writes a time: "13:00" or "1:00 PM"."""
    return time_of_day(time(hour_of_day % 24), tag)


def day_and_month(day: date, tag: str | None = None, *, weekday: bool = True) -> str:
    """ "Monday, November 30" / "lunes, 30 de noviembre" (without the weekday: "November 30")."""
    return _written_out(day, "MMMMEd" if weekday else "MMMMd", tag)


def full_date(day: date, tag: str | None = None, *, weekday: bool = True) -> str:
    """With the year: "Monday, November 30, 2026" / "lunes, 30 de noviembre de 2026"."""
    return _written_out(day, "yMMMMEd" if weekday else "yMMMMd", tag)


def _written_out(day: date, skeleton: str, tag: str | None) -> str:
    """The region's pattern for ``skeleton``, its weekday and month written out in full.

    CLDR has patterns for an abbreviated weekday with a full month ("MMMMEd"), and the spec
    says to widen fields to what was asked; Babel's format_skeleton does not, so it is done
    here, outside the pattern's quoted words ('de').
    """
    from babel.dates import format_datetime, match_skeleton

    where = locale(tag)
    best = match_skeleton(skeleton, where.datetime_skeletons) or skeleton
    parts = str(where.datetime_skeletons[best].pattern).split("'")
    for index in range(0, len(parts), 2):  # even parts are outside quotes
        parts[index] = _FULL_MONTH.sub("MMMM", _FULL_WEEKDAY.sub("EEEE", parts[index]))
    return format_datetime(_as_datetime(day), "'".join(parts), locale=where)


def short_day_and_month(day: date, tag: str | None = None) -> str:
    """ "Nov 9" / "9 nov": a day on a chart's axis, where seven days share a weekday."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", _as_datetime(day), locale=locale(tag))


def short_hour(hour_of_day: int, tag: str | None = None) -> str:
    """ "1 PM" / "13": an hour on a chart's axis, in the region's clock."""
    from babel.dates import format_skeleton

    skeleton = "H" if uses_24_hour_clock(tag) else "h"
    return format_skeleton(skeleton, time(hour_of_day % 24), locale=locale(tag))


def weekday_name(day: date, tag: str | None = None) -> str:
    """ "Tuesday" / "martes": the day's name as a word inside a sentence."""
    from babel.dates import format_date

    return format_date(day, format="EEEE", locale=locale(tag))


def short_weekday(day: date, tag: str | None = None) -> str:
    """ "Mon" / "lun": for a chart's axis."""
    from babel.dates import format_date

    return format_date(day, format="EEE", locale=locale(tag))


def duration(seconds: float, tag: str | None = None) -> str:
    """ "1 min 15 s", "45 s", "2 h 5 min": whole seconds, the region's short units."""
    from babel.lists import format_list
    from babel.units import format_unit

    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        (hours, "duration-hour"),
        (minutes, "duration-minute"),
        (secs, "duration-second"),
    ]
    shown = [(value, unit) for value, unit in parts if value] or [(0, "duration-second")]
    where = locale(tag)
    words = [format_unit(value, unit, length="short", locale=where) for value, unit in shown]
    return format_list(words, style="unit-narrow", locale=where)


def number(value: float, decimals: int = 0, tag: str | None = None) -> str:
    """ "2.4" / "2,4"; "1,234" / "1.234"."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale(tag))


def percent(share: float, tag: str | None = None) -> str:
    """ "40%" / "40 %": a share between 0 and 1."""
    from babel.numbers import format_percent

    return format_percent(share, locale=locale(tag))


def uses_24_hour_clock(tag: str | None = None) -> bool:
    """Whether the region writes 15:30 rather than 3:30 PM (for time fields)."""
    return "a" not in locale(tag).time_formats["short"].pattern


def _as_datetime(day: date) -> datetime:
    return day if isinstance(day, datetime) else datetime.combine(day, time(12))


__all__ = [
    "day_and_month",
    "duration",
    "full_date",
    "hour",
    "locale",
    "number",
    "percent",
    "short_day_and_month",
    "short_hour",
    "short_weekday",
    "time_of_day",
    "uses_24_hour_clock",
    "weekday_name",
]

"""A callback's delay in the agent's own words: each shipped language's example ("en 2 horas",
"in 2 Stunden") is read as two hours, and English's words still work in every language."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from companion.core import i18n
from companion.core.reminder_texts import example_delay, parse_when

LOCALE = Path(__file__).resolve().parents[3] / "resources" / "locale"
SHIPPED = sorted(path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/companion.po"))
NOW = datetime(2026, 11, 24, 10, 0)


@pytest.fixture
def speaking(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    language: str = request.param
    with (LOCALE / language / "LC_MESSAGES" / "companion.po").open("rb") as handle:
        catalog = read_po(handle)
    folder = tmp_path / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    (folder / "companion.mo").write_bytes(buffer.getvalue())
    assert i18n.install([language], tmp_path) == language
    yield language
    i18n.install([], tmp_path)


@pytest.mark.parametrize("speaking", SHIPPED, indirect=True)
def test_the_languages_own_example_is_read(speaking: str) -> None:
    example = example_delay()
    assert example != "in 2 hours"
    assert parse_when(example, NOW) == NOW + timedelta(hours=2)
    assert parse_when(example.upper(), NOW) == NOW + timedelta(hours=2)


@pytest.mark.parametrize("speaking", SHIPPED, indirect=True)
def test_english_words_and_short_forms_work_in_every_language(speaking: str) -> None:
    assert parse_when("in 2 hours", NOW) == NOW + timedelta(hours=2)
    assert parse_when("90m", NOW) == NOW + timedelta(minutes=90)
    assert parse_when("2h", NOW) == NOW + timedelta(hours=2)


def test_english_reads_its_own_words() -> None:
    assert i18n.language() == "en"
    assert parse_when(example_delay(), NOW) == NOW + timedelta(hours=2)
    assert parse_when("in 45 minutes", NOW) == NOW + timedelta(minutes=45)

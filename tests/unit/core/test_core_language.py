"""The core's tables are built at import, before the language is installed (core.settings
reads them first): they must still speak the language installed later, and its forms."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from companion.core import i18n
from companion.core.breathing import BOX, CYCLIC_SIGHING
from companion.core.calls import Reason, parse_reason
from companion.core.moods import Mood
from companion.core.notices import NoticeAction
from companion.core.reminder_texts import callback_lines, nudge_notice
from companion.core.reminders import Callback

MORNING = datetime(2026, 12, 1, 9, 5, tzinfo=UTC)


@pytest.fixture
def spanish(tmp_path: Path) -> Iterator[None]:
    """A Spanish catalog with a few of the core's sentences, compiled as `make` does."""
    catalog = Catalog(locale="es", domain="companion")
    catalog.add("Box breathing", "Respiración en caja")
    catalog.add("Hold", "Mantén")
    catalog.add("Abusive", "Abusiva")
    catalog.add("Low", "Bajo", context="mood")
    catalog.add("low", "bajo", context="mood in a sentence")
    catalog.add("Start a break", "Empezar una pausa")
    catalog.add("A breather?", "¿Una pausa?")
    catalog.add("{when} {callback}", "{when} {callback}")
    catalog.add("Call back", "Devolver la llamada")
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    (folder / "companion.mo").write_bytes(buffer.getvalue())
    assert i18n.install(["es_ES"], tmp_path) == "es_ES"
    yield
    i18n.install([], tmp_path)  # back to English for the next test


@pytest.mark.usefixtures("spanish")
def test_tables_built_at_import_speak_the_language_installed_later() -> None:
    assert BOX.name == "Respiración en caja"
    assert BOX.steps[1].word == "Mantén"
    assert CYCLIC_SIGHING.why_text in CYCLIC_SIGHING.why  # untranslated: English stays
    assert Reason.ABUSIVE.label == "Abusiva"
    assert (Mood.LOW.label, Mood.LOW.word) == ("Bajo", "bajo")
    assert NoticeAction.START_BREAK.label == "Empezar una pausa"
    assert nudge_notice(2, 72.0).title == "¿Una pausa?"


@pytest.mark.usefixtures("spanish")
def test_a_script_may_still_send_the_english_label() -> None:
    assert parse_reason("Abusive") is parse_reason("abusiva") is Reason.ABUSIVE


@pytest.mark.usefixtures("spanish")
def test_times_follow_the_region_installed() -> None:
    callback = Callback(due_at=MORNING, text="", created_at=MORNING, id=1)
    # Spain writes 24-hour times without a leading zero; "en" would say "9:05 AM".
    assert callback_lines([callback], MORNING - timedelta(minutes=1)) == [
        "9:05 Devolver la llamada"
    ]


def test_a_pattern_without_an_explanation_says_nothing_not_the_catalog_header() -> None:
    from companion.core.breathing import BREATHE_NORMALLY

    assert BREATHE_NORMALLY.why == BREATHE_NORMALLY.source == ""

"""Qt's time and date fields write and read times as the region does: 12- or 24-hour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit
from pytestqt.qtbot import QtBot

from companion.core import i18n
from companion.ui.shell.clock_fields import as_24_hour, as_region_writes, qt_format


@pytest.mark.parametrize(
    ("cldr", "qt"),
    [
        ("h:mm\u202fa", "h:mm Ap"),
        ("HH:mm", "HH:mm"),
        ("MMM d, y", "MMM d, yyyy"),
        ("dd.MM.yy", "dd.MM.yy"),
        ("d 'de' MMM 'de' y", "d 'de' MMM 'de' yyyy"),
        ("EEEE d MMMM y", "dddd d MMMM yyyy"),
    ],
)
def test_the_regions_pattern_becomes_qts(cldr: str, qt: str) -> None:
    assert qt_format(cldr) == qt


@pytest.mark.parametrize(("tag", "shown"), [("en", "3:30 PM"), ("de", "15:30")])
def test_a_time_field_shows_the_regions_clock(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tag: str, shown: str
) -> None:
    monkeypatch.setattr(i18n, "_language", tag)
    edit = QTimeEdit(QTime(15, 30))
    qtbot.addWidget(edit)
    as_region_writes(edit, with_date=False)
    assert edit.text() == shown


def test_a_time_typed_as_the_region_writes_it_is_read(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "_language", "en")
    edit = QTimeEdit(QTime(9, 0))
    qtbot.addWidget(edit)
    as_region_writes(edit, with_date=False)
    edit.lineEdit().setText("4:15 PM")  # a plain space, as typed
    edit.interpretText()
    assert edit.time() == QTime(16, 15)


def test_a_date_field_writes_the_month_in_the_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "_language", "de")
    edit = QDateEdit(QDate(2026, 3, 9))
    qtbot.addWidget(edit)
    as_region_writes(edit, with_date=True)
    assert edit.text() == "09.03.2026"


@pytest.mark.parametrize(
    ("language", "typed", "read"),
    [
        ("en", "3:30 PM", "15:30"),
        ("en", "12 am", "00:00"),
        ("en", "12:15 pm", "12:15"),
        ("en", "at 3 pm", "at 15:00"),
        ("es", "3:30 p.\u202fm.", "15:30"),
        ("es", "3 p. m.", "15:00"),
        ("fr", "15h30", "15:30"),
        ("de", "15.30", "15:30"),
        ("en", "in 2 hours", "in 2 hours"),
        ("en", "2h", "2h"),
        ("en", "13 pm", "13 pm"),
    ],
)
def test_a_typed_time_is_read_as_the_region_writes_it(
    monkeypatch: pytest.MonkeyPatch, language: str, typed: str, read: str
) -> None:
    monkeypatch.setattr(i18n, "_language", language)
    assert as_24_hour(typed) == read

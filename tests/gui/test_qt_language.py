"""Qt's own words in the agent's language, and layouts that mirror for right-to-left languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from companion.core.settings import Settings
from companion.ui.breathing.breathing_window import BreathingWindow
from companion.ui.journal.journal_window import JournalWindow
from companion.ui.reminders.callback_dialog import CallbackDialog
from companion.ui.shell.qt_language import apply_language
from tests.fakes import FakeClock
from tests.gui.journal_helpers import make_services


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[None]:
    """Back to English, left to right, after the test: the application is shared."""
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    apply_language(qapp, "en", "en")


def test_qts_own_buttons_speak_spanish(qapp: QApplication, speak: None) -> None:
    assert apply_language(qapp, "es_MX", "es_MX")  # Mexico falls back to qtbase_es.qm

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    box = QMessageBox(QMessageBox.Icon.Question, "Companion", "?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)

    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Cancelar"
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None and yes.text() == "&Sí"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_english_loads_nothing(qapp: QApplication, speak: None) -> None:
    assert apply_language(qapp, "en_GB", "en_GB") == []
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Cancel"


def windows(qtbot: QtBot) -> list[QWidget]:
    """The break, the journal and the callback reminder, as the agent opens them."""
    services = make_services()
    clock = FakeClock()
    made: list[QWidget] = [
        BreathingWindow(clock, Settings(), reduced_motion=False),
        JournalWindow(services.journal, services.drafts, services.calls, services.clock),
        CallbackDialog(lambda: datetime(2026, 12, 7, 10, 0)),
    ]
    for window in made:
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
    return made


def test_arabic_mirrors_the_windows_even_with_english_sentences(
    qapp: QApplication, qtbot: QtBot, speak: None
) -> None:
    apply_language(qapp, "en", "ar")

    for window in windows(qtbot):
        assert window.isRightToLeft(), type(window).__name__
        assert all(child.isRightToLeft() for child in window.findChildren(QWidget))


def test_left_to_right_languages_keep_their_layout(
    qapp: QApplication, qtbot: QtBot, speak: None
) -> None:
    apply_language(qapp, "en", "de")

    assert not any(window.isRightToLeft() for window in windows(qtbot))

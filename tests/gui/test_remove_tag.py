""" "Remove tag…" in the recent calls window, by keyboard only, over a real journal (issue 14):
asked once with "Keep it" the default; the call goes, its breaks and entries keep their words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QListWidget, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from companion.app import CompanionApp
from companion.core.breaks import BreakOutcome
from companion.core.calls import DifficultCall, Reason
from companion.core.journal import JournalEntry
from companion.ui.calls.recent_calls import RecentCallsWindow
from tests.fakes import T0
from tests.gui.app_helpers import companion, data_dir
from tests.gui.journal_helpers import rows

__all__ = ["companion", "data_dir"]  # fixtures


@dataclass
class Asked:
    """What the question box showed, and which button had the focus when it opened."""

    title: str = ""
    text: str = ""
    informative: str = ""
    focused: str = ""


def answer_by_keyboard(qtbot: QtBot, keys: Callable[[QMessageBox], None]) -> tuple[Asked, QTimer]:
    """When the question box opens (it runs its own loop), note it and press ``keys`` in it."""
    asked = Asked()
    timer = QTimer()

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or asked.title:
            return
        focused = box.focusWidget()
        asked.title, asked.text = box.windowTitle(), box.text()
        asked.informative = box.informativeText()
        asked.focused = focused.text() if isinstance(focused, QAbstractButton) else ""
        keys(box)

    timer.timeout.connect(look)
    timer.start(10)
    return asked, timer


def press_enter(box: QMessageBox) -> None:
    QtBot.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)


def tab_to_remove_and_press_space(box: QMessageBox) -> None:
    for _ in range(3):
        focused = box.focusWidget()
        assert isinstance(focused, QAbstractButton)
        if focused.text() == "Remove tag":
            QtBot.keyClick(focused, Qt.Key.Key_Space)
            return
        QtBot.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached Remove tag in the question")


def seed(app: CompanionApp) -> tuple[DifficultCall, DifficultCall]:
    storage = app._storage
    older = app.breaks.tag_and_breathe(Reason.ANGRY)
    assert older is not None
    app.breaks.close_window()  # at the mood check: a skipped break, linked to the call
    newer = storage.calls.add(DifficultCall(tagged_at=T0 + timedelta(minutes=5)))
    moment = T0 + timedelta(minutes=1)
    storage.journal.save(
        JournalEntry(
            body="He shouted about the refund.",
            created_at=moment,
            updated_at=moment,
            call_id=older.id,
        )
    )
    return older, newer


def open_on(app: CompanionApp, qtbot: QtBot, call: DifficultCall) -> RecentCallsWindow:
    app.journal.show_journal()
    app.journal.show_recent_calls(call.id)
    window = app.journal.calls_window
    assert isinstance(window, RecentCallsWindow)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # keys go to it
    listed = window.findChild(QListWidget, "recentCallsList")
    assert isinstance(listed, QListWidget)
    listed.setFocus()
    return window


def list_texts(window: QWidget) -> list[str]:
    listed = window.findChild(QListWidget, "recentCallsList")
    assert isinstance(listed, QListWidget)
    return [listed.item(row).text() for row in range(listed.count())]


def press_remove_tag(window: RecentCallsWindow, qtbot: QtBot) -> list[str]:
    """Tab from the list to "Remove tag…" and press Space, as the keyboard would; the stops
    passed on the way."""
    passed = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused.accessibleName() == "Remove the chosen call's tag":
            qtbot.keyClick(focused, Qt.Key.Key_Space)
            return passed
        passed.append(focused.accessibleName())
    raise AssertionError(f"Tab never reached Remove tag: {passed}")


def test_keep_it_is_the_default_and_keeps_the_call(companion: CompanionApp, qtbot: QtBot) -> None:
    older, _newer = seed(companion)
    window = open_on(companion, qtbot, older)
    asked, timer = answer_by_keyboard(qtbot, press_enter)
    try:
        passed = press_remove_tag(window, qtbot)
    finally:
        timer.stop()
    details = ["Reason the call was hard", *(f"Intensity {n} of 5" for n in range(1, 6))]
    assert passed == [*details, "Case or ticket reference", "Short note about the call"]
    assert asked.title == "Remove this tag?"
    assert asked.text == "Remove the tag of the call “Today 10:00\u202fAM · Angry”?"
    assert "journal entries about this call are kept" in asked.informative
    assert asked.focused == "Keep it", "Enter keeps it"
    assert companion._storage.calls.get(older.id or 0) == older
    assert len(list_texts(window)) == 2


def test_a_removed_tag_goes_and_what_was_written_stays(
    companion: CompanionApp, qtbot: QtBot
) -> None:
    older, newer = seed(companion)
    counts: list[int] = []
    companion.day_count.changed.connect(counts.append)
    window = open_on(companion, qtbot, older)
    journal = companion.journal.window
    assert journal is not None
    assert "Angry" in " ".join(rows(journal))
    asked, timer = answer_by_keyboard(qtbot, tab_to_remove_and_press_space)
    try:
        press_remove_tag(window, qtbot)
    finally:
        timer.stop()
    assert asked.title == "Remove this tag?"
    storage = companion._storage
    assert storage.calls.get(older.id or 0) is None
    assert storage.calls.get(newer.id or 0) == newer
    assert list_texts(window) == ["Today 10:05\u202fAM · no reason given"]
    [entry] = [item.entry for item in storage.journal.recent()]
    assert (entry.body, entry.call_id) == ("He shouted about the refund.", None)
    [kept] = [b for b in [storage.breaks.latest()] if b is not None]
    assert (kept.call_id, kept.outcome, kept.started_at) == (None, BreakOutcome.SKIPPED, T0)
    assert "Angry" not in " ".join(rows(journal)), "the journal's list follows"
    assert counts[-1] == 1, "the day's count follows"
    assert window.focusWidget() is window.findChild(QListWidget, "recentCallsList")

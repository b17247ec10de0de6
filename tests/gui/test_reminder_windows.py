"""The reminders' windows: the end-of-shift invitation opening the journal with its prompt,
the pause menu, and the settings window's test button, driven as the agent would."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from companion.core import formatting
from companion.core.notices import NoticeAction
from companion.core.settings import Settings
from companion.flows.journaling import JournalFlow
from companion.flows.reminder_scheduler import ReminderFlow
from companion.flows.settings_holder import SettingsHolder
from companion.ui.journal.journal_windows import JournalWindows
from companion.ui.reminders.reminder_ui import ReminderUi
from tests.fakes import (
    FakeClock,
    InMemoryBreaks,
    InMemoryCalls,
    InMemoryDrafts,
    InMemoryJournal,
    InMemoryReminders,
    RecordingNotifier,
)
from tests.gui.test_reminders_gui import TUESDAY_TEN, make_flow, tag_three


def trigger(menu: QMenu, text: str) -> None:
    [action] = [a for a in menu.actions() if a.text() == text]
    assert action.isVisible() and action.isEnabled()
    action.trigger()


def test_the_end_of_shift_invitation_opens_the_journal_editor_with_the_days_prompt(
    qtbot: QtBot,
) -> None:
    calls, breaks = InMemoryCalls(), InMemoryBreaks()
    repo, clock = InMemoryReminders(calls, breaks), FakeClock(TUESDAY_TEN)
    shown, journal = RecordingNotifier(), InMemoryJournal()
    flow = ReminderFlow(repo, clock, SettingsHolder(), shown, lambda: 0.0, lambda _: None)
    journal_flow = JournalFlow(JournalWindows(journal, InMemoryDrafts(), calls, clock))
    flow.reflection_wanted.connect(journal_flow.reflect)  # as app.py wires it
    tag_three(calls, clock, flow)
    flow.timer.timeout.emit()  # the nudge, at 10:02
    clock.advance(7 * 3600 - 180)  # 17:00, the shift's end
    flow.timer.timeout.emit()
    nudge, invitation = shown.shown
    assert nudge.topic == "nudge"
    assert invitation.title == "That's the shift"
    assert invitation.body == ("Today you tagged 3 hard calls. A moment to set the day down?")
    assert invitation.actions == (NoticeAction.REFLECT,)
    flow.on_action(invitation, NoticeAction.REFLECT)
    assert journal_flow.window is not None
    [editor] = journal_flow.window.editors
    qtbot.addWidget(journal_flow.window)
    assert editor.isVisible()
    assert editor._prompt.prompt == (
        "Today you tagged 3 hard calls. What would you like to leave here before you go?"
    )
    assert journal.rows == {}  # kept only if the agent saves it


def reminder_ui(flow: ReminderFlow, clock: FakeClock) -> tuple[ReminderUi, QMenu]:
    menu = QMenu()
    menu.addSeparator()
    menu.addAction("Quit")
    return ReminderUi(flow, clock, lambda: None, lambda _: None, menu), menu


def test_the_pause_menu_holds_the_nudge_says_until_when_and_resumes(qtbot: QtBot) -> None:
    shown = RecordingNotifier()
    flow, calls, repo, clock = make_flow(shown)
    ui, _ = reminder_ui(flow, clock)
    assert ui.menu is not None
    pause = ui.menu.pause_menu
    assert [a.text() for a in pause.actions() if a.isVisible()] == [
        "For 30 minutes",
        "For 1 hour",
        "Until tomorrow",
    ]
    trigger(pause, "For 30 minutes")
    assert repo.paused_until == TUESDAY_TEN + timedelta(minutes=30)
    at = formatting.time_of_day(TUESDAY_TEN + timedelta(minutes=30))
    assert pause.title() == f"Reminders paused until {at}"
    tag_three(calls, clock, flow)
    flow.timer.timeout.emit()
    assert shown.shown == []  # paused: the nudge waits
    trigger(pause, "Until tomorrow")
    assert pause.title() == f"Reminders paused until {formatting.hour(0)}"
    trigger(pause, "Resume reminders now")
    assert repo.paused_until is None and pause.title() == "Pause reminders"
    assert not next(a for a in pause.actions() if a.text() == "Resume reminders now").isVisible()
    flow.timer.timeout.emit()
    assert [n.topic for n in shown.shown] == ["nudge"]


def test_send_a_test_notification_reports_which_way_it_went(qtbot: QtBot) -> None:
    shown = RecordingNotifier("notify-send")
    flow, _, _, clock = make_flow(shown)
    ui, _ = reminder_ui(flow, clock)
    window = ui.show_settings(Settings(), [])
    qtbot.addWidget(window)
    assert window.test_result.text() == ""
    qtbot.mouseClick(window.test_button, Qt.MouseButton.LeftButton)
    assert window.test_result.text() == "Sent through notify-send."
    [test] = shown.shown
    assert (test.title, test.body) == (
        "Companion",
        "This is how reminders will look. Nothing to do.",
    )

"""The reminder flow with fakes and a fake clock, the toast, the callback dialog and Settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from companion.core import formatting
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall
from companion.core.notices import Notice, NoticeAction
from companion.core.reminder_settings import ReminderSettings
from companion.core.reminder_texts import nudge_notice
from companion.core.settings import Settings
from companion.flows.reminder_scheduler import AWAY_RECHECK, ReminderFlow
from companion.flows.settings_holder import SettingsHolder
from companion.notify.chain import NO_SERVICE_NOTE, FallbackNotifier, InAppFallback, OnceNote
from companion.ui.reminders.callback_dialog import CallbackDialog
from companion.ui.reminders.toast import ToastNotifier
from companion.ui.settings.messages import NO_SERVICE_TEXT
from companion.ui.settings.settings_window import SettingsWindow
from tests.fakes import (
    FailingNotifier,
    FakeClock,
    InMemoryBreaks,
    InMemoryCalls,
    InMemoryReminders,
    RecordingNotifier,
    UnavailableNotifier,
)

TUESDAY_TEN = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def make_flow(
    notifier: RecordingNotifier | FallbackNotifier,
    idle: float | None = None,
    idle_seconds: Callable[[], float | None] | None = None,
    breaks_of: Settings | None = None,
) -> tuple[ReminderFlow, InMemoryCalls, InMemoryReminders, FakeClock]:
    """A flow on Tuesday at 10:00 without the reflection; ``idle_seconds`` wins over ``idle``;
    ``breaks_of``: the break settings (pattern and length) to use instead of the defaults."""
    calls, breaks = InMemoryCalls(), InMemoryBreaks()
    repo, clock = InMemoryReminders(calls, breaks), FakeClock(TUESDAY_TEN)
    base = breaks_of or Settings()
    settings = SettingsHolder(replace(base, reminders=ReminderSettings(reflection=False)))
    flow = ReminderFlow(
        repo, clock, settings, notifier, idle_seconds or (lambda: idle), lambda _: None
    )
    return flow, calls, repo, clock


def tag_three(calls: InMemoryCalls, clock: FakeClock, flow: ReminderFlow) -> None:
    for _ in range(3):
        calls.add(DifficultCall(tagged_at=clock.now()))
        flow.reschedule()
        clock.advance(60)


def test_the_third_hard_call_arms_the_timer_and_one_nudge_is_shown(qtbot: QtBot) -> None:
    shown = RecordingNotifier()
    flow, calls, _repo, clock = make_flow(shown)
    flow.reschedule()
    assert not flow.timer.isActive()  # nothing due: no timer at all
    tag_three(calls, clock, flow)
    assert flow.timer.isActive() and flow.timer.remainingTime() <= 0
    flow.timer.timeout.emit()
    assert [n.topic for n in shown.shown] == ["nudge"]
    assert "tough run" in shown.shown[0].body
    assert "72 seconds of breathing?" in shown.shown[0].body  # 75 s of cyclic sighing: 8 breaths
    assert not flow.timer.isActive()  # and nothing more is due


@pytest.mark.parametrize(
    ("pattern_key", "break_seconds", "said"),
    [("box", 120, "2 minutes"), ("box", 60, "64 seconds"), ("sigh", 300, "5 minutes")],
)
def test_the_nudge_offers_the_break_the_settings_plan(
    qtbot: QtBot, pattern_key: str, break_seconds: int, said: str
) -> None:
    shown = RecordingNotifier()
    breaks = Settings(pattern_key=pattern_key, break_seconds=break_seconds)
    flow, calls, _repo, clock = make_flow(shown, breaks_of=breaks)
    tag_three(calls, clock, flow)
    flow.timer.timeout.emit()
    [nudge] = shown.shown
    assert f"{said} of breathing?" in nudge.body
    assert "Two minutes" not in nudge.body


def test_while_the_agent_is_away_the_reminder_waits(qtbot: QtBot) -> None:
    shown = RecordingNotifier()
    flow, calls, _, clock = make_flow(shown, idle=3600)
    tag_three(calls, clock, flow)
    flow.timer.timeout.emit()
    assert shown.shown == []
    assert flow.timer.interval() == int(AWAY_RECHECK.total_seconds() * 1000)


def test_nothing_is_shown_over_a_break_window(qtbot: QtBot) -> None:
    shown = RecordingNotifier()
    calls, breaks = InMemoryCalls(), InMemoryBreaks()
    repo, clock = InMemoryReminders(calls, breaks), FakeClock(TUESDAY_TEN)
    in_break = True
    flow = ReminderFlow(
        repo,
        clock,
        SettingsHolder(Settings(reminders=ReminderSettings(reflection=False))),
        shown,
        lambda: 0.0,
        lambda _: None,
        in_break=lambda: in_break,
    )
    tag_three(calls, clock, flow)
    flow.timer.timeout.emit()
    assert shown.shown == []
    assert flow.timer.isActive()  # it looks again later, and the app reschedules on close
    in_break = False  # the agent closed the break window without breathing
    flow.reschedule()
    flow.timer.timeout.emit()
    assert [n.topic for n in shown.shown] == ["nudge"]


def test_skipped_breaks_do_not_count_as_breaks_for_the_nudge(qtbot: QtBot) -> None:
    shown = RecordingNotifier()
    flow, calls, repo, clock = make_flow(shown)
    breaks = repo._breaks
    for _ in range(3):
        call = calls.add(DifficultCall(tagged_at=clock.now()))
        breaks.add(
            BreakRecord(
                pattern_key="sigh",
                started_at=clock.now(),
                planned_seconds=75,
                actual_seconds=2,
                outcome=BreakOutcome.SKIPPED,
                call_id=call.id,
            )
        )
        clock.advance(60)
    flow.reschedule()
    flow.timer.timeout.emit()
    assert [n.topic for n in shown.shown] == ["nudge"]


def test_a_callback_snoozed_from_its_notification_comes_back(qtbot: QtBot) -> None:
    shown = RecordingNotifier()
    flow, _, repo, clock = make_flow(shown)
    flow.add_callback(clock.now() + timedelta(minutes=1), "Refund", "4711")
    assert flow.timer.isActive() and flow.timer.interval() == 60_000
    clock.advance(60)
    flow.timer.timeout.emit()
    [notice] = shown.shown
    assert "4711" in notice.body and notice.actions == (NoticeAction.DONE, NoticeAction.SNOOZE)
    flow.on_action(notice, NoticeAction.SNOOZE)
    assert flow.timer.isActive() and flow.timer.interval() == 15 * 60_000
    flow.on_action(notice, NoticeAction.DONE)
    assert repo.open_callbacks() == [] and not flow.timer.isActive()


def test_when_no_desktop_notification_works_a_toast_shows_it(qtbot: QtBot) -> None:
    answers: list[NoticeAction] = []
    toast = ToastNotifier(lambda notice, action: answers.append(action))
    chain = FallbackNotifier([UnavailableNotifier(), FailingNotifier(), toast])
    notice = Notice("A breather?", "That was a tough run.", actions=(NoticeAction.START_BREAK,))
    delivery = chain.notify(notice)
    assert delivery.ok and delivery.backend == toast.name
    assert toast.toast is not None and toast.toast.isVisible()
    qtbot.addWidget(toast.toast)
    buttons = [b for b in toast.toast.findChildren(QPushButton) if b.text() == "Start a break"]
    buttons[0].click()
    assert answers == [NoticeAction.START_BREAK] and not toast.toast.isVisible()


def test_the_callback_dialog_reads_the_time_and_keeps_the_case(qtbot: QtBot) -> None:
    dialog = CallbackDialog(lambda: TUESDAY_TEN, case_ref="4711")
    qtbot.addWidget(dialog)
    got: list[tuple[object, str, object]] = []
    dialog.callback_requested.connect(lambda at, text, case: got.append((at, text, case)))
    qtbot.keyClicks(dialog.when, "soon")
    assert "Try a time like" in dialog.hint.text()
    dialog.when.clear()
    qtbot.keyClicks(dialog.when, "in 2 hours")
    assert dialog.hint.text() == f"At {formatting.hour(12)}"  # "12:00 PM" in the tests' "en"
    dialog._on_save()
    assert got == [(TUESDAY_TEN + timedelta(hours=2), "", "4711")]


def test_the_callback_dialog_reads_a_time_as_the_region_writes_it(qtbot: QtBot) -> None:
    """In English (the tests' language) "3:30 pm" is read as 15:30, as "15:30" is."""
    dialog = CallbackDialog(lambda: TUESDAY_TEN)
    qtbot.addWidget(dialog)
    got: list[tuple[object, str, object]] = []
    dialog.callback_requested.connect(lambda at, text, case: got.append((at, text, case)))
    qtbot.keyClicks(dialog.when, "3:30 pm")
    assert dialog.hint.text() == "At 3:30\u202fPM"
    dialog._on_save()
    assert got == [(TUESDAY_TEN.replace(hour=15, minute=30), "", None)]


def test_settings_window_saves_a_checked_value_and_reports_the_test(qtbot: QtBot) -> None:
    window = SettingsWindow(
        Settings(), ["Your settings file is damaged; Companion is using its defaults."]
    )
    qtbot.addWidget(window)
    window.show()
    assert window.warning.isVisible()
    saved: list[Settings] = []
    window.saved.connect(saved.append)
    window.end.setTime(window.start.time())
    window._on_save()
    assert saved == [] and "can't be saved" in window.error.text()
    window.end.setTime(window.start.time().addSecs(4 * 3600))
    window.sound.setChecked(True)
    window._on_save()
    assert saved[0].reminders.shift_end == time(13, 0) and saved[0].reminders.sound
    window.show_test_result(RecordingNotifier("notify-send").notify(Notice("t", "b")))
    assert window.test_result.text() == "Sent through notify-send."


def test_the_first_notice_companion_shows_itself_says_why_once_and_fits(qtbot: QtBot) -> None:
    """No notification service: only the log knew. The first toast says so, then no more."""
    toast = ToastNotifier(lambda notice, action: None)
    note = OnceNote()
    chain = FallbackNotifier([UnavailableNotifier(), InAppFallback([toast], note)])

    chain.notify(nudge_notice(3, 72.0))

    assert toast.toast is not None
    qtbot.addWidget(toast.toast)
    body = toast.toast.findChild(QLabel, "toastBody")
    assert body is not None and body.isVisible()
    assert body.text().endswith(NO_SERVICE_NOTE) and note.given
    assert body.height() >= body.heightForWidth(body.width())  # the wrapped note is not cut
    chain.notify(Notice("A breather?", "Again."))
    assert toast.toast.findChild(QLabel, "toastBody").text() == "Again."  # type: ignore[union-attr]


def test_the_settings_window_says_when_the_desktop_has_no_notifications(qtbot: QtBot) -> None:
    without = SettingsWindow(Settings())
    qtbot.addWidget(without)
    explained = SettingsWindow(Settings(), no_notification_service=True)
    qtbot.addWidget(explained)
    for window in (without, explained):
        window.show()

    assert not without.service_note.isVisible()
    assert explained.service_note.isVisible()
    assert explained.service_note.text() == NO_SERVICE_TEXT

"""What the agent's answer to a notice does: which window each click opens, one callback at
a time, and the end-of-shift invitation delivered and clicked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from companion.core.notices import Notice, NoticeAction
from companion.core.reminders import Due, Reminder, ReminderKind
from companion.flows.reminder_scheduler import ReminderFlow
from tests.fakes import RecordingNotifier
from tests.gui.test_reminders_gui import make_flow


def opened(flow: ReminderFlow) -> list[str]:
    """Records which window the flow asks the app for."""
    seen: list[str] = []
    flow.break_wanted.connect(lambda: seen.append("break"))
    flow.reflection_wanted.connect(lambda prompt: seen.append(f"reflection: {prompt}"))
    flow.callbacks_wanted.connect(lambda: seen.append("callbacks"))
    return seen


@pytest.mark.parametrize(
    ("topic", "action", "window"),
    [
        ("nudge", NoticeAction.OPEN, "break"),
        ("nudge", NoticeAction.START_BREAK, "break"),
        ("reflection", NoticeAction.OPEN, "reflection"),
        ("reflection", NoticeAction.REFLECT, "reflection"),
        ("reflection", NoticeAction.SHOW_CALLBACKS, "callbacks"),
        ("callback", NoticeAction.OPEN, "callbacks"),
        ("callbacks", NoticeAction.OPEN, "callbacks"),
        ("callbacks", NoticeAction.SHOW_CALLBACKS, "callbacks"),
    ],
)
def test_each_click_opens_the_window_its_notice_is_about(
    qtbot: QtBot, topic: str, action: NoticeAction, window: str
) -> None:
    flow, *_ = make_flow(RecordingNotifier())
    seen = opened(flow)
    flow.on_action(Notice("t", "b", topic=topic), action)
    assert [s.split(":")[0] for s in seen] == [window]


def test_a_click_on_an_ordinary_message_opens_nothing(qtbot: QtBot) -> None:
    flow, *_ = make_flow(RecordingNotifier())
    seen = opened(flow)
    flow.on_action(Notice("Companion", "Your settings were saved."), NoticeAction.OPEN)
    assert seen == []


def test_done_on_a_notice_about_several_callbacks_closes_none_and_opens_the_list(
    qtbot: QtBot,
) -> None:
    flow, _, repo, clock = make_flow(RecordingNotifier())
    first = flow.add_callback(clock.now(), "Refund", "4711")
    second = flow.add_callback(clock.now(), "Address", "4712")
    assert first is not None and second is not None and first.id and second.id
    seen = opened(flow)
    several = Notice("t", "b", topic="callbacks", callback_ids=(first.id, second.id))
    flow.on_action(several, NoticeAction.DONE)
    flow.on_action(several, NoticeAction.SNOOZE)
    assert [c.id for c in repo.open_callbacks()] == [first.id, second.id]
    assert [c.due_at for c in repo.open_callbacks()] == [clock.now(), clock.now()]
    assert seen == ["callbacks", "callbacks"]


def test_two_callbacks_due_at_once_come_as_one_list_and_its_click_opens_them(
    qtbot: QtBot,
) -> None:
    shown = RecordingNotifier()
    flow, _, repo, clock = make_flow(shown)
    flow.add_callback(clock.now() + timedelta(minutes=1), "Refund", "4711")
    flow.add_callback(clock.now() + timedelta(minutes=1), "Address", "4712")
    clock.advance(60)
    flow.timer.timeout.emit()
    [notice] = shown.shown
    assert notice.title == "2 callbacks are due"
    assert notice.actions == (NoticeAction.SHOW_CALLBACKS,)
    seen = opened(flow)
    flow.on_action(notice, NoticeAction.OPEN)
    assert seen == ["callbacks"] and len(repo.open_callbacks()) == 2


def test_a_reminder_with_nothing_left_to_say_sends_nothing(qtbot: QtBot) -> None:
    shown = RecordingNotifier()
    flow, _, _repo, clock = make_flow(shown)
    stored = flow.add_callback(clock.now(), "Refund", "4711")
    assert stored is not None and stored.id is not None
    flow.mark_done((stored.id,))  # done while its timer was running out
    due = Due(clock.now(), (Reminder(ReminderKind.CALLBACK, clock.now(), stored.id),))
    assert flow.deliver(due, clock.now()) is None
    assert shown.shown == []

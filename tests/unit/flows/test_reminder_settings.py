"""The reminder flow reads the settings holder: a saved change re-arms its one timer."""

from __future__ import annotations

from datetime import UTC, datetime

from companion.core.calls import DifficultCall
from companion.core.reminder_settings import ReminderSettings
from companion.core.reminders import Callback
from companion.core.settings import Settings
from companion.flows.reminder_scheduler import ReminderFlow
from companion.flows.settings_holder import SettingsHolder
from tests.fakes import FakeClock, InMemoryBreaks, InMemoryCalls, InMemoryReminders

TUESDAY_TEN = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def make() -> tuple[ReminderFlow, SettingsHolder, InMemoryCalls, InMemoryReminders, FakeClock]:
    calls, breaks = InMemoryCalls(), InMemoryBreaks()
    repo, clock = InMemoryReminders(calls, breaks), FakeClock(TUESDAY_TEN)
    holder = SettingsHolder(Settings(reminders=ReminderSettings(reflection=False)))
    flow = ReminderFlow(repo, clock, holder, RecordingOnly(), lambda: 0.0, lambda _: None)
    return flow, holder, calls, repo, clock


class RecordingOnly:
    name = "recording"

    def notify(self, notice: object) -> object:
        raise AssertionError("nothing is due in these tests")


def test_turning_reminders_off_stops_the_timer_without_a_reschedule_call(qapp: object) -> None:
    flow, holder, calls, _, clock = make()
    for _ in range(3):
        calls.add(DifficultCall(tagged_at=clock.now()))
        clock.advance(60)
    flow.reschedule()
    assert flow.timer.isActive(), "a nudge is due after three calls"

    holder.save(Settings(reminders=ReminderSettings(enabled=False, reflection=False)))

    assert not flow.timer.isActive()


def test_the_journal_lists_open_callbacks_from_the_flow() -> None:
    flow, _, _, repo, clock = make()
    repo.add_callback(Callback(due_at=clock.now(), text="Mrs Díaz", created_at=clock.now()))
    [line] = flow.callback_lines()
    assert "Mrs Díaz" in line

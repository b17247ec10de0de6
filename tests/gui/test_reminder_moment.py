"""The right moment in the reminder flow: a call or Do Not Disturb holds nudges back, callbacks
go quietly, and what can't be known changes nothing (working, unavailable and failing fakes)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from companion.core.calls import DifficultCall
from companion.core.moment import CALL_UNKNOWN, DND_UNKNOWN, IDLE_UNKNOWN
from companion.core.ports import DoNotDisturb, Microphone
from companion.core.reminder_settings import ReminderSettings
from companion.core.settings import Settings
from companion.flows.reminder_scheduler import (
    AWAY_RECHECK,
    CALL_RECHECK,
    DND_RECHECK,
    MAX_SLEEP,
    ReminderFlow,
)
from companion.flows.settings_holder import SettingsHolder
from companion.ui.reminders.reminder_ui import ReminderUi
from companion.ui.settings.messages import WAITS_TEXT
from companion.ui.settings.settings_window import SettingsWindow
from tests.fakes import (
    FailingDoNotDisturb,
    FailingMicrophone,
    FakeClock,
    FakeDoNotDisturb,
    FakeIdle,
    FakeMicrophone,
    InMemoryBreaks,
    InMemoryCalls,
    InMemoryReminders,
    RecordingNotifier,
    UnavailableDoNotDisturb,
    UnavailableIdle,
    UnavailableMicrophone,
)

TUESDAY_TEN = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


class World:
    """A flow on Tuesday at 10:00 (in the default shift, no reflection) and its fakes."""

    def __init__(
        self,
        dnd: DoNotDisturb | None = None,
        microphone: Microphone | None = None,
        idle: FakeIdle | UnavailableIdle | None = None,
        sound: bool = False,
    ) -> None:
        self.shown = RecordingNotifier()
        self.calls = InMemoryCalls()
        self.repo = InMemoryReminders(self.calls, InMemoryBreaks())
        self.clock = FakeClock(TUESDAY_TEN)
        self.idle = idle or FakeIdle(0.0)
        self.flow = ReminderFlow(
            self.repo,
            self.clock,
            SettingsHolder(Settings(reminders=ReminderSettings(reflection=False, sound=sound))),
            self.shown,
            self.idle.seconds,
            lambda _: None,
            do_not_disturb=dnd,
            microphone=microphone,
        )

    def tag_three(self) -> None:
        for _ in range(3):
            self.calls.add(DifficultCall(tagged_at=self.clock.now()))
            self.flow.reschedule()
            self.clock.advance(60)

    def fire(self, after: timedelta = timedelta(0)) -> None:
        """Time passes, and the timer (armed or not) fires."""
        self.clock.advance(after.total_seconds())
        self.flow.timer.timeout.emit()

    def topics(self) -> list[tuple[str, bool]]:
        return [(notice.topic, notice.quiet) for notice in self.shown.shown]


def ms(wait: timedelta) -> int:
    return int(wait.total_seconds() * 1000)


def test_on_a_call_the_nudge_waits_and_comes_when_the_call_is_over(qtbot: QtBot) -> None:
    microphone = FakeMicrophone(recording=True)
    world = World(microphone=microphone)
    world.flow.reschedule()
    world.tag_three()
    assert microphone.asked == 0  # nothing was due yet: nobody asked
    world.fire()
    assert world.shown.shown == [] and world.flow.timer.interval() == ms(CALL_RECHECK)
    world.fire(CALL_RECHECK)
    assert world.shown.shown == []  # still on the call: still waiting, nothing stacked
    microphone.recording = False  # the call ended
    world.fire(CALL_RECHECK)
    assert world.topics() == [("nudge", False)]
    assert microphone.asked == 3 and not world.flow.timer.isActive()


def test_in_do_not_disturb_the_nudge_waits_longer_between_looks(qtbot: QtBot) -> None:
    dnd = FakeDoNotDisturb(on=True)
    world = World(dnd=dnd, microphone=FakeMicrophone())
    world.tag_three()
    world.fire()
    assert world.shown.shown == [] and world.flow.timer.interval() == ms(DND_RECHECK)
    dnd.on = False
    world.fire(DND_RECHECK)
    assert world.topics() == [("nudge", False)]


def test_a_callback_due_on_a_call_goes_at_its_time_quietly_and_silently(qtbot: QtBot) -> None:
    world = World(microphone=FakeMicrophone(recording=True), sound=True)
    world.flow.add_callback(world.clock.now() + timedelta(minutes=5), "Refund", "4711")
    world.fire(timedelta(minutes=5))
    [notice] = world.shown.shown
    assert notice.topic == "callback" and notice.quiet and not notice.sound
    # Nothing held back, so no looking again: the timer waits for what is due next (the
    # end-of-shift list of callbacks still open, hours away, in steps of MAX_SLEEP).
    assert world.flow.timer.interval() == ms(MAX_SLEEP)


def test_a_callback_and_a_nudge_due_together_on_a_call_part_ways(qtbot: QtBot) -> None:
    microphone = FakeMicrophone(recording=True)
    world = World(microphone=microphone, sound=True)
    world.flow.add_callback(world.clock.now() + timedelta(minutes=3), "Refund", "4711")
    world.tag_three()  # the third call lands at the callback's time
    world.fire()
    assert world.topics() == [("callback", True)]
    assert world.flow.timer.interval() == ms(CALL_RECHECK)
    microphone.recording = False
    world.fire(CALL_RECHECK)
    assert world.topics() == [("callback", True), ("nudge", False)]
    assert world.shown.shown[1].sound  # the agent's setting again, once the call is over


def test_a_nudge_held_past_its_window_by_a_long_call_is_dropped(qtbot: QtBot) -> None:
    microphone = FakeMicrophone(recording=True)
    world = World(microphone=microphone)
    world.tag_three()
    world.fire()
    for _ in range(2 * 60):  # an hour of calls, looked at every 30 s
        world.fire(CALL_RECHECK)
    microphone.recording = False
    world.fire(CALL_RECHECK)
    assert world.shown.shown == [] and not world.flow.timer.isActive()


def test_away_nothing_else_is_asked_and_it_waits_as_before(qtbot: QtBot) -> None:
    dnd, microphone = FakeDoNotDisturb(on=True), FakeMicrophone(recording=True)
    world = World(dnd=dnd, microphone=microphone, idle=FakeIdle(3600))
    world.tag_three()
    world.fire()
    assert world.shown.shown == [] and world.flow.timer.interval() == ms(AWAY_RECHECK)
    assert dnd.asked == microphone.asked == 0


@pytest.mark.parametrize(
    ("dnd", "microphone"),
    [
        (UnavailableDoNotDisturb(), UnavailableMicrophone()),
        (FailingDoNotDisturb(), FailingMicrophone()),
        (None, None),
    ],
    ids=["unavailable", "failing", "none"],
)
def test_what_cannot_be_known_changes_nothing_the_nudge_comes_at_its_time(
    qtbot: QtBot, dnd: DoNotDisturb | None, microphone: Microphone | None
) -> None:
    world = World(dnd=dnd, microphone=microphone)
    world.tag_three()
    world.fire()
    assert world.topics() == [("nudge", False)]


def test_a_failing_probe_is_logged_once(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    microphone = FailingMicrophone()
    world = World(microphone=microphone)
    with caplog.at_level(logging.WARNING):
        for case in ("4711", "4712", "4713"):
            world.flow.add_callback(world.clock.now(), "Refund", case)
            world.fire()
    assert world.topics() == [("callback", False)] * 3 and microphone.asked == 3
    assert len([r for r in caplog.records if "microphone unknown" in r.getMessage()]) == 1


def test_the_log_says_why_once_and_nothing_about_the_call(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    world = World(microphone=FakeMicrophone(recording=True))
    world.tag_three()
    with caplog.at_level(logging.INFO, logger="companion"):
        world.fire()
        world.fire(CALL_RECHECK)
        world.fire(CALL_RECHECK)
    waits = [r.getMessage() for r in caplog.records if "waits" in r.getMessage()]
    assert waits == ["a reminder is due but waits: the agent is on a call"]


def test_settings_say_what_this_computer_cannot_tell(qtbot: QtBot) -> None:
    blind = World(UnavailableDoNotDisturb(), FailingMicrophone(), UnavailableIdle())
    assert blind.flow.cannot_tell() == [IDLE_UNKNOWN, DND_UNKNOWN, CALL_UNKNOWN]
    seeing = World(FakeDoNotDisturb(), FakeMicrophone(), FakeIdle(0.0))
    assert seeing.flow.cannot_tell() == []

    ui = ReminderUi(blind.flow, blind.clock, lambda: None, lambda _: None, None)
    window = ui.show_settings(Settings(), [])
    qtbot.addWidget(window)
    note = window.findChild(QLabel, "momentNote")
    assert note is not None and note.isVisible()
    assert note.text().splitlines() == [WAITS_TEXT, IDLE_UNKNOWN, DND_UNKNOWN, CALL_UNKNOWN]


def test_where_everything_can_be_told_settings_only_say_what_waits(qtbot: QtBot) -> None:
    window = SettingsWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.moment_note.isVisible() and window.moment_note.text() == WAITS_TEXT

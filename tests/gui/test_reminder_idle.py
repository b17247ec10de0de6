"""Reminders and idle time: they wait while the agent is away, and go at their time when idle
time is unknown or its system call fails (a working, an unavailable and a failing fake)."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from companion.flows.reminder_scheduler import AWAY_RECHECK
from tests.fakes import FailingIdle, FakeIdle, RecordingNotifier, UnavailableIdle
from tests.gui.test_reminders_gui import make_flow, tag_three

RECHECK_MS = int(AWAY_RECHECK.total_seconds() * 1000)


def test_away_the_nudge_waits_and_comes_once_the_agent_is_back(qtbot: QtBot) -> None:
    shown, idle = RecordingNotifier(), FakeIdle(idle=3600)
    flow, calls, _, clock = make_flow(shown, idle_seconds=idle.seconds)
    flow.reschedule()
    assert idle.asked == 0  # nothing due: idle time is not asked, nothing runs
    tag_three(calls, clock, flow)
    flow.timer.timeout.emit()
    assert shown.shown == [] and flow.timer.interval() == RECHECK_MS
    clock.advance(60)
    flow.timer.timeout.emit()
    assert shown.shown == []  # still away: still waiting, nothing stacked up
    idle.idle = 2.0  # back at the keyboard
    clock.advance(60)
    flow.timer.timeout.emit()
    assert [n.topic for n in shown.shown] == ["nudge"]
    assert idle.asked == 3 and not flow.timer.isActive()


def test_idle_time_of_exactly_the_setting_still_counts_as_present(qtbot: QtBot) -> None:
    shown = RecordingNotifier()
    flow, calls, _, clock = make_flow(shown, idle_seconds=FakeIdle(idle=3 * 60).seconds)
    tag_three(calls, clock, flow)
    flow.timer.timeout.emit()
    assert [n.topic for n in shown.shown] == ["nudge"]


def test_unknown_idle_time_counts_as_present(qtbot: QtBot) -> None:
    shown, idle = RecordingNotifier(), UnavailableIdle()
    flow, calls, _, clock = make_flow(shown, idle_seconds=idle.seconds)
    tag_three(calls, clock, flow)
    flow.timer.timeout.emit()
    assert [n.topic for n in shown.shown] == ["nudge"] and idle.asked == 1


def test_a_failing_idle_call_is_logged_once_and_reminders_still_come(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    shown, idle = RecordingNotifier(), FailingIdle()
    flow, calls, _, clock = make_flow(shown, idle_seconds=idle.seconds)
    with caplog.at_level(logging.WARNING):
        tag_three(calls, clock, flow)
        flow.timer.timeout.emit()
        for minutes in (1, 2):
            flow.add_callback(clock.now(), "Refund", f"47{minutes}")
            flow.timer.timeout.emit()
    assert [n.topic for n in shown.shown] == ["nudge", "callback", "callback"]
    assert idle.asked == 3
    assert len([r for r in caplog.records if "idle time unknown" in r.getMessage()]) == 1

"""The right moment: what goes now, what goes quietly, and what waits (a pure decision)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companion.core.moment import (
    CALL_UNKNOWN,
    DND_UNKNOWN,
    IDLE_UNKNOWN,
    Decision,
    Moment,
    cannot_tell,
    decide,
)
from companion.core.reminders import Due, Reminder, ReminderKind

AT = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
NUDGE = Reminder(ReminderKind.NUDGE, AT)
REFLECTION = Reminder(ReminderKind.REFLECTION, AT)
CALLBACK = Reminder(ReminderKind.CALLBACK, AT, callback_id=7)
OVERDUE = Reminder(ReminderKind.OVERDUE, AT)
BUSY = [
    Moment(do_not_disturb=True),
    Moment(on_call=True),
    Moment(do_not_disturb=True, on_call=True),
]


def due(*reminders: Reminder) -> Due:
    return Due(AT, reminders)


@pytest.mark.parametrize("reminders", [(NUDGE,), (REFLECTION,), (CALLBACK,), (CALLBACK, NUDGE)])
def test_a_free_moment_delivers_everything_due_as_it_is(reminders: tuple[Reminder, ...]) -> None:
    assert decide(Moment(), due(*reminders)) == Decision(deliver=due(*reminders))


@pytest.mark.parametrize("moment", [Moment(away=True), Moment(in_break=True)])
@pytest.mark.parametrize("reminders", [(NUDGE,), (CALLBACK,), (CALLBACK, OVERDUE, REFLECTION)])
def test_away_or_in_a_break_everything_waits(
    moment: Moment, reminders: tuple[Reminder, ...]
) -> None:
    assert decide(moment, due(*reminders)) == Decision(wait=True)


def test_away_wins_over_a_call_callbacks_wait_for_the_agent_too() -> None:
    moment = Moment(away=True, on_call=True, do_not_disturb=True)
    assert decide(moment, due(CALLBACK)) == Decision(wait=True)


@pytest.mark.parametrize("moment", BUSY)
@pytest.mark.parametrize("reminder", [NUDGE, REFLECTION])
def test_on_a_call_or_in_do_not_disturb_nudges_and_reflections_wait(
    moment: Moment, reminder: Reminder
) -> None:
    assert decide(moment, due(reminder)) == Decision(wait=True)


@pytest.mark.parametrize("moment", BUSY)
def test_on_a_call_or_in_do_not_disturb_callbacks_go_at_their_time_quietly(
    moment: Moment,
) -> None:
    assert decide(moment, due(CALLBACK, OVERDUE)) == Decision(
        deliver=due(CALLBACK, OVERDUE), quiet=True
    )


@pytest.mark.parametrize("moment", BUSY)
def test_a_callback_due_with_a_nudge_goes_quietly_and_the_nudge_waits(moment: Moment) -> None:
    decision = decide(moment, due(CALLBACK, NUDGE, OVERDUE))
    assert decision == Decision(deliver=due(CALLBACK, OVERDUE), quiet=True, wait=True)


def test_settings_lines_name_only_what_this_computer_cannot_tell() -> None:
    assert cannot_tell(idle_known=True, dnd_known=True, call_known=True) == []
    assert cannot_tell(idle_known=False, dnd_known=True, call_known=False) == [
        IDLE_UNKNOWN,
        CALL_UNKNOWN,
    ]
    assert cannot_tell(idle_known=True, dnd_known=False, call_known=True) == [DND_UNKNOWN]
    assert "on a call" in CALL_UNKNOWN and "at their time" in CALL_UNKNOWN

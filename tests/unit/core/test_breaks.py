"""The break timer: pause, extend, end; time passed in, never read."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from companion.core.breaks import (
    MAX_BREAK_SECONDS,
    BreakOutcome,
    BreakTimer,
    outcome_for,
)


def test_timer_counts_from_start_and_stops_at_plan() -> None:
    timer = BreakTimer(60)
    assert timer.elapsed(5.0) == 0.0
    timer.start(100.0)
    assert timer.elapsed(130.0) == 30.0
    assert timer.remaining(130.0) == 30.0
    assert not timer.finished(159.0)
    assert timer.finished(160.0)
    assert timer.elapsed(500.0) == 60.0


def test_paused_time_does_not_count() -> None:
    timer = BreakTimer(60)
    timer.start(0.0)
    timer.pause(10.0)
    assert timer.elapsed(40.0) == 10.0
    timer.resume(40.0)
    assert timer.elapsed(50.0) == 20.0
    timer.toggle_pause(50.0)
    assert timer.paused
    timer.toggle_pause(55.0)
    assert timer.elapsed(55.0) == 20.0


def test_extend_adds_thirty_seconds_up_to_a_cap() -> None:
    timer = BreakTimer(60)
    timer.extend()
    assert timer.planned_seconds == 90
    for _ in range(100):
        timer.extend()
    assert timer.planned_seconds == MAX_BREAK_SECONDS
    assert timer.planned_at_start_seconds == 60, "the first plan is kept beside it"


@given(
    st.lists(
        st.tuples(st.sampled_from(["pause", "resume", "extend"]), st.floats(0, 30)),
        max_size=30,
    )
)
def test_elapsed_never_exceeds_wall_time_or_plan(actions) -> None:  # type: ignore[no-untyped-def]
    timer = BreakTimer(60)
    now = 0.0
    timer.start(now)
    for action, gap in actions:
        now += gap
        getattr(timer, action)(now) if action != "extend" else timer.extend()
        assert 0.0 <= timer.elapsed(now) <= min(now, timer.planned_seconds)


def test_outcome() -> None:
    assert outcome_for(10, 60, skipped=True) is BreakOutcome.SKIPPED
    assert outcome_for(60, 60, skipped=False) is BreakOutcome.COMPLETED
    assert outcome_for(20, 60, skipped=False) is BreakOutcome.ENDED_EARLY

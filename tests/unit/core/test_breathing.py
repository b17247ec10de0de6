"""Breathing patterns: phase timing as a pure function of elapsed time."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.core.breathing import (
    BOX,
    CYCLIC_SIGHING,
    FOUR_SEVEN_EIGHT,
    PATTERNS,
    RESONANCE,
    Movement,
    pattern_for,
    phase_at,
    whole_cycles_length,
)

patterns = st.sampled_from(list(PATTERNS.values()))
times = st.floats(min_value=0.0, max_value=3600.0, allow_nan=False)


def test_the_four_required_patterns_exist_with_their_timings() -> None:
    assert [s.seconds for s in BOX.steps] == [4, 4, 4, 4]
    assert [s.seconds for s in FOUR_SEVEN_EIGHT.steps] == [4, 7, 8]
    assert [s.movement for s in CYCLIC_SIGHING.steps] == [
        Movement.INHALE,
        Movement.INHALE,
        Movement.EXHALE,
    ]
    exhale = CYCLIC_SIGHING.steps[-1].seconds
    assert exhale > sum(s.seconds for s in CYCLIC_SIGHING.steps[:-1])
    assert RESONANCE.breaths_per_minute == pytest.approx(5.5)


def test_every_pattern_explains_itself_with_a_source() -> None:
    for pattern in PATTERNS.values():
        assert len(pattern.why) > 100
        assert any(str(year) in pattern.source for year in range(2000, 2030))


def test_cyclic_sighing_words_in_order() -> None:
    words = [phase_at(CYCLIC_SIGHING, t).word for t in (0.0, 1.9, 2.1, 2.9, 3.1, 8.9, 9.1)]
    assert words == [
        "Breathe in",
        "Breathe in",
        "In again",
        "In again",
        "Breathe out",
        "Breathe out",
        "Breathe in",
    ]


@given(patterns, times)
def test_phase_state_is_always_within_bounds(pattern, elapsed) -> None:  # type: ignore[no-untyped-def]
    state = phase_at(pattern, elapsed)
    assert 0.0 <= state.progress <= 1.0
    assert 0.0 <= state.volume <= 1.0
    assert 0.0 <= state.seconds_left <= state.step.seconds + 1e-9
    assert state.step is pattern.steps[state.step_index]


@given(patterns, times)
def test_pattern_repeats_every_cycle(pattern, elapsed) -> None:  # type: ignore[no-untyped-def]
    here = phase_at(pattern, elapsed)
    later = phase_at(pattern, elapsed + pattern.cycle_seconds)
    assert later.cycle == here.cycle + 1
    assert later.step_index == here.step_index
    assert later.volume == pytest.approx(here.volume, abs=1e-6)


@given(patterns, times)
def test_volume_moves_only_the_way_the_step_says(pattern, elapsed) -> None:  # type: ignore[no-untyped-def]
    state = phase_at(pattern, elapsed)
    if state.seconds_left < 0.02:
        return
    after = phase_at(pattern, elapsed + 0.01)
    if state.step.movement is Movement.INHALE:
        assert after.volume >= state.volume - 1e-9
    elif state.step.movement is Movement.EXHALE:
        assert after.volume <= state.volume + 1e-9
    else:
        assert after.volume == pytest.approx(state.volume)


@given(patterns, st.integers(min_value=0, max_value=50))
def test_steps_start_where_the_previous_one_ended(pattern, cycle) -> None:  # type: ignore[no-untyped-def]
    start = cycle * pattern.cycle_seconds
    for index, step in enumerate(pattern.steps):
        state = phase_at(pattern, start + 1e-6)
        assert state.step_index == index
        end_state = phase_at(pattern, start + step.seconds - 1e-6)
        assert end_state.volume == pytest.approx(step.target_volume, abs=1e-3)
        start += step.seconds


def test_negative_time_counts_as_the_start() -> None:
    assert phase_at(BOX, -5.0) == phase_at(BOX, 0.0)


@given(patterns, st.floats(min_value=1.0, max_value=900.0))
def test_break_length_is_whole_breaths_close_to_the_wish(pattern, wanted) -> None:  # type: ignore[no-untyped-def]
    length = whole_cycles_length(pattern, wanted)
    cycles = length / pattern.cycle_seconds
    assert math.isclose(cycles, round(cycles))
    assert cycles >= 1
    assert abs(length - wanted) <= pattern.cycle_seconds / 2 + 1e-9 or cycles == 1


def test_unknown_pattern_key_falls_back_to_default() -> None:
    assert pattern_for("nope") is CYCLIC_SIGHING
    assert pattern_for(None) is CYCLIC_SIGHING
    assert pattern_for("box") is BOX

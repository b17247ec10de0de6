"""Breathing patterns: phase timing as a pure function of elapsed time."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.core.breathing import (
    BOX,
    BREATHE_NORMALLY,
    CYCLIC_SIGHING,
    FOUR_SEVEN_EIGHT,
    PATTERNS,
    RESONANCE,
    Movement,
    extended_length,
    pattern_for,
    phase_at,
    whole_cycles_length,
)

#: Every pattern that repeats for the whole break: the offered ones without a cycle limit, and
#: the follow-on that takes over from one with a limit.
endless = [p for p in (*PATTERNS.values(), BREATHE_NORMALLY) if p.max_cycles is None]
patterns = st.sampled_from(endless)
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


def test_every_why_is_short_enough_to_read_in_a_few_seconds() -> None:
    for pattern in PATTERNS.values():
        assert len(pattern.why.split()) <= 40, pattern.key
        assert 2 <= pattern.why.count(". ") + 1 <= 3, pattern.key


def test_4_7_8_credits_weil_and_says_its_evidence_is_thin() -> None:
    assert "Andrew Weil" in FOUR_SEVEN_EIGHT.why
    assert "Weil" in FOUR_SEVEN_EIGHT.source
    assert "evidence is thin" in FOUR_SEVEN_EIGHT.why
    assert "Vierra" in FOUR_SEVEN_EIGHT.source
    # The study had no group without the breathing: no word may say it calmed anyone.
    for claim in ("calm", "raised heart-rate variability", "controlled study", "randomised"):
        assert claim not in FOUR_SEVEN_EIGHT.why.lower()


def test_box_breathing_claims_no_more_than_balban_found() -> None:
    assert "less than with cyclic sighing" in BOX.why
    assert "evidence is thin" in BOX.why
    assert "reduced anxiety" not in BOX.why
    assert "Röttger" not in BOX.source  # its finding is in docs/care.md, not in the 10 s text


def test_4_7_8_runs_four_cycles_then_hands_over_to_normal_breathing() -> None:
    assert FOUR_SEVEN_EIGHT.max_cycles == 4
    assert FOUR_SEVEN_EIGHT.then is BREATHE_NORMALLY
    handover = 4 * FOUR_SEVEN_EIGHT.cycle_seconds
    assert FOUR_SEVEN_EIGHT.limit_seconds == handover == 76.0
    last = phase_at(FOUR_SEVEN_EIGHT, handover - 1e-6)
    assert (last.cycle, last.word, last.step.movement) == (3, "Breathe out", Movement.EXHALE)
    first = phase_at(FOUR_SEVEN_EIGHT, handover)
    assert (first.cycle, first.word, first.step) == (
        4,
        "Breathe normally",
        BREATHE_NORMALLY.steps[0],
    )
    assert first.volume == pytest.approx(last.volume, abs=1e-3)  # no jump in the shape


@given(st.floats(min_value=76.0, max_value=3600.0, allow_nan=False))
def test_after_four_cycles_there_is_never_a_hold_again(elapsed) -> None:  # type: ignore[no-untyped-def]
    state = phase_at(FOUR_SEVEN_EIGHT, elapsed)
    assert state.word == "Breathe normally"
    assert state.step.movement is not Movement.HOLD
    assert state.cycle >= 4
    assert state.step in BREATHE_NORMALLY.steps


def test_the_normal_pacer_is_easy_and_has_no_holds() -> None:
    assert all(s.movement is not Movement.HOLD for s in BREATHE_NORMALLY.steps)
    assert 7 <= BREATHE_NORMALLY.breaths_per_minute <= 12
    assert BREATHE_NORMALLY.key not in PATTERNS  # a follow-on, never offered on its own


@pytest.mark.parametrize(
    ("wanted", "planned"),
    [(30, 38.0), (75, 76.0), (79, 76.0), (80, 83.0), (120, 118.0), (300, 300.0)],
)
def test_4_7_8_break_lengths_end_after_a_whole_breath(wanted, planned) -> None:  # type: ignore[no-untyped-def]
    assert whole_cycles_length(FOUR_SEVEN_EIGHT, wanted) == pytest.approx(planned)


def test_a_longer_4_7_8_break_is_extended_in_normal_breaths() -> None:
    assert extended_length(FOUR_SEVEN_EIGHT, 76.0, 30) == pytest.approx(104.0)
    assert extended_length(FOUR_SEVEN_EIGHT, 38.0, 30) == pytest.approx(76.0)
    for pattern in endless:
        planned = whole_cycles_length(pattern, 75)
        longer = extended_length(pattern, planned, 30)
        assert longer > planned
        assert math.isclose(longer / pattern.cycle_seconds, round(longer / pattern.cycle_seconds))


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

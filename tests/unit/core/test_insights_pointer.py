"""The gentle pointer: at each threshold's edge, and never without three weeks of history."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.insights_messages import POINTER_MOODS_LOW, POINTER_MORE_CALLS
from companion.core.insights_pointer import (
    HEAVIER_RATIO,
    LOW_AFTER_SHARE,
    MIN_HISTORY_WEEKS,
    MIN_RATED_BREAKS,
    MIN_RECENT_CALLS,
    RECENT_DAYS,
    USUAL_WEEKS,
    gentle_pointer,
    pointer_span,
)
from companion.core.moods import Mood

BERLIN = ZoneInfo("Europe/Berlin")
#: Friday 4 December 2026.
TODAY = date(2026, 12, 4)
FIRST, END = pointer_span(TODAY)
RECENT_START = END - timedelta(days=RECENT_DAYS)


def usual(weeks: int, calls_a_day: int, days_a_week: int = 5) -> dict[date, int]:
    """The last ``weeks`` of the six usual weeks, each with ``days_a_week`` working days."""
    counts = {}
    for week in range(USUAL_WEEKS - weeks, USUAL_WEEKS):
        for day in range(days_a_week):
            counts[FIRST + timedelta(days=7 * week + day)] = calls_a_day
    return counts


def recent(total: int, days: int = 10) -> dict[date, int]:
    """``total`` hard calls over ``days`` working days of the last two weeks."""
    spread = {RECENT_START + timedelta(days=n): total // days for n in range(days)}
    for n in range(total % days):
        spread[RECENT_START + timedelta(days=n)] += 1
    return spread


def rated_break(day: date, before: Mood, after: Mood) -> BreakRecord:
    started = datetime.combine(day, time(11), tzinfo=BERLIN)
    return BreakRecord(started, "sigh", 75, 75, BreakOutcome.COMPLETED, None, before, after)


def test_the_thresholds_are_the_documented_ones() -> None:
    assert (HEAVIER_RATIO, MIN_RECENT_CALLS, MIN_HISTORY_WEEKS) == (1.5, 10, 3)
    assert (MIN_RATED_BREAKS, LOW_AFTER_SHARE, RECENT_DAYS, USUAL_WEEKS) == (6, 0.5, 14, 6)


def test_the_span_is_the_six_usual_weeks_and_the_last_two() -> None:
    assert (END - FIRST).days == 56 and TODAY + timedelta(days=1) == END


def test_half_as_many_again_as_usual_points() -> None:
    # usual: 2 a working day; recent: 30 over 10 working days = 3.0 = 1.5 x 2
    assert gentle_pointer(usual(6, 2) | recent(30), [], TODAY) == POINTER_MORE_CALLS


def test_just_under_half_as_many_again_does_not() -> None:
    assert gentle_pointer(usual(6, 2) | recent(29), [], TODAY) is None


def test_a_heavy_fortnight_needs_at_least_ten_calls() -> None:
    quiet = usual(6, 1, days_a_week=1)  # one call a week, on its one working day
    assert gentle_pointer(quiet | recent(9, days=3), [], TODAY) is None
    assert gentle_pointer(quiet | recent(10, days=3), [], TODAY) == POINTER_MORE_CALLS


@pytest.mark.parametrize("weeks", [0, 1, 2])
def test_fewer_than_three_weeks_of_history_never_points(weeks: int) -> None:
    low_moods = [rated_break(RECENT_START, Mood.AWFUL, Mood.AWFUL)] * 10
    assert gentle_pointer(usual(weeks, 1) | recent(100), low_moods, TODAY) is None


def test_three_weeks_of_history_are_enough() -> None:
    assert gentle_pointer(usual(3, 1) | recent(100), [], TODAY) == POINTER_MORE_CALLS


def test_breaks_alone_make_a_working_day_that_lowers_the_usual() -> None:
    """Two calls on one day a week, and breaks on four more: the usual is 0.4 a day."""
    counts = usual(6, 2, days_a_week=1)
    breaks = [
        rated_break(FIRST + timedelta(days=7 * week + day), Mood.OKAY, Mood.OKAY)
        for week in range(USUAL_WEEKS)
        for day in range(1, 5)
    ]
    assert gentle_pointer(counts | recent(10), breaks, TODAY) == POINTER_MORE_CALLS
    assert gentle_pointer(counts | recent(10), [], TODAY) is None  # usual 2.0: recent 1.0


def test_moods_still_low_after_most_breaks_point() -> None:
    low = [rated_break(RECENT_START + timedelta(days=n), Mood.LOW, Mood.LOW) for n in range(4)]
    rose = [rated_break(RECENT_START, Mood.LOW, Mood.CALM)] * 2
    assert gentle_pointer(usual(6, 2) | recent(20), low + rose, TODAY) == POINTER_MOODS_LOW


def test_moods_low_after_half_the_breaks_do_not() -> None:
    low = [rated_break(RECENT_START, Mood.AWFUL, Mood.LOW)] * 3
    rose = [rated_break(RECENT_START, Mood.LOW, Mood.OKAY)] * 3
    assert gentle_pointer(usual(6, 2) | recent(20), low + rose, TODAY) is None


def test_too_few_rated_breaks_do_not() -> None:
    low = [rated_break(RECENT_START, Mood.LOW, Mood.AWFUL)] * (MIN_RATED_BREAKS - 1)
    assert gentle_pointer(usual(6, 2) | recent(20), low, TODAY) is None


def test_breaks_before_the_last_two_weeks_or_skipped_say_nothing_of_moods() -> None:
    before = [rated_break(RECENT_START - timedelta(days=1), Mood.LOW, Mood.LOW)] * 8
    skipped = [
        BreakRecord(
            datetime.combine(RECENT_START, time(9), tzinfo=BERLIN),
            "sigh",
            75,
            0,
            BreakOutcome.SKIPPED,
            None,
            Mood.LOW,
            Mood.LOW,
        )
    ] * 8
    assert gentle_pointer(usual(6, 2) | recent(20), before + skipped, TODAY) is None


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.dates(FIRST - timedelta(days=30), END + timedelta(days=30)),
        st.integers(0, 40),
        max_size=80,
    ),
)
def test_it_says_one_kind_sentence_or_nothing(counts: dict[date, int]) -> None:
    said = gentle_pointer(counts, [], TODAY)
    assert said in (None, POINTER_MORE_CALLS)
    history = {
        (day - FIRST).days // 7 for day, n in counts.items() if n and FIRST <= day < RECENT_START
    }
    if len(history) < MIN_HISTORY_WEEKS:
        assert said is None


@pytest.mark.parametrize("sentence", [POINTER_MORE_CALLS, POINTER_MOODS_LOW])
def test_the_sentence_never_diagnoses(sentence: str) -> None:
    words = sentence.lower()
    assert not any(w in words for w in ("burn", "stress", "depress", "symptom", "you are"))
    assert sentence.endswith("Talking it over can help.")

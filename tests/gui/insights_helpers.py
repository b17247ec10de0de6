"""Reports for the Insights window's tests and screenshots: empty, a light week, a heavy week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from companion.core.calls import Reason
from companion.core.insights import (
    REASONS,
    BreakFigures,
    CallbackFigures,
    CallFigures,
    DayCalls,
    InsightsReport,
    MoodFigures,
    MoodPair,
    Period,
    recent_weeks,
    this_week,
)
from companion.core.moods import Mood

#: A Monday, so "this week" runs Monday 7 to Sunday 13 December 2026.
NOW = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)
CAVEAT = "These are your own ratings."


def _days(period: Period, counts: dict[int, dict[Reason | None, int]]) -> tuple[DayCalls, ...]:
    return tuple(
        DayCalls(day, tuple((r, counts.get(i, {}).get(r, 0)) for r in REASONS))
        for i, day in enumerate(period.days())
    )


def _moods(pairs: list[tuple[int, int]]) -> MoodFigures:
    shown = tuple(MoodPair(NOW, Mood(b), Mood(a)) for b, a in pairs)
    if not shown:
        return MoodFigures((), 0, None, None, None, None, None, "", CAVEAT)
    before = sum(b for b, _ in pairs) / len(pairs)
    after = sum(a for _, a in pairs) / len(pairs)
    rose = sum(a > b for b, a in pairs) / len(pairs)
    same = sum(a == b for b, a in pairs) / len(pairs)
    sentence = "After most breaks your mood was the same or higher than before."
    return MoodFigures(
        shown, len(pairs), before, after, after - before, rose, same, sentence, CAVEAT
    )


def _no_breaks() -> BreakFigures:
    return BreakFigures(0, 0, 0, 0, 0, 0, (), None, "", "")


def empty_report(weeks: int = 1) -> InsightsReport:
    period = this_week(NOW) if weeks == 1 else recent_weeks(NOW, weeks)
    calls = CallFigures(_days(period, {}), (0,) * 24, 0, "", "")
    return InsightsReport(
        period, calls, _no_breaks(), _moods([]), CallbackFigures(0, 0, 0, 0, 0, 0, "")
    )


def light_week() -> InsightsReport:
    period = this_week(NOW)
    hours = [0] * 24
    hours[10], hours[15] = 1, 1
    calls = CallFigures(
        _days(period, {0: {Reason.ANGRY: 1}, 2: {None: 1}}),
        tuple(hours),
        2,
        "Two hard calls this week, on Monday and Wednesday.",
        "They came at 10:00 and at 15:00.",
    )
    breaks = BreakFigures(
        2, 2, 0, 0, 2, 0, (3.0,), 3.0,
        "You took two breaks this week.", "One break started 3 minutes after a hard call.",
    )  # fmt: skip
    callbacks = CallbackFigures(
        1, 1, 0, 0, 0, 0, "One callback was due this week, and it was kept."
    )
    return InsightsReport(period, calls, breaks, _moods([(2, 3)]), callbacks)


def heavy_week() -> InsightsReport:
    period = this_week(NOW)
    counts: dict[int, dict[Reason | None, int]] = {
        0: {Reason.ANGRY: 3, Reason.ABUSIVE: 1, Reason.UNRESOLVED: 2},
        1: {Reason.ANGRY: 4, Reason.ABUSIVE: 2, Reason.DISTRESSING: 2, Reason.ESCALATED: 1},
        2: {Reason.ANGRY: 2, Reason.OTHER: 1, None: 2},
        3: {Reason.DISTRESSING: 1, Reason.UNRESOLVED: 3, Reason.ESCALATED: 2},
        4: {Reason.ANGRY: 5, Reason.ABUSIVE: 3, None: 1},
    }
    hours = [0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 4, 3, 1, 2, 6, 7, 5, 3, 2, 0, 0, 0, 0, 0]
    calls = CallFigures(
        _days(period, counts),
        tuple(hours),
        sum(sum(c.values()) for c in counts.values()),
        "Tuesday had the most hard calls this week.",
        "Most came between 14:00 and 17:00.",
    )
    waits = (1.0, 0.5, 4.0, 12.0, 40.0, 1.5, 2.5, 8.0, 25.0, 0.8)
    breaks = BreakFigures(
        14, 10, 4, 3, 14, 5, waits, 3.25,
        "You took 14 breaks this week, extended 3 and skipped 5.",
        "Half of the breaks after a hard call started within 3 minutes.",
    )  # fmt: skip
    moods = _moods([(1, 2), (2, 3), (2, 2), (3, 3), (1, 1), (2, 4), (3, 2), (2, 3)])
    callbacks = CallbackFigures(
        9, 5, 2, 2, 4, 0, "Of 9 callbacks due this week, 5 were kept, 4 snoozed at least once."
    )
    return InsightsReport(period, calls, breaks, moods, callbacks)


def heavy_weeks() -> InsightsReport:
    """Four weeks, the heavy one last."""
    week = heavy_week()
    period = recent_weeks(NOW)
    days = list(_days(period, {}))
    for offset, day in enumerate(week.calls.days):
        days[21 + offset] = DayCalls(period.start + timedelta(days=21 + offset), day.by_reason)
    for index in (2, 9, 15):
        days[index] = DayCalls(days[index].day, tuple((r, int(r is Reason.ANGRY)) for r in REASONS))
    calls = CallFigures(tuple(days), week.calls.hours, week.calls.total + 3, "", "")
    calls = CallFigures(
        calls.days, calls.hours, calls.total,
        "The last week had the most hard calls.", week.calls.hours_sentence,
    )  # fmt: skip
    return InsightsReport(period, calls, week.breaks, week.moods, week.callbacks)


assert this_week(NOW).start == date(2026, 12, 7)

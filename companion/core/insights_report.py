"""The figures of Insights (issue #16), computed: pure functions from the agent's calls,
breaks and callbacks, a ``Period`` and ``now`` to an ``InsightsReport``.

Everything counts on its own local date (see ``companion.core.insights``); records outside
the period are ignored, so callers may pass what ``between(*period.bounds())`` read.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from companion.core import insights_messages as texts
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
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
from companion.core.insights_pointer import gentle_pointer, pointer_bounds
from companion.core.ports import BreakRepository, CallRepository, ReminderRepository
from companion.core.reminders import Callback

#: "Most breaks started within 10 minutes of a hard call": the span that sentence names.
SOON_AFTER_MINUTES = 10.0
_HOURS = 24
#: The first hour of each hour's part of the day (texts.DAY_PARTS).
_PART_OF_HOUR = [max(s for s in texts.DAY_PARTS if s <= hour) for hour in range(_HOURS)]


@dataclass(frozen=True)
class Insights:
    """What the Insights window shows: this week, the last weeks, and the pointer if any."""

    this_week: InsightsReport
    recent: InsightsReport
    pointer: str | None


def read_insights(
    calls: CallRepository,
    breaks: BreakRepository,
    reminders: ReminderRepository,
    now: datetime,
) -> Insights:
    """Read just the rows the figures need (a few weeks, through the indexes) and compute
    them. Raises StorageUnavailable as the repositories do."""
    week, recent = this_week(now), recent_weeks(now)
    start, end = recent.bounds()
    first, last = pointer_bounds(now.date())
    recent_calls = calls.between(start, end)
    # The pointer's eight weeks hold the last four: one read of breaks serves all three.
    every_break = breaks.between(min(first, start), max(last, end))
    callbacks = reminders.callbacks_between(start, end)
    return Insights(
        this_week=build_report(recent_calls, every_break, callbacks, week, now),
        recent=build_report(recent_calls, every_break, callbacks, recent, now),
        pointer=gentle_pointer(calls.count_by_day(first, last), every_break, now.date()),
    )


def build_report(
    calls: Iterable[DifficultCall],
    breaks: Iterable[BreakRecord],
    callbacks: Iterable[Callback],
    period: Period,
    now: datetime,
) -> InsightsReport:
    """Every figure for ``period``. ``calls`` may reach beyond it: a break just after midnight
    on the period's first day still finds the call it was for."""
    every_call, every_break = list(calls), list(breaks)
    return InsightsReport(
        period=period,
        calls=call_figures(every_call, period),
        breaks=break_figures(every_break, every_call, period),
        moods=mood_figures(every_break, period),
        callbacks=callback_figures(callbacks, period, now),
    )


def call_figures(calls: Iterable[DifficultCall], period: Period) -> CallFigures:
    per_day: dict[date, Counter[Reason | None]] = {day: Counter() for day in period.days()}
    hours = [0] * _HOURS
    slots: Counter[tuple[int, int]] = Counter()
    for call in calls:
        moment = call.tagged_at
        day = moment.date()
        if day not in per_day:
            continue
        per_day[day][call.reason] += 1
        hours[moment.hour] += 1
        slots[(day.weekday(), _PART_OF_HOUR[moment.hour])] += 1
    total = sum(hours)
    days = tuple(
        DayCalls(day, tuple((reason, counts[reason]) for reason in REASONS))
        for day, counts in per_day.items()
    )
    several_weeks = len(per_day) > 7
    busiest = _busiest(slots, total)
    slot = None if busiest is None else texts.slot(*busiest, several_weeks=several_weeks)
    first_hour, width = _narrowest_majority(hours, total)
    return CallFigures(
        days=days,
        hours=tuple(hours),
        total=total,
        sentence=texts.calls_sentence(total, slot, period.phrase),
        hours_sentence=texts.hours_sentence(total, first_hour, width),
    )


def _busiest(slots: Counter[tuple[int, int]], total: int) -> tuple[int, int] | None:
    """The (weekday, part of day) with the most calls, if it clearly stands out: one call
    alone, or at least two and more than any other slot."""
    ranked = slots.most_common(2)
    if not ranked:
        return None
    (top, count), rest = ranked[0], ranked[1:]
    if total == 1 or (count >= 2 and (not rest or rest[0][1] < count)):
        return top
    return None


def _narrowest_majority(hours: Sequence[int], total: int) -> tuple[int, int]:
    """The narrowest run of hours (wrapping past midnight, for night shifts) holding more
    than half of the calls, as (first hour, width); the earliest such run on ties."""
    if total == 0:
        return 0, _HOURS
    doubled = [*hours, *hours]
    for width in range(1, _HOURS + 1):
        for first in range(_HOURS):
            if 2 * sum(doubled[first : first + width]) > total:
                return first, width
    return 0, _HOURS  # unreachable: all 24 hours hold every call


def break_figures(
    breaks: Iterable[BreakRecord], calls: Iterable[DifficultCall], period: Period
) -> BreakFigures:
    tagged = {call.id: call.tagged_at for call in calls if call.id is not None}
    outcomes: Counter[BreakOutcome] = Counter()
    extended = plan_known = 0
    after_call: list[float] = []
    for record in breaks:
        if not period.holds(record.started_at):
            continue
        outcomes[record.outcome] += 1
        if record.outcome is BreakOutcome.SKIPPED:
            continue
        if record.planned_at_start_seconds is not None:
            plan_known += 1
            extended += record.planned_seconds > record.planned_at_start_seconds
        if record.call_id in tagged:
            waited = (record.started_at - tagged[record.call_id]).total_seconds() / 60
            after_call.append(max(0.0, waited))
    taken = outcomes[BreakOutcome.COMPLETED] + outcomes[BreakOutcome.ENDED_EARLY]
    skipped = outcomes[BreakOutcome.SKIPPED]
    median = statistics.median(after_call) if after_call else None
    soon = sum(1 for minutes in after_call if minutes <= SOON_AFTER_MINUTES)
    return BreakFigures(
        taken=taken,
        completed=outcomes[BreakOutcome.COMPLETED],
        ended_early=outcomes[BreakOutcome.ENDED_EARLY],
        extended=extended,
        plan_known=plan_known,
        skipped=skipped,
        minutes_after_call=tuple(after_call),
        median_minutes_after_call=median,
        sentence=texts.breaks_sentence(taken, extended, skipped, period.phrase),
        after_call_sentence=texts.after_call_sentence(len(after_call), soon, median),
    )


def mood_pairs(breaks: Iterable[BreakRecord], period: Period) -> list[MoodPair]:
    """Breaks taken in the period (not skipped) with a mood before and after, oldest first."""
    pairs = []
    for record in breaks:
        before, after = record.mood_before, record.mood_after
        if before is None or after is None or record.outcome is BreakOutcome.SKIPPED:
            continue
        if period.holds(record.started_at):
            pairs.append(MoodPair(record.started_at, before, after))
    return sorted(pairs, key=lambda pair: pair.started_at)


def mood_figures(breaks: Iterable[BreakRecord], period: Period) -> MoodFigures:
    pairs = mood_pairs(breaks, period)
    rated = len(pairs)
    changes = [pair.change for pair in pairs]
    rose = sum(1 for change in changes if change > 0)
    same = sum(1 for change in changes if change == 0)
    return MoodFigures(
        pairs=tuple(pairs),
        with_both=rated,
        average_before=_mean(int(pair.before) for pair in pairs),
        average_after=_mean(int(pair.after) for pair in pairs),
        average_change=_mean(changes),
        share_rose=rose / rated if rated else None,
        share_unchanged=same / rated if rated else None,
        sentence=texts.moods_sentence(rated, rose, same, rated - rose - same),
        caveat=texts.MOOD_CAVEAT,
    )


def _mean(values: Iterable[int]) -> float | None:
    found = list(values)
    return sum(found) / len(found) if found else None


def callback_figures(
    callbacks: Iterable[Callback], period: Period, now: datetime
) -> CallbackFigures:
    due = [c for c in callbacks if period.holds(c.due_at)]
    kept = sum(1 for c in due if not c.is_open)
    missed = sum(1 for c in due if c.is_overdue(now))
    waiting = len(due) - kept - missed
    snoozed = sum(1 for c in due if c.snoozes)
    unknown = sum(1 for c in due if c.snoozes is None)
    return CallbackFigures(
        due=len(due),
        kept=kept,
        missed=missed,
        waiting=waiting,
        snoozed=snoozed,
        snooze_unknown=unknown,
        sentence=texts.callbacks_sentence(len(due), kept, missed, waiting, snoozed, period.phrase),
    )

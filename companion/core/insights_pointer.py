"""The gentle pointer of Insights (issue #16): when the last two weeks are clearly heavier than
the agent's own usual, one kind sentence that points to talking it over; otherwise nothing.

Never a notification, never a diagnosis: Insights shows the sentence beside the "Need to
talk?" contact (``companion.core.aftercare.Care.TALK``), only when the agent opens it.

The rule, in plain words. "Recent" is the 14 local days ending today; "usual" is the six
weeks (7-day blocks) before them. A *working day* is a day with a hard call tagged or a
break taken: days off don't count, so a holiday week neither lowers the usual nor hides a
heavy fortnight. It points when, with enough history (at least ``MIN_HISTORY_WEEKS`` of the
six weeks have a working day):

- **more hard calls**: recent hard calls per working day are at least ``HEAVIER_RATIO``
  times the median of the six weeks' rates, and there were at least ``MIN_RECENT_CALLS``;
- or **moods staying low**: of at least ``MIN_RATED_BREAKS`` recent breaks with both moods
  rated, more than ``LOW_AFTER_SHARE`` ended Low or Awful.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta

from companion.core import insights_messages as texts
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.moods import Mood

#: The recent span: two weeks, long enough that one bad shift doesn't point.
RECENT_DAYS = 14
#: The usual: six weeks before the recent span, about a month and a half of the agent's own
#: pace, short enough to follow a change of team or queue.
USUAL_WEEKS = 6
#: Fewer weeks with any work than this and there is no "usual" to compare with: never points.
MIN_HISTORY_WEEKS = 3
#: "Clearly heavier": half as many again as the median week. The median, not the mean, so one
#: unusual week in the six doesn't move the usual.
HEAVIER_RATIO = 1.5
#: A few calls more than a very quiet usual is not "keeps being hard": at least this many
#: hard calls in the two weeks (about one a working day).
MIN_RECENT_CALLS = 10
#: Too few rated breaks say little about how moods move: at least this many.
MIN_RATED_BREAKS = 6
#: "Most breaks": more than this share of the rated ones ended Low or Awful.
LOW_AFTER_SHARE = 0.5
#: The moods that count as "still low" after a break.
LOW_MOODS = (Mood.AWFUL, Mood.LOW)


def pointer_span(today: date) -> tuple[date, date]:
    """The local dates the rule reads, first included, last excluded: the usual and recent."""
    end = today + timedelta(days=1)
    return end - timedelta(days=RECENT_DAYS + 7 * USUAL_WEEKS), end


def pointer_bounds(today: date) -> tuple[datetime, datetime]:
    """Instants wide enough for every local date of ``pointer_span`` (any UTC offset): pass
    them to ``CallRepository.count_by_day`` and ``BreakRepository.between``."""
    first, end = pointer_span(today)
    margin = timedelta(days=1)
    return (
        datetime.combine(first, time(0), tzinfo=UTC) - margin,
        datetime.combine(end, time(0), tzinfo=UTC) + margin,
    )


def gentle_pointer(
    calls_per_day: Mapping[date, int], breaks: Iterable[BreakRecord], today: date
) -> str | None:
    """One kind sentence when the last two weeks are clearly heavier than the agent's usual,
    else None. ``calls_per_day``: hard calls on each local date (days without calls may be
    left out); ``breaks``: the breaks of ``pointer_span`` (others are ignored)."""
    first, end = pointer_span(today)
    recent_start = end - timedelta(days=RECENT_DAYS)
    kept = [b for b in breaks if first <= b.started_at.date() < end]
    worked = {day for day, n in calls_per_day.items() if n > 0 and first <= day < end}
    worked |= {b.started_at.date() for b in kept if b.outcome is not BreakOutcome.SKIPPED}
    usual = _weekly_rates(calls_per_day, worked, first)
    if len(usual) < MIN_HISTORY_WEEKS:
        return None
    if _more_calls(calls_per_day, worked, recent_start, end, statistics.median(usual)):
        return texts.POINTER_MORE_CALLS
    if _moods_stay_low(b for b in kept if b.started_at.date() >= recent_start):
        return texts.POINTER_MOODS_LOW
    return None


def _weekly_rates(calls_per_day: Mapping[date, int], worked: set[date], first: date) -> list[float]:
    """Hard calls per working day in each usual week that had a working day."""
    rates = []
    for week in range(USUAL_WEEKS):
        days = [first + timedelta(days=7 * week + n) for n in range(7)]
        working = [day for day in days if day in worked]
        if working:
            rates.append(sum(calls_per_day.get(day, 0) for day in working) / len(working))
    return rates


def _more_calls(
    calls_per_day: Mapping[date, int], worked: set[date], start: date, end: date, usual: float
) -> bool:
    days = [start + timedelta(days=n) for n in range((end - start).days)]
    working = [day for day in days if day in worked]
    calls = sum(calls_per_day.get(day, 0) for day in days)
    if not working or calls < MIN_RECENT_CALLS:
        return False
    return calls / len(working) >= HEAVIER_RATIO * usual


def _moods_stay_low(breaks: Iterable[BreakRecord]) -> bool:
    after = [
        b.mood_after
        for b in breaks
        if b.outcome is not BreakOutcome.SKIPPED
        and b.mood_before is not None
        and b.mood_after is not None
    ]
    if len(after) < MIN_RATED_BREAKS:
        return False
    low = sum(1 for mood in after if mood in LOW_MOODS)
    return low > LOW_AFTER_SHARE * len(after)

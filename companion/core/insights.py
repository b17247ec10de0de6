"""Private insights (issue #16): the figures for a period, from the agent's own calls, breaks,
moods and callbacks, each with one plain-language sentence. Never a score or a grade.

Days are the agent's local calendar days: each call, break or callback counts on the date
of its own stored time (the offset it was recorded in), as ``CallRepository.count_on`` does.
So a night shift's call at 00:30 counts on the new day, and a daylight-saving day is simply
a date, 23 or 25 hours long. Weeks start on Monday. ``now`` is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from companion.core import insights_messages as texts
from companion.core.calls import Reason
from companion.core.moods import Mood

#: How many weeks "the last weeks" covers: this week and the three before it.
RECENT_WEEKS = 4
#: Every UTC offset lies within a day of UTC: the instants that can hold a local date.
_ANY_OFFSET = timedelta(days=1)
#: The reasons in the order charts stack them; None ("not said") last.
REASONS: tuple[Reason | None, ...] = (*Reason, None)


@dataclass(frozen=True)
class Period:
    """Local dates from ``start`` (included) to ``end`` (excluded); ``label`` heads the page
    ("This week") and ``phrase`` ends a sentence ("this week", "in the last four weeks")."""

    start: date
    end: date
    label: str
    phrase: str

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days)]

    def holds(self, moment: datetime) -> bool:
        """Whether ``moment``'s own local date is in the period."""
        return self.start <= moment.date() < self.end

    def bounds(self) -> tuple[datetime, datetime]:
        """Instants wide enough for every time whose own local date is in the period, whatever
        its offset: read ``between(*period.bounds())``, then keep what ``holds``."""
        start = datetime.combine(self.start, time(0), tzinfo=UTC) - _ANY_OFFSET
        end = datetime.combine(self.end, time(0), tzinfo=UTC) + _ANY_OFFSET
        return start, end


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class DayCalls:
    """One day's hard calls, by reason: ``by_reason`` pairs every entry of ``REASONS`` (in
    that order, zeros included) with its count; None is "not said"."""

    day: date
    by_reason: tuple[tuple[Reason | None, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.by_reason)


@dataclass(frozen=True)
class CallFigures:
    """Hard calls per day (every day of the period, in order) and per local hour (24)."""

    days: tuple[DayCalls, ...]
    hours: tuple[int, ...]
    total: int
    #: Above the per-day chart: "Tuesday afternoon had the most hard calls this week."
    sentence: str
    #: Above the hours chart: "Most came between 14:00 and 16:00."
    hours_sentence: str


@dataclass(frozen=True)
class BreakFigures:
    """Breaks started in the period. ``taken`` is every break not skipped (completed plus
    ended early); ``extended`` counts breaks whose plan grew ("+30 s") among the
    ``plan_known`` ones (breaks saved before the plan at the start was kept are not known)."""

    taken: int
    completed: int
    ended_early: int
    extended: int
    plan_known: int
    skipped: int
    #: Minutes from each hard call to the start of its break (breaks linked to a call in
    #: the figures' calls), in the order the breaks started.
    minutes_after_call: tuple[float, ...]
    median_minutes_after_call: float | None
    sentence: str
    after_call_sentence: str


@dataclass(frozen=True)
class MoodPair:
    """One break's moods, before and after."""

    started_at: datetime
    before: Mood
    after: Mood

    @property
    def change(self) -> int:
        return int(self.after) - int(self.before)


@dataclass(frozen=True)
class MoodFigures:
    """Breaks (not skipped) with a mood before and after. Shares are of ``with_both`` and
    None when it is 0; a rise is how the mood moved, never a claim that the break did it."""

    pairs: tuple[MoodPair, ...]
    with_both: int
    average_before: float | None
    average_after: float | None
    average_change: float | None
    share_rose: float | None
    share_unchanged: float | None
    sentence: str
    #: The honest caveat: these are the agent's own ratings.
    caveat: str


@dataclass(frozen=True)
class CallbackFigures:
    """Callbacks due in the period (by their time as it is now, after any snooze).

    ``kept``: done. ``missed``: still open and their time has passed. ``waiting``: open and
    not due yet. ``snoozed``: shown and moved on at least once (done or not);
    ``snooze_unknown``: saved before Companion counted snoozes, so not known either way.
    """

    due: int
    kept: int
    missed: int
    waiting: int
    snoozed: int
    snooze_unknown: int
    sentence: str


@dataclass(frozen=True)
class InsightsReport:
    period: Period
    calls: CallFigures
    breaks: BreakFigures
    moods: MoodFigures
    callbacks: CallbackFigures


def this_week(now: datetime) -> Period:
    """Monday of ``now``'s local week to the Monday after."""
    start = week_start(now.date())
    return Period(start, start + timedelta(days=7), texts.THIS_WEEK, texts.THIS_WEEK_PHRASE)


def recent_weeks(now: datetime, weeks: int = RECENT_WEEKS) -> Period:
    """This week and the ``weeks - 1`` before it."""
    end = week_start(now.date()) + timedelta(days=7)
    label, phrase = texts.recent_weeks(weeks)
    return Period(end - timedelta(days=7 * weeks), end, label, phrase)

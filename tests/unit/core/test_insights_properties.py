"""Insights' figures hold for any calls, breaks and callbacks: in any zone, across daylight-
saving changes and midnight, empty or 100,000 calls. Time is always passed in."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.insights import REASONS, Period, recent_weeks, this_week
from companion.core.insights_report import build_report
from companion.core.moods import Mood
from companion.core.reminders import Callback

ZONES = st.sampled_from(
    [ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati"), UTC]
)
#: Spring 2026 to spring 2027: two daylight-saving changes in each zone that has them.
MOMENTS = st.datetimes(
    min_value=datetime(2026, 3, 1), max_value=datetime(2027, 4, 30), timezones=ZONES
)
CALLS = st.lists(
    st.builds(DifficultCall, tagged_at=MOMENTS, reason=st.sampled_from(REASONS)), max_size=60
)
MOODS = st.none() | st.sampled_from(list(Mood))
BREAKS = st.lists(
    st.builds(
        BreakRecord,
        started_at=MOMENTS,
        pattern_key=st.just("sigh"),
        planned_seconds=st.floats(30, 900),
        actual_seconds=st.floats(0, 900),
        outcome=st.sampled_from(list(BreakOutcome)),
        mood_before=MOODS,
        mood_after=MOODS,
        planned_at_start_seconds=st.none() | st.floats(30, 900),
    ),
    max_size=40,
)
CALLBACKS = st.lists(
    st.builds(
        Callback,
        due_at=MOMENTS,
        text=st.just("Call back"),
        created_at=MOMENTS,
        done_at=st.none() | MOMENTS,
        snoozes=st.none() | st.integers(0, 5),
    ),
    max_size=30,
)
PERIODS = MOMENTS.flatmap(lambda now: st.sampled_from([this_week(now), recent_weeks(now)]))


@given(MOMENTS)
def test_a_week_starts_on_the_monday_of_nows_local_date(now: datetime) -> None:
    week, recent = this_week(now), recent_weeks(now)
    assert week.start.weekday() == 0 and week.start <= now.date() < week.end
    assert len(week.days()) == 7 and week.holds(now)
    assert recent.end == week.end and len(recent.days()) == 28


@given(st.dates(date(2026, 1, 1), date(2027, 12, 31)), st.integers(-12 * 60, 14 * 60))
def test_the_bounds_hold_every_moment_of_the_period_in_any_offset(day: date, minutes: int) -> None:
    period = this_week(datetime.combine(day, datetime.min.time()))
    zone = timezone(timedelta(minutes=minutes))
    start, end = period.bounds()
    for moment in (
        datetime.combine(period.start, datetime.min.time(), tzinfo=zone),
        datetime.combine(period.end, datetime.min.time(), tzinfo=zone) - timedelta(microseconds=1),
    ):
        assert start <= moment < end


@settings(max_examples=150, deadline=None)
@given(CALLS, BREAKS, CALLBACKS, PERIODS, MOMENTS)
def test_figures_add_up_and_shares_stay_between_0_and_1(
    calls: list[DifficultCall],
    breaks: list[BreakRecord],
    callbacks: list[Callback],
    period: Period,
    now: datetime,
) -> None:
    calls = [DifficultCall(c.tagged_at, id=n, reason=c.reason) for n, c in enumerate(calls)]
    report = build_report(calls, breaks, callbacks, period, now)
    in_period = [c for c in calls if period.holds(c.tagged_at)]

    assert [d.day for d in report.calls.days] == period.days()
    assert sum(day.total for day in report.calls.days) == len(in_period) == report.calls.total
    assert sum(report.calls.hours) == len(in_period) and len(report.calls.hours) == 24
    for reason in REASONS:
        told = sum(dict(day.by_reason)[reason] for day in report.calls.days)
        assert told == sum(1 for c in in_period if c.reason == reason)

    figures = report.breaks
    held = [b for b in breaks if period.holds(b.started_at)]
    assert figures.taken + figures.skipped == len(held)
    assert figures.completed + figures.ended_early == figures.taken
    assert 0 <= figures.extended <= figures.plan_known <= figures.taken
    assert all(minutes >= 0 for minutes in figures.minutes_after_call)

    moods = report.moods
    for share in (moods.share_rose, moods.share_unchanged):
        assert share is None or 0 <= share <= 1
    if moods.share_rose is not None and moods.share_unchanged is not None:
        assert moods.share_rose + moods.share_unchanged <= 1
    assert moods.average_change is None or -4 <= moods.average_change <= 4

    kept = report.callbacks
    assert kept.kept + kept.missed + kept.waiting == kept.due
    assert kept.snoozed + kept.snooze_unknown <= kept.due

    for sentence in _sentences(report):
        assert sentence and "!" not in sentence


def _sentences(report: object) -> list[str]:
    said = []
    for part in ("calls", "breaks", "moods", "callbacks"):
        figures = getattr(report, part)
        said += [v for k, v in vars(figures).items() if k.endswith(("sentence", "caveat"))]
    return said


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")]), st.data())
def test_a_daylight_saving_week_still_has_seven_days_and_loses_no_call(
    zone: ZoneInfo, data: st.DataObject
) -> None:
    """The weeks of 2026's changes: every call on a local date of the week is counted."""
    change = data.draw(
        st.sampled_from(
            [date(2026, 3, 8), date(2026, 3, 29), date(2026, 10, 25), date(2026, 11, 1)]
        )
    )
    now = datetime.combine(change, datetime.min.time(), tzinfo=zone) + timedelta(hours=12)
    week = this_week(now)
    hours = data.draw(st.lists(st.integers(0, 7 * 24 + 2), max_size=50))
    start = datetime.combine(week.start, datetime.min.time(), tzinfo=UTC)
    calls = [DifficultCall((start + timedelta(hours=h)).astimezone(zone)) for h in hours]
    report = build_report(calls, [], [], week, now)
    assert len(report.calls.days) == 7
    assert report.calls.total == sum(1 for c in calls if week.holds(c.tagged_at))


def test_a_hundred_thousand_calls_over_a_year_are_counted_quickly() -> None:
    rng = random.Random(16)
    zone = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 1, 1, tzinfo=zone)
    seconds = sorted(rng.randrange(365 * 86400) for _ in range(100_000))
    reasons = list(REASONS)
    calls = [
        DifficultCall((start + timedelta(seconds=s)).astimezone(zone), id=n, reason=reasons[n % 7])
        for n, s in enumerate(seconds)
    ]
    now = datetime(2026, 12, 3, 15, tzinfo=zone)
    period = recent_weeks(now)
    report = build_report(calls, [], [], period, now)
    assert report.calls.total == sum(1 for c in calls if period.holds(c.tagged_at)) > 7000
    assert dict(report.calls.days[0].by_reason)[Reason.OTHER] >= 0

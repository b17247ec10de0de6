"""Insights' figures and sentences, by example: weeks from Monday in local time, night shifts
and daylight-saving days by local date, and what each chart says above it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from companion.core import formatting
from companion.core import insights_messages as texts
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.insights import InsightsReport, Period, recent_weeks, this_week
from companion.core.insights_report import build_report, read_insights
from companion.core.moods import Mood
from companion.core.reminders import Callback
from tests.fakes import InMemoryBreaks, InMemoryCalls, InMemoryReminders
from tests.unit.test_tone import GRADES, REPROACH

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
#: Thursday 3 December 2026, mid-afternoon in Berlin.
NOW = datetime(2026, 12, 3, 15, 0, tzinfo=BERLIN)
WEEK = this_week(NOW)


def at(day: int, hour: int, minute: int = 0, month: int = 12, zone: ZoneInfo = BERLIN) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=zone)


def report(
    calls: Sequence[DifficultCall] = (),
    breaks: Sequence[BreakRecord] = (),
    callbacks: Sequence[Callback] = (),
    period: Period = WEEK,
    now: datetime = NOW,
) -> InsightsReport:
    return build_report(calls, breaks, callbacks, period, now)


def test_this_week_runs_monday_to_monday_in_local_dates() -> None:
    assert (WEEK.start, WEEK.end, WEEK.label) == (
        date(2026, 11, 30),
        date(2026, 12, 7),
        "This week",
    )
    sunday_night = this_week(at(6, 23, 59))
    monday = this_week(at(7, 0, 0))
    assert sunday_night == WEEK
    assert monday.start == date(2026, 12, 7)


def test_the_last_four_weeks_end_with_this_one() -> None:
    recent = recent_weeks(NOW)
    assert (recent.start, recent.end) == (date(2026, 11, 9), date(2026, 12, 7))
    assert recent.label == "The last four weeks"
    assert recent.phrase == "in the last four weeks"


def test_an_empty_week_says_so_kindly() -> None:
    empty = report()
    assert empty.calls.total == 0
    assert [day.total for day in empty.calls.days] == [0] * 7
    assert empty.calls.sentence == "No hard calls tagged this week."
    assert empty.calls.hours_sentence == "The hours your hard calls come at will show here."
    assert empty.breaks.sentence == "Breaks you take will show here."
    assert empty.moods.sentence == "Moods you rate before and after a break will show here."
    assert empty.moods.share_rose is None and empty.moods.average_change is None
    assert empty.callbacks.sentence == "No callbacks were due this week."


def test_one_call_is_told_with_its_day_and_hour() -> None:
    one = report([DifficultCall(at(1, 14, 20), id=1, reason=Reason.ANGRY)])
    assert one.calls.sentence == "One hard call this week, on Tuesday afternoon."
    hours = formatting.hour(14), formatting.hour(15)  # "2:00 PM" in the tests' "en"
    assert one.calls.hours_sentence == "It came between {} and {}.".format(*hours)
    tuesday = one.calls.days[1]
    assert tuesday.day == date(2026, 12, 1)
    assert dict(tuesday.by_reason)[Reason.ANGRY] == 1
    assert one.calls.hours[14] == 1


def test_the_busiest_part_of_the_week_is_named_only_when_it_stands_out() -> None:
    calls = [DifficultCall(at(1, 13 + n)) for n in range(3)] + [DifficultCall(at(3, 9))]
    assert report(calls).calls.sentence == "4 hard calls this week; Tuesday afternoon had the most."
    spread = [DifficultCall(at(day, 10)) for day in (1, 2, 3)]
    assert report(spread).calls.sentence == "3 hard calls this week, spread across the days."
    four_weeks = report(calls, period=recent_weeks(NOW))
    assert four_weeks.calls.sentence == (
        "4 hard calls in the last four weeks; Tuesday afternoons had the most."
    )


def test_a_reason_not_given_is_counted_as_not_said() -> None:
    week = report([DifficultCall(at(2, 10)), DifficultCall(at(2, 11), reason=Reason.ABUSIVE)])
    wednesday = dict(week.calls.days[2].by_reason)
    assert wednesday[None] == 1 and wednesday[Reason.ABUSIVE] == 1
    assert list(wednesday)[-1] is None


def test_a_night_shift_counts_each_call_on_its_own_calendar_day() -> None:
    night = [DifficultCall(at(1, 23, 30)), DifficultCall(at(2, 0, 30)), DifficultCall(at(2, 1))]
    week = report(night)
    assert [day.total for day in week.calls.days[1:3]] == [1, 2]
    assert week.calls.hours_sentence == f"Most came between midnight and {formatting.hour(2)}."
    assert week.calls.sentence == "3 hard calls this week; Wednesday early morning had the most."


def test_the_hours_of_a_night_shift_may_run_past_midnight() -> None:
    calls = [DifficultCall(at(1, 23)), DifficultCall(at(2, 0)), DifficultCall(at(4, 12))]
    hours = formatting.hour(23), formatting.hour(1)
    assert report(calls).calls.hours_sentence == "Most came between {} and {}.".format(*hours)


def test_a_daylight_saving_day_is_one_day_of_25_hours() -> None:
    """25 October 2026: Berlin's clocks go back, 02:30 happens twice."""
    fall_back = this_week(at(25, 12, month=10))
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)
    late = datetime(2026, 10, 25, 23, 59, tzinfo=BERLIN)
    week = report([DifficultCall(m) for m in (first, second, late)], period=fall_back, now=late)
    assert len(week.calls.days) == 7
    assert week.calls.days[-1].day == date(2026, 10, 25)
    assert week.calls.days[-1].total == 3
    assert week.calls.hours[2] == 2


def test_break_figures_count_taken_extended_skipped_and_how_soon() -> None:
    call = DifficultCall(at(1, 10), id=7)
    breaks = [
        BreakRecord(at(1, 10, 4), "sigh", 105, 105, BreakOutcome.COMPLETED, 7, None, None, 75),
        BreakRecord(at(1, 10, 30), "sigh", 75, 40, BreakOutcome.ENDED_EARLY, 7, None, None, 75),
        BreakRecord(at(2, 9), "box", 60, 0, BreakOutcome.SKIPPED, None),
        BreakRecord(at(2, 12), "box", 60, 60, BreakOutcome.COMPLETED),  # plan at start unknown
    ]
    figures = report([call], breaks).breaks
    assert (figures.taken, figures.completed, figures.ended_early) == (3, 2, 1)
    assert (figures.extended, figures.plan_known, figures.skipped) == (1, 2, 1)
    assert figures.minutes_after_call == (4.0, 30.0)
    assert figures.median_minutes_after_call == 17.0
    assert figures.sentence == "You took 3 breaks this week. 1 was made longer. 1 was skipped."
    assert figures.after_call_sentence == (
        "Half of the breaks after a hard call started within 17 minutes of it."
    )


def test_most_breaks_soon_after_a_call_is_said_so() -> None:
    calls = [DifficultCall(at(1, 10 + n), id=n) for n in range(3)]
    breaks = [
        BreakRecord(at(1, 10 + n, 2 + n), "sigh", 75, 75, BreakOutcome.COMPLETED, n)
        for n in range(3)
    ]
    said = report(calls, breaks).breaks.after_call_sentence
    assert said == "Most breaks started within 10 minutes of a hard call."


def test_a_break_just_after_midnight_finds_last_weeks_call() -> None:
    sunday_call = DifficultCall(at(29, 23, 55, month=11), id=1)
    monday_break = BreakRecord(at(30, 0, 5, month=11), "sigh", 75, 75, BreakOutcome.COMPLETED, 1)
    figures = report([sunday_call], [monday_break])
    assert figures.calls.total == 0
    assert figures.breaks.minutes_after_call == (10.0,)


def test_moods_report_how_they_moved_with_the_caveat() -> None:
    def rated(
        before: Mood, after: Mood, outcome: BreakOutcome = BreakOutcome.COMPLETED
    ) -> BreakRecord:
        return BreakRecord(at(2, 10), "sigh", 75, 75, outcome, None, before, after)

    moods = report(
        [],
        [
            rated(Mood.LOW, Mood.CALM),
            rated(Mood.OKAY, Mood.OKAY),
            rated(Mood.AWFUL, Mood.LOW),
            rated(Mood.GOOD, Mood.OKAY),
            rated(Mood.LOW, Mood.GOOD, BreakOutcome.SKIPPED),  # not a break taken
            BreakRecord(at(2, 11), "sigh", 75, 75, BreakOutcome.COMPLETED, None, Mood.LOW, None),
        ],
    ).moods
    assert moods.with_both == 4
    assert moods.average_change == 0.25
    assert (moods.share_rose, moods.share_unchanged) == (0.5, 0.25)
    assert (
        moods.sentence == "Of the 4 breaks you rated, your mood was higher after 2,"
        " the same after 1 and lower after 1."
    )
    assert "your own ratings" in moods.caveat


def test_callbacks_kept_missed_waiting_and_snoozed() -> None:
    def callback(day: int, hour: int, **kwargs: object) -> Callback:
        return Callback(at(day, hour), "Call back", at(1, 8), **kwargs)  # type: ignore[arg-type]

    figures = report(
        callbacks=[
            callback(1, 10, done_at=at(1, 10, 5)),
            callback(2, 10, done_at=at(2, 11), snoozes=2),
            callback(3, 11, snoozes=1),  # open, its time has passed
            callback(4, 9),  # still to come
            callback(2, 9, snoozes=None, done_at=at(2, 9)),  # saved before snoozes counted
            callback(8, 9),  # next week
        ]
    ).callbacks
    assert (figures.due, figures.kept, figures.missed, figures.waiting) == (5, 3, 1, 1)
    assert (figures.snoozed, figures.snooze_unknown) == (2, 1)
    assert figures.sentence == (
        "5 callbacks due this week: 3 done, 1 still open past its time, 1 still to come."
        " 2 were snoozed along the way."
    )


def test_read_insights_reads_this_week_the_last_four_and_the_pointer() -> None:
    calls, breaks = InMemoryCalls(), InMemoryBreaks()
    reminders = InMemoryReminders(calls, breaks)
    calls.add(DifficultCall(at(1, 14)))
    calls.add(DifficultCall(at(17, 14, month=11)))
    calls.add(DifficultCall(at(1, 14, month=10)))  # before the last four weeks
    breaks.add(BreakRecord(at(1, 14, 5), "sigh", 75, 75, BreakOutcome.COMPLETED, 1))
    reminders.add_callback(Callback(at(2, 9), "Refund", at(1, 9)))

    insights = read_insights(calls, breaks, reminders, NOW)
    assert insights.this_week.calls.total == 1
    assert insights.recent.calls.total == 2
    assert insights.this_week.breaks.minutes_after_call == (5.0,)
    assert insights.recent.callbacks.missed == 1
    assert insights.pointer is None


def test_every_sentence_follows_the_tone_guide() -> None:
    """The sentences made from figures, which the tone test (constants only) can't see."""
    said: list[str] = []
    for total, busiest in itertools.product((0, 1, 2, 40), (None, "Tuesday afternoon")):
        said.append(texts.calls_sentence(total, busiest, "this week"))
        said.append(texts.hours_sentence(total, 22, 1 + total % 12))
    for taken, extended, skipped in itertools.product((0, 1, 5), repeat=3):
        said.append(texts.breaks_sentence(taken, min(extended, taken), skipped, "this week"))
        said.append(texts.after_call_sentence(taken, extended, float(skipped)))
    for rose, same, fell in itertools.product((0, 1, 3), repeat=3):
        said.append(texts.moods_sentence(rose + same + fell, rose, same, fell))
        said.append(texts.callbacks_sentence(rose + same + fell, rose, same, fell, 1, "this week"))
    for sentence in said:
        assert "!" not in sentence and sentence.endswith(".")
        assert not any(grade in sentence.lower() for grade in GRADES), sentence
        assert not any(word in sentence.lower().split() for word in REPROACH), sentence

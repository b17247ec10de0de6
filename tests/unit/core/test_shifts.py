"""Shifts, day and night: which moments are working hours, when the shift ends, its day."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core.reminder_settings import ReminderSettings
from companion.core.reminders import ReminderKind
from tests.unit.core.reminder_sim import Event, World

MONDAY = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
WEEK_MINUTES = 7 * 24 * 60

times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 59]))
working_days = st.lists(st.integers(0, 6), unique=True).map(lambda d: tuple(sorted(d)))


def minutes_of_shifts(start: time, end: time, days: tuple[int, ...]) -> set[int]:
    """Working minutes of the week (and the Monday after), counted out from each working
    day's start for the shift's length: the night runs on past midnight."""
    length = (end.hour * 60 + end.minute - start.hour * 60 - start.minute) % (24 * 60)
    begin = start.hour * 60 + start.minute
    return {
        (day * 24 * 60 + begin + minute) % (WEEK_MINUTES)
        for day in days
        for minute in range(length)
    }


@settings(max_examples=300, deadline=None)
@given(times, times, working_days, st.integers(0, WEEK_MINUTES - 1))
def test_in_shift_is_the_minutes_counted_out_from_each_working_days_start(
    start: time, end: time, days: tuple[int, ...], minute: int
) -> None:
    if start == end:
        with pytest.raises(ValueError, match="another time"):
            ReminderSettings(shift_start=start, shift_end=end)
        return
    reminders = ReminderSettings(shift_start=start, shift_end=end, working_days=days)
    moment = MONDAY + timedelta(minutes=minute, seconds=30)
    assert reminders.in_shift(moment) == (minute in minutes_of_shifts(start, end, days))


@settings(max_examples=200, deadline=None)
@given(times, times, working_days, st.integers(0, WEEK_MINUTES - 1))
def test_each_shift_ends_its_length_after_it_starts_on_a_working_day(
    start: time, end: time, days: tuple[int, ...], minute: int
) -> None:
    if start == end:
        return
    reminders = ReminderSettings(shift_start=start, shift_end=end, working_days=days)
    for shift in reminders.shifts_from(MONDAY + timedelta(minutes=minute), 8):
        assert shift.start.weekday() in days and shift.start.time() == start
        assert shift.end.time() == end and timedelta(0) < shift.end - shift.start < timedelta(1)
        assert shift.end < shift.reflection_deadline <= shift.start + timedelta(days=1)
        assert reminders.in_shift(shift.start) and not reminders.in_shift(shift.end)


NIGHTS = ReminderSettings(shift_start=time(22, 0), shift_end=time(6, 0), working_days=(0,))


def test_a_monday_night_shift_nudges_after_midnight_and_reflects_at_six_on_tuesday() -> None:
    calls = [MONDAY + timedelta(days=1, minutes=m) for m in (40, 50, 60)]  # Tue 00:40-01:00
    calls += [MONDAY + timedelta(days=1, hours=22, minutes=m) for m in (40, 50, 60)]  # Tue night
    world = World(NIGHTS)
    world.run_until(MONDAY, MONDAY + timedelta(days=3), [Event(c, "call") for c in calls])
    assert world.times_of(ReminderKind.NUDGE) == [MONDAY + timedelta(days=1, hours=1)]
    assert world.times_of(ReminderKind.REFLECTION) == [MONDAY + timedelta(days=1, hours=6)]


def test_a_night_shifts_reflection_missed_comes_until_the_next_night_would_start() -> None:
    world = World(ReminderSettings(shift_start=time(22, 0), shift_end=time(6, 0)))
    tuesday = MONDAY + timedelta(days=1)
    due = world.due(tuesday.replace(hour=21, minute=59))  # back just before Tuesday's night
    assert due is not None and due.kinds() == {ReminderKind.REFLECTION}
    later = world.due(tuesday.replace(hour=22, minute=0))
    assert later is not None and later.at == tuesday + timedelta(days=1, hours=6)


def test_the_day_s_numbers_of_a_night_shift_count_the_whole_night() -> None:
    tuesday_six = MONDAY + timedelta(days=1, hours=6, minutes=10)
    assert NIGHTS.numbers_since(tuesday_six) == MONDAY.replace(hour=6)
    assert NIGHTS.numbers_since(MONDAY.replace(hour=23)) == MONDAY.replace(hour=6)
    day = ReminderSettings()
    assert day.numbers_since(MONDAY.replace(hour=17, minute=5)) == MONDAY

"""The periods a debrief summary can cover: this week, the last four weeks, or chosen days.

A week starts on Monday. A period runs from the first day's local midnight up to (not
including) the midnight after its last day; which midnight that is, in which zone and across
a daylight-saving change, is the caller's ``midnight`` function's to say (time is a
parameter: core never reads the machine's zone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

#: The local midnight that starts a calendar day.
Midnight = Callable[[date], datetime]

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Period:
    """The days ``first`` to ``last`` (both included): ``start <= moment < end``."""

    first: date
    last: date
    start: datetime
    end: datetime

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def label(self) -> str:
        """“Monday 30 November to Sunday 6 December 2026”; one day is just that day."""
        if self.first == self.last:
            return f"{day_text(self.first)} {self.first.year}"
        start = day_text(self.first)
        if self.first.year != self.last.year:
            start += f" {self.first.year}"
        return f"{start} to {day_text(self.last)} {self.last.year}"


def zone_midnight(zone: tzinfo) -> Midnight:
    """Midnights in ``zone`` (a ZoneInfo keeps daylight-saving changes right)."""
    return lambda day: datetime.combine(day, time(0), tzinfo=zone)


def days(first: date, last: date, midnight: Midnight) -> Period:
    """The days from ``first`` to ``last``, in whichever order they were given."""
    if last < first:
        first, last = last, first
    return Period(first, last, midnight(first), midnight(last + timedelta(days=1)))


def this_week(today: date, midnight: Midnight) -> Period:
    """Monday to Sunday of ``today``'s week."""
    monday = today - timedelta(days=today.weekday())
    return days(monday, monday + timedelta(days=6), midnight)


def last_four_weeks(today: date, midnight: Midnight) -> Period:
    """This week and the three before it, Monday to Sunday."""
    monday = today - timedelta(days=today.weekday())
    return days(monday - timedelta(weeks=3), monday + timedelta(days=6), midnight)


def day_text(day: date) -> str:
    """“Tuesday 1 December”, in fixed English like the rest of Companion."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"

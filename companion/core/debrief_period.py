"""The periods a debrief summary covers: the Insights window's (``core.insights.Period``), so
a week holds the same calls in both, or days the agent chose; and how a period is named.

Each call, break or callback belongs to the local date of its own stored time, as in Insights:
a night shift's call at 00:30 is on the new day; a daylight-saving day is simply a date.
"""

from __future__ import annotations

from datetime import date, timedelta

from companion.core.calendar_words import DAYS, MONTHS
from companion.core.insights import Period

CHOSEN_DAYS = "Chosen days"


def chosen_days(first: date, last: date) -> Period:
    """The days from ``first`` to ``last`` (both included), in whichever order given."""
    if last < first:
        first, last = last, first
    phrase = "from " + named_days(first, last)
    return Period(first, last + timedelta(days=1), CHOSEN_DAYS, phrase)


def named_days(first: date, last: date) -> str:
    """“Monday 30 November to Sunday 6 December 2026”; one day is just that day."""
    if first == last:
        return f"{day_text(first)} {first.year}"
    start = day_text(first)
    if first.year != last.year:
        start += f" {first.year}"
    return f"{start} to {day_text(last)} {last.year}"


def period_name(period: Period) -> str:
    return named_days(period.start, period.end - timedelta(days=1))


def day_text(day: date) -> str:
    """“Tuesday 1 December”, in fixed English like the rest of Companion."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"

"""The periods a debrief summary covers: the Insights window's (``core.insights.Period``), so
a week holds the same calls in both, or days the agent chose; and how a period is named.

Each call, break or callback belongs to the local date of its own stored time, as in Insights:
a night shift's call at 00:30 is on the new day; a daylight-saving day is simply a date.
"""

from __future__ import annotations

from datetime import date, timedelta

from companion.core import formatting
from companion.core.i18n import _
from companion.core.insights import Period

CHOSEN_DAYS = _("Chosen days")


def chosen_days(first: date, last: date) -> Period:
    """The days from ``first`` to ``last`` (both included), in whichever order given."""
    if last < first:
        first, last = last, first
    # Translators: a period inside a sentence: "from Monday, November 30 to Sunday, ...".
    phrase = _("from {days}").format(days=named_days(first, last))
    return Period(first, last + timedelta(days=1), CHOSEN_DAYS, phrase)


def named_days(first: date, last: date) -> str:
    """ "Monday, November 30 to Sunday, December 6, 2026" (in the region's forms); one day is
    just that day. The year is said once, unless the days are in two years."""
    if first == last:
        return formatting.full_date(first)
    start = formatting.full_date(first) if first.year != last.year else day_text(first)
    # Translators: a span of days: "Monday, November 30 to Sunday, December 6, 2026".
    return _("{first} to {last}").format(first=start, last=formatting.full_date(last))


def period_name(period: Period) -> str:
    return named_days(period.start, period.end - timedelta(days=1))


def day_text(day: date) -> str:
    """ "Tuesday, December 1" / "martes, 1 de diciembre": the region's way."""
    return formatting.day_and_month(day)

"""What the Insights window says.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. Every figure is the agent's own record, read on this computer.
"""

from __future__ import annotations

from datetime import date

from companion.core import formatting
from companion.core.i18n import _

TITLE = _("Companion — Insights")

# Each chart: a toggle between the picture and the same figures as a table.
SHOW_TABLE = _("Show as table")
SHOW_CHART = _("Show as chart")
TOTAL = _("Total")


def chart_name(name: str) -> str:
    return _("{chart}, chart").format(chart=name)


def table_name(name: str) -> str:
    return _("{chart}, table").format(chart=name)


def toggle_name(name: str) -> str:
    """The accessible name of ``name``'s table toggle: a whole sentence for each chart, so that
    no language has to change the case of a chart's name inside it."""
    return _TOGGLE_NAMES[name]


def chart_description(sentence: str) -> str:
    return _("{sentence} The same figures are in the table behind “{show_table}”.").format(
        sentence=sentence, show_table=SHOW_TABLE
    )


# The window.
HEADING = _("Insights")
PERIOD_NAME = _("Period shown")
#: True: Companion has no network code; the figures are read from the journal on this disk.
STAYS_HERE = _("This stays on this computer.")
CLOSE = _("Close")
CLOSE_NAME = _("Close Insights")
TALK_NAME = _("Need to talk? Who you can reach")
DEBRIEF_NAME = _("Debrief summary: a text you compose to bring to a talk")
EMPTY_TITLE = _("Nothing to show for this period.")
#: True with a tray and without one (the small window's "I just had a hard call" tags too).
EMPTY_TEXT = _("Hard calls you tag show up here, with their breaks, moods and callbacks.")
NOT_READ = _("Insights can't read your journal right now. Breaks and tagging work as usual.")

# Section headings and the charts' names (each unique in the window).
CALLS = _("Hard calls")
BREAKS = _("Breaks")
MOODS = _("Mood before and after a break")
CALLBACKS = _("Callbacks")
PER_DAY = _("Hard calls per day")
PER_HOUR = _("Hard calls by hour of the day")
BREAK_KINDS = _("Breaks taken, extended and skipped")
AFTER_CALL = _("Time from a hard call to its break")
MOOD_AVERAGES = _("Average mood before and after")
MOOD_MOVES = _("How the mood moved")
CALLBACK_KINDS = _("Callbacks kept, snoozed and missed")
# Each chart's "Show as table" toggle, said whole to a screen reader.
_TOGGLE_NAMES = {
    PER_DAY: _("Show hard calls per day as a table"),
    PER_HOUR: _("Show hard calls by hour of the day as a table"),
    BREAK_KINDS: _("Show breaks taken, extended and skipped as a table"),
    AFTER_CALL: _("Show time from a hard call to its break as a table"),
    MOOD_AVERAGES: _("Show average mood before and after as a table"),
    MOOD_MOVES: _("Show how the mood moved as a table"),
    CALLBACK_KINDS: _("Show callbacks kept, snoozed and missed as a table"),
}

# The tables' first column.
DAY = _("Day")
HOUR = _("Hour")
BREAK = _("Break")
WAIT = _("Time after the call")
WHEN = _("When")
HOW = _("How")
CALLBACK = _("Callback")

# What the bars are.
HARD_CALLS = _("Hard calls")
BREAKS_COUNT = _("Breaks")
CALLBACKS_COUNT = _("Callbacks")
NOT_SAID = _("No reason given")
COMPLETED = _("Completed")
ENDED_EARLY = _("Ended early")
EXTENDED = _("Extended")
SKIPPED = _("Skipped")
WAITS = (_("Within 2 minutes"), _("2 to 10 minutes"), _("10 to 30 minutes"), _("Over 30 minutes"))
WAITS_SHORT = (_("< 2 min"), _("2–10"), _("10–30"), _("> 30 min"))
BEFORE = _("Before")
AFTER = _("After")
ROSE = _("Rose")
SAME = _("Stayed the same")
FELL = _("Went down")
KEPT = _("Kept")
SNOOZED = _("Snoozed")
MISSED = _("Missed")
WAITING = _("Still to come")
AVERAGE = _("Average")


def day_short(day: date, *, with_date: bool) -> str:
    """ "Mon" in a week; "Nov 9" over four weeks, where seven days share a weekday."""
    return formatting.short_day_and_month(day) if with_date else formatting.short_weekday(day)


def day_long(day: date) -> str:
    return formatting.day_and_month(day)


def hour_short(hour: int) -> str:
    """An hour on the axis: "1 PM" or "13", as the region's clock."""
    return formatting.short_hour(hour)


def hour_span(hour: int) -> str:
    # Translators: an hour of the day in a table ("1:00 PM–2:00 PM").
    return _("{start}–{end}").format(start=formatting.hour(hour), end=formatting.hour(hour + 1))


def averages_sentence(before: float, after: float) -> str:
    """The averages as numbers on the 1-5 scale the faces stand for; reported, not explained."""
    return _(
        "On average your mood was {before} before a break and {after} after, "
        "on a scale from 1 (Awful) to 5 (Good)."
    ).format(before=formatting.number(before, 1), after=formatting.number(after, 1))

"""What the Insights window says.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. Every figure is the agent's own record, read on this computer.
"""

from __future__ import annotations

from companion.core.calendar_words import DAYS, MONTHS

TITLE = "Companion — Insights"

# Each chart: a toggle between the picture and the same figures as a table.
SHOW_TABLE = "Show as table"
SHOW_CHART = "Show as chart"
TOTAL = "Total"


def chart_name(name: str) -> str:
    return f"{name}, chart"


def table_name(name: str) -> str:
    return f"{name}, table"


def toggle_name(name: str) -> str:
    return f"Show {name.lower()} as a table"


def chart_description(sentence: str) -> str:
    return f"{sentence} The same figures are in the table behind “{SHOW_TABLE}”."


# The window.
HEADING = "Insights"
PERIOD_NAME = "Period shown"
#: True: Companion has no network code; the figures are read from the journal on this disk.
STAYS_HERE = "This stays on this computer."
CLOSE = "Close"
CLOSE_NAME = "Close Insights"
TALK_NAME = "Need to talk? Who you can reach"
DEBRIEF_NAME = "Debrief summary: a text you compose to bring to a talk"
EMPTY_TITLE = "Nothing to show for this period."
#: True with a tray and without one (the small window's "I just had a hard call" tags too).
EMPTY_TEXT = "Hard calls you tag show up here, with their breaks, moods and callbacks."
NOT_READ = "Insights can't read your journal right now. Breaks and tagging work as usual."

# Section headings and the charts' names (each unique in the window).
CALLS = "Hard calls"
BREAKS = "Breaks"
MOODS = "Mood before and after a break"
CALLBACKS = "Callbacks"
PER_DAY = "Hard calls per day"
PER_HOUR = "Hard calls by hour of the day"
BREAK_KINDS = "Breaks taken, extended and skipped"
AFTER_CALL = "Time from a hard call to its break"
MOOD_AVERAGES = "Average mood before and after"
MOOD_MOVES = "How the mood moved"
CALLBACK_KINDS = "Callbacks kept, snoozed and missed"

# The tables' first column.
DAY = "Day"
HOUR = "Hour"
BREAK = "Break"
WAIT = "Time after the call"
WHEN = "When"
HOW = "How"
CALLBACK = "Callback"

# What the bars are.
HARD_CALLS = "Hard calls"
BREAKS_COUNT = "Breaks"
CALLBACKS_COUNT = "Callbacks"
NOT_SAID = "No reason given"
COMPLETED = "Completed"
ENDED_EARLY = "Ended early"
EXTENDED = "Extended"
SKIPPED = "Skipped"
WAITS = ("Within 2 minutes", "2 to 10 minutes", "10 to 30 minutes", "Over 30 minutes")
WAITS_SHORT = ("< 2 min", "2–10", "10–30", "> 30 min")
BEFORE = "Before"
AFTER = "After"
ROSE = "Rose"
SAME = "Stayed the same"
FELL = "Went down"
KEPT = "Kept"
SNOOZED = "Snoozed"
MISSED = "Missed"
WAITING = "Still to come"
AVERAGE = "Average"


def day_short(weekday: int, day: int, month: int, *, with_date: bool) -> str:
    """'Mon' in a week; '9 Nov' over four weeks, where seven days share a weekday."""
    return f"{day} {MONTHS[month - 1][:3]}" if with_date else DAYS[weekday][:3]


def day_long(weekday: int, day: int, month: int) -> str:
    return f"{DAYS[weekday]} {day} {MONTHS[month - 1]}"


def hour_span(hour: int) -> str:
    return f"{hour:02d}:00–{(hour + 1) % 24:02d}:00"


def averages_sentence(before: float, after: float) -> str:
    """The averages as numbers on the 1-5 scale the faces stand for; reported, not explained."""
    return (
        f"On average your mood was {before:.1f} before a break and {after:.1f} after, "
        "on a scale from 1 (Awful) to 5 (Good)."
    )

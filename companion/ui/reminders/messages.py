"""What the reminders say in the tray menu, the callback dialog and Companion's own pop-up.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. The reminders' own words (nudges, callback lines, "15:30, or in 2
hours" parsing) are domain texts in ``companion/core/reminder_texts.py``.
"""

from __future__ import annotations

# The reminder part of the tray menu.
CALLBACKS = "Callbacks"
PAUSE = "Pause reminders"
ADD_CALLBACK = "Call back later…"
SETTINGS = "Settings…"
RESUME = "Resume reminders now"
DONE = "Done"
OVERDUE = " — overdue"
FOR_30_MINUTES = "For 30 minutes"
FOR_1_HOUR = "For 1 hour"
UNTIL_TOMORROW = "Until tomorrow"

# The callback dialog.
CALLBACK_TITLE = "Companion — Call back later"
CALLBACK_INTRO = "Companion will remind you, even outside your shift."
CASE = "Case"
CASE_PLACEHOLDER = "e.g. 4711"
ABOUT = "About"
ABOUT_PLACEHOLDER = "e.g. confirm the refund went through"
WHEN = "When"
WHEN_PLACEHOLDER = "15:30, or in 2 hours"

# Companion's own pop-up, and the names the settings window's test result gives the ways a
# notice is shown ("Sent through tray balloon.").
TOAST_TITLE = "Companion — Reminder"
DISMISS = "Dismiss"
TOAST_NAME = "Companion's own pop-up"
NO_SCREEN = "no screen to show it on"
BALLOON_NAME = "tray balloon"
NO_BALLOON = "no tray icon that can show messages"


def callbacks_title(overdue: int) -> str:
    return CALLBACKS if not overdue else f"Callbacks ({overdue} overdue)"


def callback_entry(due: str, label: str, *, overdue: bool) -> str:
    """A callback's submenu title: its clock time and its label."""
    return f"{due}  {label}{OVERDUE if overdue else ''}"


def snooze_text(minutes: int) -> str:
    return f"Snooze {minutes} min"


def paused_until(until: str) -> str:
    return f"Reminders paused until {until}"


def due_at(time: str) -> str:
    """Under the callback dialog's time, how the typed time was read."""
    return f"At {time}"

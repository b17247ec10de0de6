"""What the reminders say in the tray menu, the callback dialog and Companion's own pop-up.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. The reminders' own words (nudges, callback lines, "15:30, or in 2
hours" parsing) are domain texts in ``companion/core/reminder_texts.py``.
"""

from __future__ import annotations

from datetime import time

from companion.core import formatting
from companion.core.i18n import _, ngettext, pgettext

# The reminder part of the tray menu.
CALLBACKS = _("Callbacks")
PAUSE = _("Pause reminders")
ADD_CALLBACK = _("Call back later…")
SETTINGS = _("Settings…")
RESUME = _("Resume reminders now")
# Translators: marks a callback as done (its menu action).
DONE = pgettext("a callback", "Done")
FOR_30_MINUTES = _("For 30 minutes")
FOR_1_HOUR = _("For 1 hour")
UNTIL_TOMORROW = _("Until tomorrow")

# The callback dialog.
CALLBACK_TITLE = _("Companion — Call back later")
CALLBACK_INTRO = _("Companion will remind you, even outside your shift.")
CASE = _("Case")
CASE_PLACEHOLDER = _("e.g. 4711")
# Translators: the callback dialog's field: what the callback is about.
ABOUT = pgettext("what a callback is about", "About")
ABOUT_PLACEHOLDER = _("e.g. confirm the refund went through")
WHEN = _("When")

# Companion's own pop-up, and the names the settings window's test result gives the ways a
# notice is shown ("Sent through tray balloon.").
TOAST_TITLE = _("Companion — Reminder")
DISMISS = _("Dismiss")
TOAST_NAME = _("Companion's own pop-up")
NO_SCREEN = _("no screen to show it on")
BALLOON_NAME = _("tray balloon")
NO_BALLOON = _("no tray icon that can show messages")


def callbacks_title(overdue: int) -> str:
    if not overdue:
        return CALLBACKS
    return ngettext("Callbacks ({count} overdue)", "Callbacks ({count} overdue)", overdue).format(
        count=overdue
    )


def callback_entry(due: str, label: str, *, overdue: bool) -> str:
    """A callback's submenu title: its clock time and its label."""
    if overdue:
        # Translators: a callback in the tray menu: its time, its label, and that it is late.
        return _("{time}  {label} — overdue").format(time=due, label=label)
    return f"{due}  {label}"


def snooze_text(minutes: int) -> str:
    return ngettext("Snooze {count} min", "Snooze {count} min", minutes).format(count=minutes)


def paused_until(until: str) -> str:
    return _("Reminders paused until {time}").format(time=until)


def due_at(time: str) -> str:
    """Under the callback dialog's time, how the typed time was read."""
    return _("At {time}").format(time=time)


def when_placeholder() -> str:
    """What the callback dialog's time field shows empty: a time as the region writes one."""
    # Translators: an example in the time field; "in 2 hours" must be what the field accepts.
    return _("{time}, or in 2 hours").format(time=formatting.time_of_day(time(15, 30)))

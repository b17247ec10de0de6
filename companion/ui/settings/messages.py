"""What the settings window and the "Delete all my data…" dialogs say.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. Weekday names come from ``companion/core/reminder_settings.py``.
"""

from __future__ import annotations

from companion.core.i18n import _, pgettext
from companion.ui.look.keys import shortcut_name

# The settings window.
TITLE = _("Companion — Settings")
BREAKS = _("Breaks")
YOUR_SHIFT = _("Your shift")
REMINDERS = _("Reminders")
NOTIFICATIONS = _("Notifications")
PATTERN = _("Breathing pattern")
LENGTH = _("Break length")
# Translators: after a number of seconds in a field ("75 s"); keep the space before it.
SECONDS_SUFFIX = _(" s")
MOTION = _("Motion")
FOLLOW_DESKTOP = _("Follow my desktop")
CALM_BAR = _("Calm bar instead of motion")
MOVING_SHAPE = _("Moving shape")
# Translators: {key} names the shortcut, in Qt's words ("Ctrl+Alt+H").
SHORTCUT = _("{key} tags a hard call and starts a break, from any application")
COLOURS = _("Colours")
LIGHT = _("Light")
DARK = _("Dark")
HIGH_CONTRAST = _("High contrast")
MOOD_CHECK = _("Ask how I feel before and after")
AUTO_START = _("Start breathing by itself after")
AUTO_START_NEVER = _("Never")
AUTO_START_DESCRIPTION = _(
    "Seconds the break waits on its first page before breathing starts. Never: breathing "
    "starts when you choose."
)
PHASE_SOUND = _("Play a soft tone at each step of the breath")
NO_TONE_PLAYER = _("This computer has no sound player Companion can use, so the tone stays silent.")
WORKING_HOURS = _("Working hours")
# Translators: between the start and the end of the working hours ("9:00 AM to 5:00 PM").
TO = pgettext("working hours", "to")
NEXT_DAY = _("the next day")
WORKING_DAYS = _("Working days")
# What a screen reader says for controls whose visible label is shared or far away.
PATTERN_NAME = _("Breathing pattern")
MOTION_NAME = _("Motion")
SHIFT_START_NAME = _("Shift starts at")
SHIFT_END_NAME = _("Shift ends at")
NUDGE_CALLS_NAME = _("Hard calls before a break is suggested")
NUDGE_WINDOW_NAME = _("Minutes those hard calls fall within")
TEST_RESULT_NAME = _("Test notification result")
SHIFT_DESCRIPTION = _("An end before the start is a night shift: it ends the next day.")
NUDGE_DESCRIPTION = _(
    "After that many hard calls within that many minutes, Companion suggests a break."
)
AUTOSTART = _("Start Companion when I log in")
ENABLED = _("Remind me gently (nudges and the end-of-shift reflection)")
SUGGEST_AFTER = _("Suggest a break after")
# Translators: after a number from 2 to 10 in a field; keep the space before it.
HARD_CALLS_SUFFIX = _(" hard calls")
WITHIN = _("within")
# Translators: after a number of minutes in a field ("30 min"); keep the space before it.
MINUTES_SUFFIX = _(" min")
RATE = _("At most one reminder every")
AWAY = _("Wait while I'm away for")
REFLECTION = _("Invite me to reflect when my shift ends")
WAITS_TEXT = _(
    "Reminders wait while you're away from the keyboard. While you're on a call or in Do Not "
    "Disturb, nudges and reflections wait too, and callbacks still come, quietly."
)
SOUND = _("Let notifications make a sound (when your desktop plays them)")
SOUND_TOOLTIP = _(
    "Companion's notifications have no sound of their own. Off, it asks your desktop to show "
    "reminders silently; on, your desktop decides. Its own pop-up and the tray balloon are "
    "always silent."
)
TEST = _("Send a test notification")
NO_SERVICE_TEXT = _(
    "Your desktop has no notification service, so Companion shows its reminders itself: "
    "by its tray icon, or in a small window in the corner of the screen."
)
LOCKED_NOTE = _("Greyed-out settings are set by your IT department and can't be changed here.")
LOCKED_TOOLTIP = _("Set by your IT department")

# Delete all my data.
DELETE_ALL_TITLE = _("Companion — Delete all my data")
QUESTION_TITLE = _("Delete all your Companion data?")
QUESTION = _(
    "This removes your journal, its daily copies, your settings and Companion's logs from "
    "this computer, and then Companion closes. It can't be undone."
)
NOTHING_YET = _("Nothing yet.")
DELETE_EVERYTHING = _("Delete everything")
KEEP_MY_DATA = _("Keep my data")
DELETED_TITLE = _("Companion — Your data was deleted")
DELETED = _("Your Companion data has been deleted. Companion will close now.")


def cannot_save(error: object) -> str:
    return _("Those settings can't be saved yet: {error}.").format(error=error)


def shortcut_text() -> str:
    """The shortcut's check box, naming the keys as Qt does here ("Strg+Alt+H" in German)."""
    return SHORTCUT.format(key=shortcut_name())

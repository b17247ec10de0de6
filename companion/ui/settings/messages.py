"""What the settings window and the "Delete all my data…" dialogs say.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. Weekday names come from ``companion/core/reminder_settings.py``.
"""

from __future__ import annotations

# The settings window.
TITLE = "Companion — Settings"
BREAKS = "Breaks"
YOUR_SHIFT = "Your shift"
REMINDERS = "Reminders"
NOTIFICATIONS = "Notifications"
PATTERN = "Breathing pattern"
LENGTH = "Break length"
SECONDS_SUFFIX = " s"
MOTION = "Motion"
FOLLOW_DESKTOP = "Follow my desktop"
CALM_BAR = "Calm bar instead of motion"
MOVING_SHAPE = "Moving shape"
SHORTCUT = "Ctrl+Alt+H tags a hard call and starts a break, from any application"
COLOURS = "Colours"
LIGHT = "Light"
DARK = "Dark"
HIGH_CONTRAST = "High contrast"
MOOD_CHECK = "Ask how I feel before and after"
AUTO_START = "Start breathing by itself after"
AUTO_START_NEVER = "Never"
AUTO_START_DESCRIPTION = (
    "Seconds the break waits on its first page before breathing starts. Never: breathing "
    "starts when you choose."
)
PHASE_SOUND = "Play a soft tone at each step of the breath"
NO_TONE_PLAYER = "This computer has no sound player Companion can use, so the tone stays silent."
WORKING_HOURS = "Working hours"
TO = "to"
NEXT_DAY = "the next day"
WORKING_DAYS = "Working days"
# What a screen reader says for controls whose visible label is shared or far away.
PATTERN_NAME = "Breathing pattern"
MOTION_NAME = "Motion"
SHIFT_START_NAME = "Shift starts at"
SHIFT_END_NAME = "Shift ends at"
NUDGE_CALLS_NAME = "Hard calls before a break is suggested"
NUDGE_WINDOW_NAME = "Minutes those hard calls fall within"
TEST_RESULT_NAME = "Test notification result"
SHIFT_DESCRIPTION = "An end before the start is a night shift: it ends the next day."
NUDGE_DESCRIPTION = (
    "After that many hard calls within that many minutes, Companion suggests a break."
)
AUTOSTART = "Start Companion when I log in"
ENABLED = "Remind me gently (nudges and the end-of-shift reflection)"
SUGGEST_AFTER = "Suggest a break after"
HARD_CALLS_SUFFIX = " hard calls"
WITHIN = "within"
MINUTES_SUFFIX = " min"
RATE = "At most one reminder every"
AWAY = "Wait while I'm away for"
REFLECTION = "Invite me to reflect when my shift ends"
WAITS_TEXT = (
    "Reminders wait while you're away from the keyboard. While you're on a call or in Do Not "
    "Disturb, nudges and reflections wait too, and callbacks still come, quietly."
)
SOUND = "Let notifications make a sound (when your desktop plays them)"
SOUND_TOOLTIP = (
    "Companion's notifications have no sound of their own. Off, it asks your desktop to show "
    "reminders silently; on, your desktop decides. Its own pop-up and the tray balloon are "
    "always silent."
)
TEST = "Send a test notification"
NO_SERVICE_TEXT = (
    "Your desktop has no notification service, so Companion shows its reminders itself: "
    "by its tray icon, or in a small window in the corner of the screen."
)
LOCKED_NOTE = "Greyed-out settings are set by your IT department and can't be changed here."
LOCKED_TOOLTIP = "Set by your IT department"

# Delete all my data.
DELETE_ALL_TITLE = "Companion — Delete all my data"
QUESTION_TITLE = "Delete all your Companion data?"
QUESTION = (
    "This removes your journal, its daily copies, your settings and Companion's logs from "
    "this computer, and then Companion closes. It can't be undone."
)
NOTHING_YET = "Nothing yet."
DELETE_EVERYTHING = "Delete everything"
KEEP_MY_DATA = "Keep my data"
DELETED_TITLE = "Companion — Your data was deleted"
DELETED = "Your Companion data has been deleted. Companion will close now."


def cannot_save(error: object) -> str:
    return f"Those settings can't be saved yet: {error}."

"""What the tray icon, its menu and the no-tray window say.

Every user-facing sentence of a ui feature lives in its folder's ``messages.py``: plain
constants, and small functions for texts built from a value. None is wrapped for translation
yet; doing so is mechanical: each constant becomes ``_("…")``, each function's f-string
becomes ``_("… {count} …").format(count=count)`` (extractors can't read f-strings), with
``ngettext`` where a function branches on a count. Constants are read when a module is first
imported, so the translation must be installed before ``companion.ui`` is (``companion.launch``
imports the tray early).
"""

from __future__ import annotations

APP_NAME = "Companion"

# The tray icon and its menu; the no-tray window shows the same actions.
QUICK_TAG = "I just had a hard call"
TAG_MENU = "Tag a difficult call"
BREAK = "Start a breathing break"
BREAK_SHORT = "Breathing break"  # on the window's button
JOURNAL = "Journal…"
RECENT_CALLS = "Recent hard calls…"
INSIGHTS = "Insights…"
#: Always there: IT's support contact, or where such help is usually found (ui/care).
NEED_TO_TALK = "Need to talk?"
#: A summary the agent composes to bring to such a talk (ui/debrief).
DEBRIEF = "Debrief summary…"
QUIT = "Quit"

# The no-tray window.
WINDOW_TITLE = APP_NAME
NO_TRAY_TEXT = "Your desktop has no tray, so Companion lives in this small window."
REASON_NAME = "Reason for the hard call"
NO_REASON = "Choose a reason (optional)"
MORE = "More"


def counted_today(count: int) -> str:
    if count == 0:
        return "No hard calls tagged today"
    if count == 1:
        return "1 hard call tagged today"
    return f"{count} hard calls tagged today"


def tooltip_for(today_count: int) -> str:
    return f"{APP_NAME} — {counted_today(today_count)}\nClick after a hard call to take a breath."

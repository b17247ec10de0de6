"""What the tray icon, its menu and the no-tray window say.

Every user-facing sentence of a ui feature lives in its folder's ``messages.py``, marked for
translation (companion.core.i18n): constants as ``_("…")``, texts built from a value as
``_("… {count} …").format(count=count)`` (extractors can't read f-strings), ``ngettext`` where
a number decides the form. Constants are translated when the module is first imported, which
is after the language is installed (companion.cli.main).
"""

from __future__ import annotations

from companion.core.i18n import _, ngettext

APP_NAME = "Companion"  # a name: never translated

# The tray icon and its menu; the no-tray window shows the same actions.
QUICK_TAG = _("I just had a hard call")
TAG_MENU = _("Tag a difficult call")
BREAK = _("Start a breathing break")
BREAK_SHORT = _("Breathing break")  # on the window's button
JOURNAL = _("Journal…")
RECENT_CALLS = _("Recent hard calls…")
INSIGHTS = _("Insights…")
#: Always there: IT's support contact, or where such help is usually found (ui/care).
NEED_TO_TALK = _("Need to talk?")
#: A summary the agent composes to bring to such a talk (ui/debrief).
DEBRIEF = _("Debrief summary…")
QUIT = _("Quit")

# The no-tray window.
WINDOW_TITLE = APP_NAME
NO_TRAY_TEXT = _("Your desktop has no tray, so Companion lives in this small window.")
REASON_NAME = _("Reason for the hard call")
NO_REASON = _("Choose a reason (optional)")
MORE = _("More")


def counted_today(count: int) -> str:
    if count == 0:
        return _("No hard calls tagged today")
    return ngettext(
        "{count} hard call tagged today", "{count} hard calls tagged today", count
    ).format(count=count)


def tooltip_for(today_count: int) -> str:
    return _("{app} — {counted}\nClick after a hard call to take a breath.").format(
        app=APP_NAME, counted=counted_today(today_count)
    )

"""What the recent calls window and a call's details form say.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable.
"""

from __future__ import annotations

from datetime import datetime

from companion.core import formatting
from companion.core.i18n import _, pgettext

# A call's details form (in the break window, and in the recent calls window).
SHOW_TEXT = _("Add details (optional)")
HIDE_TEXT = _("Hide details")
TOGGLE_NAME = _("Add details about the call")
REASON = _("Reason")
REASON_NAME = _("Reason the call was hard")
NOT_CHOSEN = _("Not chosen")
HOW_HARD = _("How hard")
CASE_REF = _("Case ref")
CASE_REF_PLACEHOLDER = _("Case or ticket number")
CASE_REF_NAME = _("Case or ticket reference")
NOTE = _("Note")
NOTE_PLACEHOLDER = _("A few words, only if it helps")
NOTE_NAME = _("Short note about the call")

# The recent calls window.
TITLE = _("Companion — Recent hard calls")
EMPTY_TEXT = _("No hard calls tagged yet. After one, a click on the tray icon tags it.")
CHOOSE_TEXT = _("Choose a call to add a reason, how hard it was, a case reference or a note.")
LIST_NAME = _("Recent hard calls")
CLOSE = _("Close")
CLOSE_NAME = _("Close recent hard calls")
FOOTER = _("Stored only on this computer.")
NO_REASON_GIVEN = _("no reason given")
ROW_SEPARATOR = " · "

# Removing a tag (asked once; keeping it is the default).
REMOVE = _("Remove tag…")
REMOVE_NAME = _("Remove the chosen call's tag")
DEBRIEF = _("Debrief summary…")
DEBRIEF_NAME = _("A debrief summary of the chosen call")
REMOVE_TITLE = _("Remove this tag?")
REMOVE_KEPT = _(
    "Your breaks and journal entries about this call are kept, without the link to it. "
    "The tag can't be brought back."
)
REMOVE_GO = _("Remove tag")
# Translators: answers the remove-tag question with no: the call's tag stays.
KEEP = pgettext("keep the tag", "Keep it")


def intensity_name(value: int, most: int) -> str:
    """An intensity button's accessible name."""
    return _("Intensity {value} of {most}").format(value=value, most=most)


def intensity_text(value: int, most: int) -> str:
    """How hard a call was, in a row of the list."""
    # Translators: how hard a call was, on a scale ("3 of 5").
    return _("{value} of {most}").format(value=value, most=most)


def today_at(moment: datetime) -> str:
    return _("Today {time}").format(time=formatting.time_of_day(moment))


def remove_question(row: str) -> str:
    """The question before a tag is removed; ``row`` as the list shows the call."""
    return _("Remove the tag of the call “{call}”?").format(call=row)


def not_saved(error: object) -> str:
    """A storage error, and that the typing is not lost."""
    return _("{error} What you entered is still here.").format(error=error)

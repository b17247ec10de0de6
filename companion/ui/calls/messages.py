"""What the recent calls window and a call's details form say.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable.
"""

from __future__ import annotations

from datetime import datetime

# A call's details form (in the break window, and in the recent calls window).
SHOW_TEXT = "Add details (optional)"
HIDE_TEXT = "Hide details"
TOGGLE_NAME = "Add details about the call"
REASON = "Reason"
REASON_NAME = "Reason the call was hard"
NOT_CHOSEN = "Not chosen"
HOW_HARD = "How hard"
CASE_REF = "Case ref"
CASE_REF_PLACEHOLDER = "Case or ticket number"
CASE_REF_NAME = "Case or ticket reference"
NOTE = "Note"
NOTE_PLACEHOLDER = "A few words, only if it helps"
NOTE_NAME = "Short note about the call"

# The recent calls window.
TITLE = "Companion — Recent hard calls"
EMPTY_TEXT = "No hard calls tagged yet. After one, a click on the tray icon tags it."
CHOOSE_TEXT = "Choose a call to add a reason, how hard it was, a case reference or a note."
LIST_NAME = "Recent hard calls"
CLOSE = "Close"
CLOSE_NAME = "Close recent hard calls"
FOOTER = "Stored only on this computer."
NO_REASON_GIVEN = "no reason given"
ROW_SEPARATOR = " · "

# Removing a tag (asked once; keeping it is the default).
REMOVE = "Remove tag…"
REMOVE_NAME = "Remove the chosen call's tag"
DEBRIEF = "Debrief summary…"
DEBRIEF_NAME = "A debrief summary of the chosen call"
REMOVE_TITLE = "Remove this tag?"
REMOVE_KEPT = (
    "Your breaks and journal entries about this call are kept, without the link to it. "
    "The tag can't be brought back."
)
REMOVE_GO = "Remove tag"
KEEP = "Keep it"


def intensity_name(value: int, most: int) -> str:
    """An intensity button's accessible name."""
    return f"Intensity {value} of {most}"


def intensity_text(value: int, most: int) -> str:
    """How hard a call was, in a row of the list."""
    return f"{value} of {most}"


def today_at(moment: datetime) -> str:
    return f"Today {moment:%H:%M}"


def remove_question(row: str) -> str:
    """The question before a tag is removed; ``row`` as the list shows the call."""
    return f"Remove the tag of the call “{row}”?"


def not_saved(error: object) -> str:
    """A storage error, and that the typing is not lost."""
    return f"{error} What you entered is still here."

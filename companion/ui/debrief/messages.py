"""What the debrief summary dialog says (the summary's own words are in core/debrief.py).

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. The ticks speak in the agent's own voice ("My notes"): they choose what
goes into a text the agent brings to someone.
"""

from __future__ import annotations

from pathlib import Path

TITLE = "Companion — Debrief summary"
INTRO = (
    "A summary to bring to a talk with a supervisor, a colleague or your EAP. "
    "Only what you tick goes in; you can edit the text before you use it."
)
#: True for every mode: Companion has no network code (tests/test_architecture.py).
NOTHING_SENT = (
    "Companion sends nothing anywhere. This text goes only where you copy, save or print it."
)

PERIOD = "Period"
PERIOD_NAME = "Period of the summary"
THIS_WEEK = "This week"
FOUR_WEEKS = "The last four weeks"
CHOSEN_DAYS = "Days I choose"
CHOSEN_CALLS = "Calls I choose"
FROM = "From"
FROM_NAME = "First day of the summary"
TO = "to"
TO_NAME = "Last day of the summary"
CALLS_NAME = "Calls to include; tick each one"
NO_CALLS = "No hard calls tagged yet."

INCLUDE = "Include"
TICKS = (
    ("counts", "Counts", "How many hard calls, breaks and callbacks"),
    ("reasons", "Reasons", "The reason and intensity you gave each call"),
    ("times", "Days and times", "When each call, break and callback happened"),
    ("breaks", "Breaks and moods", "How each break went, and the moods you gave"),
    ("notes", "My notes", "Your call notes, journal entries about those calls, callback notes"),
    ("case_refs", "Case references", "These can identify a customer; left out unless ticked"),
)
CASE_REFS_NOTE = "Case references can identify a customer, so they stay out unless you tick them."
TEXT_NAME = "Summary text; you can edit it"
EDITS_REPLACED = "The text was written again for your new choice; Ctrl+Z brings your edits back."

COPY = "Copy"
COPY_NAME = "Copy the summary"
COPIED = "Copied. Paste it wherever you like."
SAVE = "Save as file…"
SAVE_NAME = "Save the summary as a file"
SAVE_TITLE = "Save the summary as a plain text file (not encrypted)"
TEXT_FILTER = "Plain text (*.txt)"
PRINT = "Print…"
PRINT_NAME = "Print the summary"
PRINTED = "Sent to the printer."
EXPORT = "Export my records…"
EXPORT_NAME = "Export calls, breaks and callbacks as CSV or JSON"
EXPORT_TITLE = "Export your calls, breaks and callbacks to plain files (not encrypted)"
CSV_FILTER = "CSV for spreadsheets, three files (*.csv)"
JSON_FILTER = "JSON, one file for other programs (*.json)"
CLOSE = "Close"
CLOSE_NAME = "Close the debrief summary"

#: After the store's own sentence (what happened): what still works.
NOT_READ = "{reason} The summary stays as it was."
FULL = "The disk is full, so the file could not be saved. Free up some space and try again."
NOT_WRITABLE = "Companion can't write to {folder}. Choose a folder of your own, such as Documents."
OTHER = "The file could not be saved in {folder} ({reason}). Nothing was left behind."


def saved(path: Path) -> str:
    return f"Saved to {path}"


def default_name(day: str) -> str:
    """The file name offered: ``companion-debrief-2026-12-07.txt``."""
    return f"companion-debrief-{day}.txt"

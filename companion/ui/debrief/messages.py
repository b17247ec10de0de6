"""What the debrief summary dialog says (the summary's own words are in core/debrief.py).

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. The ticks speak in the agent's own voice ("My notes"): they choose what
goes into a text the agent brings to someone.
"""

from __future__ import annotations

from pathlib import Path

from companion.core.i18n import _, pgettext

TITLE = _("Companion — Debrief summary")
INTRO = _(
    "A summary to bring to a talk with a supervisor, a colleague or your EAP. "
    "Only what you tick goes in; you can edit the text before you use it."
)
#: True for every mode: Companion has no network code (tests/test_architecture.py).
NOTHING_SENT = _(
    "Companion sends nothing anywhere. This text goes only where you copy, save or print it."
)

PERIOD = _("Period")
PERIOD_NAME = _("Period of the summary")
THIS_WEEK = _("This week")
FOUR_WEEKS = _("The last four weeks")
CHOSEN_DAYS = _("Days I choose")
CHOSEN_CALLS = _("Calls I choose")
FROM = _("From")
FROM_NAME = _("First day of the summary")
# Translators: between the first and the last day of the summary's chosen days (two dates).
TO = pgettext("between two dates", "to")
TO_NAME = _("Last day of the summary")
CALLS_NAME = _("Calls to include; tick each one")
NO_CALLS = _("No hard calls tagged yet.")

INCLUDE = _("Include")
TICKS = (
    ("counts", _("Counts"), _("How many hard calls, breaks and callbacks")),
    ("reasons", _("Reasons"), _("The reason and intensity you gave each call")),
    ("times", _("Days and times"), _("When each call, break and callback happened")),
    ("breaks", _("Breaks and moods"), _("How each break went, and the moods you gave")),
    (
        "notes",
        _("My notes"),
        _("Your call notes, journal entries about those calls, callback notes"),
    ),
    ("case_refs", _("Case references"), _("These can identify a customer; left out unless ticked")),
)
CASE_REFS_NOTE = _(
    "Case references can identify a customer, so they stay out unless you tick them."
)
TEXT_NAME = _("Summary text; you can edit it")
# Translators: {key} names the undo key, in Qt's words ("Ctrl+Z").
EDITS_REPLACED = _("The text was written again for your new choice; {key} brings your edits back.")

COPY = _("Copy")
COPY_NAME = _("Copy the summary")
COPIED = _("Copied. Paste it wherever you like.")
SAVE = _("Save as file…")
SAVE_NAME = _("Save the summary as a file")
SAVE_TITLE = _("Save the summary as a plain text file (not encrypted)")
TEXT_FILTER = _("Plain text (*.txt)")
PRINT = _("Print…")
PRINT_NAME = _("Print the summary")
PRINTED = _("Sent to the printer.")
EXPORT = _("Export my records…")
EXPORT_NAME = _("Export calls, breaks and callbacks as CSV or JSON")
EXPORT_TITLE = _("Export your calls, breaks and callbacks to plain files (not encrypted)")
CSV_FILTER = _("CSV for spreadsheets, three files (*.csv)")
JSON_FILTER = _("JSON, one file for other programs (*.json)")
CLOSE = _("Close")
CLOSE_NAME = _("Close the debrief summary")

#: After the store's own sentence (what happened): what still works.
NOT_READ = _("{reason} The summary stays as it was.")
FULL = _("The disk is full, so the file could not be saved. Free up some space and try again.")
NOT_WRITABLE = _(
    "Companion can't write to {folder}. Choose a folder of your own, such as Documents."
)
OTHER = _("The file could not be saved in {folder} ({reason}). Nothing was left behind.")


def saved(path: Path) -> str:
    return _("Saved to {path}").format(path=path)


def default_name(day: str) -> str:
    """The file name offered: ``companion-debrief-2026-12-07.txt``."""
    return f"companion-debrief-{day}.txt"

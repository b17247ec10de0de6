"""What the journal says: its window, the entry editor, the dialogs, and how dates read.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. Day and month names are fixed English, like the rest of the interface,
so a row never mixes two languages (until the languages issue formats dates for the locale).
"""

from __future__ import annotations

from datetime import datetime

from companion.core.backups import Backup, BackupKind
from companion.core.calls import Reason
from companion.core.moods import Mood

FOOTER = "Stored only on this computer."

# The journal window.
TITLE = "Companion — Journal"
EMPTY_TEXT = "Nothing here yet. After a hard call, “Write about it” brings you here."
UNREADABLE_TEXT = "Your entries will show here again as soon as the journal can be read."
SEARCH = "Search your journal"
NEW_ENTRY = "New entry"
NEW_ENTRY_NAME = "New journal entry"
NEW_ENTRY_TIP = "New entry (Ctrl+N)"
MORE = "More"
MORE_NAME = "More journal actions"
RESTORE_ACTION = "Restore from backup…"
EXPORT_ACTION = "Export journal…"
DELETE_ALL_ACTION = "Delete all my data…"
LIST_NAME = "Journal entries"
OPEN_ELSEWHERE = "This entry is open for editing. Close it first, then delete it."
DELETE_TITLE = "Delete this entry?"
DELETE_QUESTION = "Delete this entry? It can't be brought back."
DELETE = "Delete"
KEEP = "Keep it"
AFTER_A_CALL = "  ·  After a call"

# The preview of the chosen entry.
NOTHING_CHOSEN = "Choose an entry on the left to read it here."
ENTRY_TEXT_NAME = "Entry text"
EDIT = "Edit"
EDIT_NAME = "Edit this entry"
EDIT_TIP = "Edit (Enter)"
DELETE_ENTRY = "Delete…"
DELETE_ENTRY_NAME = "Delete this entry"
DELETE_ENTRY_TIP = "Delete (Del)"
CALL_DETAILS = "Call details…"
CALL_DETAILS_NAME = "Details of the call this is about"

# Banners and the error box above the list.
TRY_AGAIN = "Try again"
TRY_AGAIN_NAME = "Try reading the journal again"
CONTINUE = "Continue"
CONTINUE_NAME = "Continue your unsaved writing"

# The entry editor.
EDITOR_TITLE = "Companion — Journal entry"
CALL_TITLE = "Write about that call"
#: True in every mode (encrypted or not, see docs/privacy.md): it never leaves this computer.
BODY_PLACEHOLDER = (
    "Write as much or as little as you like. It stays on this computer; Companion never sends "
    "it anywhere."
)
BODY_NAME = "Journal entry"
KEPT_TEXT = "Your writing is kept safe as you type."
TAGS_PLACEHOLDER = "tags, separated by commas"
TAGS_NAME = "Tags"
DISCARD = "Discard…"
DISCARD_NAME = "Discard this writing"
CLOSE = "Close"
CLOSE_NAME = "Close; your writing is kept as a draft"
SAVE = "Save"
SAVE_NAME = "Save entry"
SAVE_TIP = "Save (Ctrl+S)"
DISCARD_TITLE = "Discard this writing?"
DISCARD_QUESTION = "Throw away what you wrote here? This can't be undone."
ANOTHER_QUESTION = "Another question"
ANOTHER_QUESTION_NAME = "Show another question"
NOT_NOW = "Not now"
NOT_NOW_NAME = "Hide the question"
NEED_A_QUESTION = "Need a question to start?"
NEED_A_QUESTION_NAME = "Show a question to start from"
MOOD_QUESTION = "How do you feel? (optional)"

# Export.
#: Said before anything is written: the export is a plain file, readable by whoever gets it.
EXPORT_TITLE = "Export your journal to a plain file (not encrypted)"
MARKDOWN_FILTER = "Markdown, to read (*.md)"
JSON_LINES_FILTER = "JSON Lines, for other programs (*.jsonl)"

# Restore from backup.
RESTORE_TITLE = "Companion — Restore from backup"
RESTORE_INTRO = (
    "Companion keeps a copy of your journal each day, for a week. Restoring puts your "
    "journal back as it was in the copy you choose. Your journal as it is now is kept as a "
    "copy too, so you can change your mind."
)
NO_COPIES = "No copies yet. Companion makes one each day it runs."
COPIES_NAME = "Copies of your journal"
RESTORE = "Restore this copy"
CANCEL = "Cancel"
CANCEL_NAME = "Keep the journal as it is"

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def local(moment: datetime, now: datetime) -> datetime:
    """``moment`` in the same zone as the clock's ``now``, so stored UTC reads as local."""
    if moment.tzinfo is not None and now.tzinfo is not None:
        return moment.astimezone(now.tzinfo)
    return moment


def when_text(moment: datetime, now: datetime) -> str:
    """'Tue 24 Nov, 10:41'; the year only when it is not this year."""
    moment = local(moment, now)
    year = f" {moment.year}" if moment.year != now.year else ""
    day = _DAYS[moment.weekday()]
    return f"{day} {moment.day} {_MONTHS[moment.month - 1]}{year}, {moment:%H:%M}"


def time_text(moment: datetime, now: datetime) -> str:
    """'10:42' today, else the full date and time."""
    moment = local(moment, now)
    if moment.date() == now.date():
        return f"{moment:%H:%M}"
    return when_text(moment, now)


def call_text(tagged_at: datetime | None, reason: Reason | None, now: datetime) -> str:
    """'About the call tagged at 10:41 · Abusive'."""
    text = "About the call"
    if tagged_at is not None:
        text += f" tagged at {time_text(tagged_at, now)}"
    if reason is not None:
        text += f" · {reason.label}"
    return text


def tags_text(tags: tuple[str, ...]) -> str:
    return "  ".join(f"#{tag}" for tag in tags)


def mood_text(mood: Mood) -> str:
    """The face and its word, as an entry shows its mood."""
    return f"{mood.face} {mood.label}"


def mood_name(mood: Mood) -> str:
    """A mood button's accessible name in the editor."""
    return f"Mood: {mood.label}"


def call_reason_text(reason: Reason) -> str:
    """After the date of an entry about a call, in the list."""
    return f"  ·  Call: {reason.label}"


def edited_text(when: str) -> str:
    return f"  ·  edited {when}"


def no_match(query: str) -> str:
    return f"No entries match “{query}”."


def exported(summary: str) -> str:
    """What an export wrote (``summary`` from the export itself)."""
    return f"{summary}."


def drafts_text(when: str, count: int) -> str:
    """The drafts banner before its Continue button; ``when`` the newest draft's time."""
    more = f" (and {count - 1} more)" if count > 1 else ""
    return f"You have unsaved writing from {when}{more} —"


def callbacks_text(lines: list[str]) -> str:
    return "Callbacks waiting: " + " · ".join(lines)


def draft_kept(kept_at: str) -> str:
    return f"Draft kept at {kept_at}. Nothing is lost if you close."


def draft_not_kept(error: object) -> str:
    return f"Your writing is still here, but could not be kept as a draft: {error}"


def draft_unreadable(error: object) -> str:
    return f"An unsaved draft could not be read: {error}"


def draft_restored(when: str) -> str:
    return f"Restored your unsaved text from {when}."


def not_saved(error: object) -> str:
    return f"{error} Your writing is still here."


def describe_backup(backup: Backup, now: datetime) -> str:
    """“Tuesday 24 November, 10:05 · 12 entries”, for the list."""
    when = backup.taken_at.strftime("%A %d %B, %H:%M").replace(" 0", " ", 1)
    if backup.taken_at.date() == now.date():
        when = backup.taken_at.strftime("Today, %H:%M")
    if backup.kind is BackupKind.BEFORE_RESTORE:
        when = f"{when} (just before a restore)"
    if backup.entries is None:
        return f"{when} · can't be read"
    entries = "1 entry" if backup.entries == 1 else f"{backup.entries} entries"
    return f"{when} · {entries}"

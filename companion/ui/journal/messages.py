"""What the journal says: its window, the entry editor, the dialogs, and how dates read.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. Dates and times are written as the
agent's language and region write them (companion.core.formatting).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from companion.core import formatting
from companion.core.backups import Backup, BackupKind
from companion.core.calls import Reason
from companion.core.i18n import _, ngettext, pgettext
from companion.core.moods import Mood

FOOTER = _("Stored only on this computer.")

# The journal window.
TITLE = _("Companion — Journal")
EMPTY_TEXT = _("Nothing here yet. After a hard call, “Write about it” brings you here.")
UNREADABLE_TEXT = _("Your entries will show here again as soon as the journal can be read.")
SEARCH = _("Search your journal")
NEW_ENTRY = _("New entry")
NEW_ENTRY_NAME = _("New journal entry")
# Translators: {key} names the key that does it, in Qt's words ("Ctrl+N").
NEW_ENTRY_TIP = _("New entry ({key})")
MORE = _("More")
MORE_NAME = _("More journal actions")
RESTORE_ACTION = _("Restore from backup…")
EXPORT_ACTION = _("Export journal…")
DELETE_ALL_ACTION = _("Delete all my data…")
LIST_NAME = _("Journal entries")
OPEN_ELSEWHERE = _("This entry is open for editing. Close it first, then delete it.")
DELETE_TITLE = _("Delete this entry?")
DELETE_QUESTION = _("Delete this entry? It can't be brought back.")
DELETE = _("Delete")
# Translators: answers "Delete this entry?" with no: the journal entry stays.
KEEP = pgettext("keep the journal entry", "Keep it")
AFTER_A_CALL = _("After a call")

# The preview of the chosen entry.
NOTHING_CHOSEN = _("Choose an entry on the left to read it here.")
ENTRY_TEXT_NAME = _("Entry text")
EDIT = _("Edit")
EDIT_NAME = _("Edit this entry")
EDIT_TIP = _("Edit (Enter)")
DELETE_ENTRY = _("Delete…")
DELETE_ENTRY_NAME = _("Delete this entry")
# Translators: {key} names the key that does it, in Qt's words ("Del").
DELETE_ENTRY_TIP = _("Delete ({key})")
CALL_DETAILS = _("Call details…")
CALL_DETAILS_NAME = _("Details of the call this is about")

# Banners and the error box above the list.
TRY_AGAIN = _("Try again")
TRY_AGAIN_NAME = _("Try reading the journal again")
CONTINUE = _("Continue")
CONTINUE_NAME = _("Continue your unsaved writing")

# The entry editor.
EDITOR_TITLE = _("Companion — Journal entry")
CALL_TITLE = _("Write about that call")
#: True in every mode (encrypted or not, see docs/privacy.md): it never leaves this computer.
BODY_PLACEHOLDER = _(
    "Write as much or as little as you like. It stays on this computer; Companion never sends "
    "it anywhere."
)
BODY_NAME = _("Journal entry")
KEPT_TEXT = _("Your writing is kept safe as you type.")
TAGS_PLACEHOLDER = _("tags, separated by commas")
TAGS_NAME = _("Tags")
DISCARD = _("Discard…")
DISCARD_NAME = _("Discard this writing")
CLOSE = _("Close")
CLOSE_NAME = _("Close; your writing is kept as a draft")
SAVE = _("Save")
SAVE_NAME = _("Save entry")
# Translators: {key} names the key that does it, in Qt's words ("Ctrl+S").
SAVE_TIP = _("Save ({key})")
DISCARD_TITLE = _("Discard this writing?")
DISCARD_QUESTION = _("Throw away what you wrote here? This can't be undone.")
ANOTHER_QUESTION = _("Another question")
ANOTHER_QUESTION_NAME = _("Show another question")
NOT_NOW = _("Not now")
NOT_NOW_NAME = _("Hide the question")
NEED_A_QUESTION = _("Need a question to start?")
NEED_A_QUESTION_NAME = _("Show a question to start from")
MOOD_QUESTION = _("How do you feel? (optional)")

# Export.
#: Said before anything is written: the export is a plain file, readable by whoever gets it.
EXPORT_TITLE = _("Export your journal to a plain file (not encrypted)")
MARKDOWN_FILTER = _("Markdown, to read (*.md)")
JSON_LINES_FILTER = _("JSON Lines, for other programs (*.jsonl)")

# Restore from backup.
RESTORE_TITLE = _("Companion — Restore from backup")
RESTORE_INTRO = _(
    "Companion keeps a copy of your journal each day, for a week. Restoring puts your "
    "journal back as it was in the copy you choose. Your journal as it is now is kept as a "
    "copy too, so you can change your mind."
)
NO_COPIES = _("No copies yet. Companion makes one each day it runs.")
COPIES_NAME = _("Copies of your journal")
RESTORE = _("Restore this copy")
CANCEL = _("Cancel")
CANCEL_NAME = _("Keep the journal as it is")

#: Between the parts of an entry's line ("Today, 10:41 AM  ·  Call: Abusive").
PART_SEPARATOR = "  ·  "


def local(moment: datetime, now: datetime) -> datetime:
    """``moment`` in the same zone as the clock's ``now``, so stored UTC reads as local."""
    if moment.tzinfo is not None and now.tzinfo is not None:
        return moment.astimezone(now.tzinfo)
    return moment


def when_text(moment: datetime, now: datetime) -> str:
    """ "Today, 10:41 AM", "Yesterday, 9:05 PM", "Tuesday, November 24, 10:41 AM"."""
    moment = local(moment, now)
    time = formatting.time_of_day(moment)
    day = moment.date()
    if day == now.date():
        return _("Today, {time}").format(time=time)
    if day == now.date() - timedelta(days=1):
        return _("Yesterday, {time}").format(time=time)
    written = formatting.day_and_month(day) if day.year == now.year else formatting.full_date(day)
    # Translators: a day written out ("Tuesday, November 24"), then a time of day.
    return _("{day}, {time}").format(day=written, time=time)


def when_in_sentence(moment: datetime, now: datetime) -> str:
    """A moment inside a sentence ("…from today at 10:41 AM", "…from Tuesday, November 24 at
    10:41 AM"): never starts with a capital letter that only a sentence's start would have."""
    moment = local(moment, now)
    time = formatting.time_of_day(moment)
    day = moment.date()
    if day == now.date():
        # Translators: a moment inside a sentence, small letter ("edited today at 10:45 AM").
        return pgettext("inside a sentence", "today at {time}").format(time=time)
    if day == now.date() - timedelta(days=1):
        # Translators: a moment inside a sentence, small letter ("edited yesterday at 9:05 PM").
        return pgettext("inside a sentence", "yesterday at {time}").format(time=time)
    written = formatting.day_and_month(day) if day.year == now.year else formatting.full_date(day)
    # Translators: a moment inside a sentence: {day} written out ("Tuesday, November 24"), then
    # a time ("edited Tuesday, November 24 at 10:41 AM", "unsaved writing from Tuesday, …").
    return pgettext("inside a sentence", "{day} at {time}").format(day=written, time=time)


def time_text(moment: datetime, now: datetime) -> str:
    """ "10:42 AM" today, else the day and time."""
    moment = local(moment, now)
    if moment.date() == now.date():
        return formatting.time_of_day(moment)
    return when_text(moment, now)


def call_text(tagged_at: datetime | None, reason: Reason | None, now: datetime) -> str:
    """ "About the call tagged at 10:41 AM · Abusive"."""
    if tagged_at is None:
        if reason is None:
            return _("About the call")
        return _("About the call · {reason}").format(reason=reason.label)
    when = time_text(tagged_at, now)
    if reason is None:
        return _("About the call tagged at {time}").format(time=when)
    return _("About the call tagged at {time} · {reason}").format(time=when, reason=reason.label)


def tags_text(tags: tuple[str, ...]) -> str:
    return "  ".join(f"#{tag}" for tag in tags)


def mood_text(mood: Mood) -> str:
    """The face and its word, as an entry shows its mood."""
    return f"{mood.face} {mood.label}"


def mood_name(mood: Mood) -> str:
    """A mood button's accessible name in the editor."""
    return _("Mood: {mood}").format(mood=mood.label)


def call_reason_text(reason: Reason) -> str:
    """After the date of an entry about a call, in the list."""
    return _("Call: {reason}").format(reason=reason.label)


def edited_text(when: str) -> str:
    # Translators: after an entry's date, when it was changed later ("edited today at 10:45 AM");
    # {when} is a moment inside a sentence.
    return _("edited {when}").format(when=when)


def no_match(query: str) -> str:
    return _("No entries match “{query}”.").format(query=query)


def exported(summary: str) -> str:
    """What an export wrote (``summary`` from the export itself)."""
    return f"{summary}."


def drafts_text(when: str, count: int) -> str:
    """The drafts banner before its Continue button; ``when`` the newest draft's moment, as
    ``when_in_sentence`` says it."""
    if count > 1:
        return ngettext(
            "You have unsaved writing from {when} (and {count} more) —",
            "You have unsaved writing from {when} (and {count} more) —",
            count - 1,
        ).format(when=when, count=count - 1)
    return _("You have unsaved writing from {when} —").format(when=when)


def callbacks_text(lines: list[str]) -> str:
    return _("Callbacks waiting: {callbacks}").format(callbacks=" · ".join(lines))


def draft_kept(kept_at: str) -> str:
    return _("Draft kept at {time}. Nothing is lost if you close.").format(time=kept_at)


def draft_not_kept(error: object) -> str:
    return _("Your writing is still here, but could not be kept as a draft: {error}").format(
        error=error
    )


def draft_unreadable(error: object) -> str:
    return _("An unsaved draft could not be read: {error}").format(error=error)


def draft_restored(when: str) -> str:
    """``when``: the draft's moment, as ``when_in_sentence`` says it."""
    return _("Restored your unsaved text from {when}.").format(when=when)


def not_saved(error: object) -> str:
    return _("{error} Your writing is still here.").format(error=error)


def describe_backup(backup: Backup, now: datetime) -> str:
    """ "Tuesday, November 24, 10:05 AM · 12 entries", for the list."""
    taken = backup.taken_at
    time = formatting.time_of_day(taken)
    if taken.date() == now.date():
        when = _("Today, {time}").format(time=time)
    else:
        when = _("{day}, {time}").format(day=formatting.day_and_month(taken), time=time)
    if backup.kind is BackupKind.BEFORE_RESTORE:
        when = _("{when} (just before a restore)").format(when=when)
    if backup.entries is None:
        return _("{when} · can't be read").format(when=when)
    return ngettext("{when} · {count} entry", "{when} · {count} entries", backup.entries).format(
        when=when, count=backup.entries
    )

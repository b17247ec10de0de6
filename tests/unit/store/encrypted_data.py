"""Distinctive words written through every repository, and a scan of the data folder for them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from companion.core.calls import DifficultCall
from companion.core.journal import Draft, JournalEntry
from companion.core.journal_key import JournalKey
from companion.core.reminders import Callback
from companion.store.storage import Storage
from tests.fakes import T0

RAW_KEY = JournalKey.raw("c0ffee" * 10 + "beef")
OTHER_KEY = JournalKey.raw("0123456789abcdef" * 4)
#: A passphrase with a quote in it: the key's SQL text must double it.
PASSPHRASE = JournalKey.passphrase("it's my own long passphrase")
CASE_REF = "CASE-ZQX-4417"
ENTRY_TEXT = "marmalade umbrella on the ninth floor"
TAG = "tagzebraquill"
DRAFT_TEXT = "kumquat lantern draft words"
CALLBACK_TEXT = "oboe thimble callback"
#: The app lock's verifier (its shape, with a marker where scrypt's salt would be).
LOCK_VERIFIER = "scrypt$16384$8$1$quokkasaltmarker$digest"
MARKERS = (CASE_REF, ENTRY_TEXT, TAG, DRAFT_TEXT, CALLBACK_TEXT, LOCK_VERIFIER)
SQLITE_HEADER = b"SQLite format 3"


def fill(storage: Storage) -> None:
    """A tagged call with a case reference, an entry with a tag, a draft, a callback and the
    app lock's verifier."""
    call = storage.calls.add(DifficultCall(tagged_at=T0, case_ref=CASE_REF, note="angry caller"))
    storage.journal.save(
        JournalEntry(body=ENTRY_TEXT, created_at=T0, updated_at=T0, tags=(TAG,), call_id=call.id)
    )
    storage.drafts.save_draft(Draft(key="new", body=DRAFT_TEXT, saved_at=T0))
    storage.reminders.add_callback(
        Callback(
            due_at=T0 + timedelta(hours=1), text=CALLBACK_TEXT, created_at=T0, case_ref=CASE_REF
        )
    )
    storage.lock_verifier.set(LOCK_VERIFIER)


def readable(storage: Storage) -> list[str]:
    """The distinctive words, read back through the repositories."""
    [item] = storage.journal.search("marmalade")
    [callback] = storage.reminders.open_callbacks()
    draft = storage.drafts.load_draft("new")
    call = storage.calls.latest()
    assert draft is not None and call is not None and call.case_ref is not None
    verifier = storage.lock_verifier.get()
    return [call.case_ref, item.entry.body, *item.entry.tags, draft.body, callback.text, verifier]


def leaks(folder: Path, secrets: tuple[str, ...] = ()) -> list[str]:
    """Every file under ``folder`` that starts like a plain SQLite file or holds one of the
    markers (or ``secrets``) as bytes; empty when nothing is readable."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data.startswith(SQLITE_HEADER):
            found.append(f"{path.name}: plain header")
        for text in (*MARKERS, *secrets):
            if text.encode() in data or text.encode("utf-16-le") in data:
                found.append(f"{path.name}: {text!r}")
    return found


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

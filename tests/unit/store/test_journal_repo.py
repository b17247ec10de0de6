"""Journal entries: saved, edited, deleted, and listed newest first with their call."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta, timezone
from typing import Any

from companion.core.calls import DifficultCall, Reason
from companion.core.journal import JournalEntry
from companion.core.moods import Mood
from companion.store.calls_repo import SqliteCallRepository
from companion.store.connection import Connection
from companion.store.journal_repo import SqliteJournalRepository
from tests.fakes import T0

PARIS = timezone(timedelta(hours=1))


def an_entry(body: str = "A hard one.", minutes: int = 0, **fields: Any) -> JournalEntry:
    moment = T0 + timedelta(minutes=minutes)
    return replace(JournalEntry(body=body, created_at=moment, updated_at=moment), **fields)


def test_save_inserts_then_updates_the_same_entry(memory_db: Connection) -> None:
    journal = SqliteJournalRepository(memory_db)
    entry = journal.save(
        an_entry(tags=("angry", "café"), mood=Mood.LOW, prompt="What was in your control?")
    )

    edited = replace(entry, body="A hard one.\nBetter now.", updated_at=T0 + timedelta(hours=1))
    assert journal.save(edited) == edited

    assert entry.id == 1
    assert journal.get(1) == edited
    assert len(journal.recent()) == 1


def test_get_and_delete_of_a_missing_entry_are_quiet(memory_db: Connection) -> None:
    journal = SqliteJournalRepository(memory_db)
    journal.delete(5)
    assert journal.get(5) is None


def test_delete_removes_the_entry(memory_db: Connection) -> None:
    journal = SqliteJournalRepository(memory_db)
    keep, drop = journal.save(an_entry("keep")), journal.save(an_entry("drop"))

    journal.delete(drop.id or 0)

    assert [item.entry for item in journal.recent()] == [keep]


def test_saving_an_entry_deleted_meanwhile_keeps_the_words(memory_db: Connection) -> None:
    journal = SqliteJournalRepository(memory_db)
    entry = journal.save(an_entry("first draft"))
    journal.delete(entry.id or 0)

    journal.save(replace(entry, body="saved from the open editor"))

    stored = journal.get(entry.id or 0)
    assert stored is not None and stored.body == "saved from the open editor"


def test_recent_is_newest_first_by_instant_and_honours_the_limit(memory_db: Connection) -> None:
    journal = SqliteJournalRepository(memory_db)
    oldest = journal.save(an_entry("oldest", minutes=0))
    # 09:45 UTC written as 10:45 Paris time: older than "newest", though its text sorts later.
    paris = T0.astimezone(PARIS) + timedelta(minutes=5)
    middle = journal.save(an_entry("middle", created_at=paris, updated_at=paris))
    newest = journal.save(an_entry("newest", minutes=10))

    assert [item.entry for item in journal.recent()] == [newest, middle, oldest]
    assert [item.entry for item in journal.recent(limit=2)] == [newest, middle]


def test_an_entry_about_a_call_lists_the_calls_reason_and_time(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    call = calls.add(DifficultCall(tagged_at=T0, reason=Reason.DISTRESSING))
    journal = SqliteJournalRepository(memory_db)
    journal.save(an_entry("about the call", call_id=call.id))
    journal.save(an_entry("just a note"))

    about, note = sorted(journal.recent(), key=lambda item: item.entry.body)

    assert (about.call_reason, about.call_tagged_at) == (Reason.DISTRESSING, T0)
    assert (note.call_reason, note.call_tagged_at) == (None, None)


def test_an_entry_keeps_its_words_when_its_call_is_undone(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    call = calls.add(DifficultCall(tagged_at=T0, reason=Reason.ANGRY))
    journal = SqliteJournalRepository(memory_db)
    entry = journal.save(an_entry(call_id=call.id))

    calls.delete(call.id or 0)
    late = journal.save(an_entry("written after the undo", call_id=call.id))

    items = {item.entry.id: item for item in journal.recent()}
    assert items[entry.id].entry.call_id is None and items[entry.id].call_reason is None
    assert late.call_id is None


def test_tags_that_are_not_a_json_list_read_as_no_tags(memory_db: Connection) -> None:
    memory_db.execute(
        "INSERT INTO journal (created_at, updated_at, body, tags) VALUES (?, ?, 'x', 'oops')",
        [T0.isoformat(), T0.isoformat()],
    )

    entry = SqliteJournalRepository(memory_db).get(1)

    assert entry is not None and entry.tags == ()


def test_entries_about_calls_come_oldest_first_and_only_for_those_calls(
    memory_db: Connection,
) -> None:
    calls = SqliteCallRepository(memory_db)
    ids = [calls.add(DifficultCall(T0 + timedelta(minutes=n))).id for n in range(3)]
    journal = SqliteJournalRepository(memory_db)
    journal.save(an_entry("later", minutes=5, call_id=ids[0]))
    journal.save(an_entry("first", minutes=1, call_id=ids[0]))
    journal.save(an_entry("other call", minutes=2, call_id=ids[1]))
    journal.save(an_entry("no call", minutes=3))

    assert [e.body for e in journal.about_calls([i for i in ids[:1] if i])] == ["first", "later"]
    assert journal.about_calls([]) == []
    many = [n for n in range(-1200, 0)] + [i for i in ids if i is not None]
    assert len(journal.about_calls(many)) == 3

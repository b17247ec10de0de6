"""A journal file that was locked opens later; what the temporary journal held moves into it."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall
from companion.core.journal import Draft, JournalEntry
from companion.core.journal_key import JournalKey
from companion.core.ports import StorageUnavailable
from companion.core.reminders import Callback, ReminderKind, SentReminder
from companion.store import database, driver
from companion.store.storage import Storage, open_storage
from tests.fakes import T0
from tests.unit.store.encrypted_data import RAW_KEY

NOW = datetime(2026, 11, 24, 10, 0, 5).astimezone()


class Lock:
    """Another program holding the journal file's lock (rollback mode: readers wait too)."""

    def __init__(self, path: Path, key: JournalKey | None) -> None:
        self._conn = driver.connect(path, key)
        self._conn.isolation_level = None
        self._conn.execute("PRAGMA journal_mode = DELETE")
        self._conn.execute("BEGIN EXCLUSIVE")

    def release(self) -> None:
        self._conn.close()


@pytest.fixture(params=[None, RAW_KEY], ids=["plain", "encrypted"])
def key(request: pytest.FixtureRequest) -> JournalKey | None:
    return request.param  # type: ignore[no-any-return]


def count_calls(folder: Path, key: JournalKey | None) -> int:
    conn = driver.connect(folder / "journal.db", key)
    try:
        return int(conn.execute("SELECT count(*) FROM calls").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def file_with_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: JournalKey | None
) -> Path:
    """A journal file with rows of its own, so the temporary journal's ids are taken there."""
    monkeypatch.setattr(
        "companion.store.storage.open_database",
        functools.partial(database.open_database, busy_timeout_ms=50),
    )
    storage = open_storage(tmp_path, NOW, key=key)
    for n in range(3):
        call = storage.calls.add(DifficultCall(tagged_at=T0, case_ref=f"OLD-{n}"))
        storage.journal.save(
            JournalEntry(body=f"older entry {n}", created_at=T0, updated_at=T0, call_id=call.id)
        )
    storage.drafts.save_draft(Draft(key="new", body="words from last week", saved_at=T0))
    storage.close()
    return tmp_path


@pytest.fixture
def temporary(file_with_history: Path, key: JournalKey | None) -> Iterator[tuple[Storage, Lock]]:
    lock = Lock(file_with_history / "journal.db", key)
    storage = open_storage(file_with_history, NOW, key=key)
    assert storage.temporary
    yield storage, lock
    lock.release()
    storage.close()


def write_a_little_of_everything(storage: Storage) -> int:
    """A tagged call with its break, entry, drafts and callback; a reminder; a pause."""
    later = T0 + timedelta(hours=1)
    call = storage.calls.add(DifficultCall(tagged_at=later, case_ref="CS-4711"))
    assert call.id is not None
    storage.breaks.add(
        BreakRecord(later, "cyclic", 120, 120, BreakOutcome.COMPLETED, call_id=call.id)
    )
    entry = storage.journal.save(
        JournalEntry(body="the shouting customer", created_at=later, updated_at=later,
                     call_id=call.id)
    )  # fmt: skip
    storage.drafts.save_draft(Draft(key=f"call:{call.id}", body="about it", saved_at=later,
                                    call_id=call.id))  # fmt: skip
    storage.drafts.save_draft(Draft(key=f"entry:{entry.id}", body="the shouting customer, who",
                                    saved_at=later, entry_id=entry.id))  # fmt: skip
    storage.drafts.save_draft(Draft(key="new", body="and today's words", saved_at=later))
    storage.reminders.add_callback(
        Callback(due_at=later, text="", created_at=later, case_ref="CS-4711", call_id=call.id)
    )
    storage.reminders.record_sent(SentReminder(ReminderKind.NUDGE, later))
    storage.reminders.set_paused_until(later + timedelta(minutes=30))
    return call.id


def test_everything_written_meanwhile_moves_into_the_file_with_its_links(
    temporary: tuple[Storage, Lock],
) -> None:
    storage, lock = temporary
    write_a_little_of_everything(storage)
    lock.release()

    assert storage.reopen(NOW) == ()

    assert not storage.temporary
    call = storage.calls.latest()
    assert call is not None and call.case_ref == "CS-4711" and call.id == 4
    [found] = storage.journal.search("shouting")  # the search index has it too
    assert found.entry.call_id == call.id
    entry_id = found.entry.id
    assert storage.db.execute("SELECT call_id FROM breaks").fetchall() == [(call.id,)]
    [callback] = storage.reminders.open_callbacks()
    assert callback.call_id == call.id
    drafts = {draft.key: draft for draft in storage.drafts.all_drafts()}
    assert drafts[f"call:{call.id}"].call_id == call.id
    assert drafts[f"entry:{entry_id}"].entry_id == entry_id
    assert drafts["new"].body == "words from last week\n\nand today's words"
    history = storage.reminders.history(T0)
    assert history.paused_until == T0 + timedelta(hours=1, minutes=30)
    assert len(storage.journal.recent()) == 4


def test_after_moving_the_same_repositories_write_to_the_file(
    temporary: tuple[Storage, Lock], file_with_history: Path, key: JournalKey | None
) -> None:
    storage, lock = temporary
    calls = storage.calls
    lock.release()
    storage.reopen(NOW)

    calls.add(DifficultCall(tagged_at=T0, case_ref="AFTER"))
    storage.close()

    assert count_calls(file_with_history, key) == 4
    assert storage.backups.folder == file_with_history / "backups"


def test_while_it_is_still_locked_nothing_changes(temporary: tuple[Storage, Lock]) -> None:
    storage, _ = temporary
    call_id = write_a_little_of_everything(storage)

    with pytest.raises(StorageUnavailable):
        storage.reopen(NOW)

    assert storage.temporary
    assert storage.calls.get(call_id) is not None
    assert storage.backups.folder is None


def test_a_move_cut_short_leaves_the_file_as_it_was(
    temporary: tuple[Storage, Lock],
    file_with_history: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: JournalKey | None,
) -> None:
    storage, lock = temporary
    write_a_little_of_everything(storage)
    lock.release()

    def disk_full_at_drafts(*args: object) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr("companion.store.carry_over._copy_draft", disk_full_at_drafts)
    with pytest.raises(StorageUnavailable, match="disk is full"):
        storage.reopen(NOW)

    assert storage.temporary and storage.calls.latest() is not None
    assert count_calls(file_with_history, key) == 3

"""Failures of the environment become one plain message; our own bugs stay loud."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.core.calls import DifficultCall
from companion.core.ports import StorageUnavailable
from companion.store import database
from companion.store.calls_repo import SqliteCallRepository
from companion.store.connection import Connection
from companion.store.database import message_for, open_database, storage_errors
from tests.fakes import T0

JARGON = ("sqlite", "database disk image", "errno", "pragma", "OperationalError")


def assert_plain(message: str) -> None:
    assert message.endswith(".")
    assert not any(word.casefold() in message.casefold() for word in JARGON), message


def failure(kind: type[sqlite3.Error], code: int) -> sqlite3.Error:
    error = kind("low-level text")
    error.sqlite_errorcode = code
    return error


@pytest.fixture
def other_program(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the journal's write lock."""
    open_database(db_path).close()
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    conn.close()


def test_a_file_that_is_not_a_database_is_refused_plainly_and_left_alone(db_path: Path) -> None:
    db_path.parent.mkdir()
    garbage = b"this is not a journal\x00\xff" * 100
    db_path.write_bytes(garbage)

    with pytest.raises(StorageUnavailable) as caught:
        open_database(db_path)

    assert str(caught.value) == database.DAMAGED
    assert_plain(str(caught.value))
    assert db_path.read_bytes() == garbage


def test_a_folder_where_the_file_should_be_is_unreachable(db_path: Path) -> None:
    db_path.mkdir(parents=True)

    with pytest.raises(StorageUnavailable) as caught:
        open_database(db_path)

    assert str(caught.value) == database.UNREACHABLE


def test_a_file_where_the_folder_should_be_is_unreachable(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")

    with pytest.raises(StorageUnavailable):
        open_database(tmp_path / "data" / "journal.db")


def test_a_journal_locked_by_another_program_says_so_and_recovers(
    db_path: Path, other_program: sqlite3.Connection
) -> None:
    db = open_database(db_path, busy_timeout_ms=20)
    calls = SqliteCallRepository(db)

    with pytest.raises(StorageUnavailable) as caught:
        calls.add(DifficultCall(tagged_at=T0))

    assert str(caught.value) == database.BUSY
    assert not db.conn.in_transaction
    other_program.execute("ROLLBACK")
    assert calls.add(DifficultCall(tagged_at=T0)).id == 1
    db.close()


def test_a_full_disk_says_so(db: Connection) -> None:
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    calls = SqliteCallRepository(db)

    with pytest.raises(StorageUnavailable) as caught:
        for _ in range(500):
            calls.add(DifficultCall(tagged_at=T0, note="x" * 1000))

    assert str(caught.value) == database.FULL


@pytest.mark.parametrize(
    ("kind", "code", "expected"),
    [
        (sqlite3.OperationalError, sqlite3.SQLITE_BUSY, database.BUSY),
        (sqlite3.OperationalError, sqlite3.SQLITE_BUSY_SNAPSHOT, database.BUSY),
        (sqlite3.OperationalError, sqlite3.SQLITE_LOCKED, database.BUSY),
        (sqlite3.OperationalError, sqlite3.SQLITE_READONLY, database.READ_ONLY),
        (sqlite3.OperationalError, sqlite3.SQLITE_READONLY_DBMOVED, database.READ_ONLY),
        (sqlite3.OperationalError, sqlite3.SQLITE_FULL, database.FULL),
        (sqlite3.DatabaseError, sqlite3.SQLITE_CORRUPT, database.DAMAGED),
        (sqlite3.DatabaseError, sqlite3.SQLITE_NOTADB, database.DAMAGED),
        (sqlite3.OperationalError, sqlite3.SQLITE_CANTOPEN, database.UNREACHABLE),
        (sqlite3.OperationalError, sqlite3.SQLITE_IOERR_WRITE, database.UNREACHABLE),
    ],
)
def test_each_known_failure_has_plain_words(
    kind: type[sqlite3.Error], code: int, expected: str
) -> None:
    assert message_for(failure(kind, code)) == expected
    assert_plain(expected)
    with pytest.raises(StorageUnavailable, match="^" + expected[:20]), storage_errors():
        raise failure(kind, code)


def test_our_own_mistakes_are_not_disguised_as_storage_trouble(memory_db: Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError), storage_errors():
        memory_db.execute("INSERT INTO calls (tagged_at) VALUES (NULL)")
    with pytest.raises(sqlite3.OperationalError), storage_errors():
        memory_db.execute("SELECT no_such_column FROM calls")
    assert message_for(ValueError("not a database error")) is None


def test_updating_a_record_never_stored_is_a_bug(memory_db: Connection) -> None:
    with pytest.raises(ValueError):
        SqliteCallRepository(memory_db).update(DifficultCall(tagged_at=T0))

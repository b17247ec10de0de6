"""The journal's folder and files are private to the agent's account, side files included."""

from __future__ import annotations

import contextlib
import stat
import sys
from pathlib import Path

import pytest

from companion.core.calls import DifficultCall
from companion.core.ports import StorageUnavailable
from companion.store.calls_repo import SqliteCallRepository
from companion.store.connection import Connection
from companion.store.database import open_database
from tests.fakes import T0

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def test_a_new_journal_is_private_after_writes(db: Connection, db_path: Path) -> None:
    SqliteCallRepository(db).add(DifficultCall(tagged_at=T0))

    assert mode(db_path.parent) == 0o700
    assert mode(db_path) == 0o600
    assert mode(side(db_path, "-wal")) == 0o600
    assert mode(side(db_path, "-shm")) == 0o600


def test_a_too_open_journal_and_its_side_files_are_tightened(db_path: Path) -> None:
    open_database(db_path).close()
    db_path.chmod(0o644)
    for suffix in ("-wal", "-shm"):
        side(db_path, suffix).write_bytes(b"")
        side(db_path, suffix).chmod(0o666)

    db = open_database(db_path)
    SqliteCallRepository(db).add(DifficultCall(tagged_at=T0))

    assert mode(db_path) == 0o600
    assert mode(side(db_path, "-wal")) == 0o600
    assert mode(side(db_path, "-shm")) == 0o600
    db.close()


def test_tightening_never_makes_a_read_only_journal_writable(db_path: Path) -> None:
    open_database(db_path).close()
    db_path.chmod(0o444)

    # Unless running as root, SQLite may refuse to use it: only the mode matters here.
    with contextlib.suppress(StorageUnavailable):
        open_database(db_path).close()

    assert mode(db_path) == 0o400

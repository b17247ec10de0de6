"""A damaged or foreign journal is set aside and a fresh one started; locked and newer ones wait."""

from __future__ import annotations

import errno
import functools
import shutil
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest

from companion.core.calls import DifficultCall
from companion.core.journal import JournalEntry
from companion.store import database
from companion.store.migrations import NEWER_JOURNAL
from companion.store.storage import (
    SET_ASIDE_DAMAGED,
    SET_ASIDE_FOREIGN,
    TEMPORARY_JOURNAL,
    open_storage,
)
from tests.fakes import T0
from tests.unit.store.test_database_errors import assert_plain

NOW = datetime(2026, 11, 24, 10, 0, 5).astimezone()
STAMP = "20261124-100005"


def journal(data_dir: Path) -> Path:
    return data_dir / database.DATABASE_FILENAME


def a_real_journal(data_dir: Path, entries: int = 300) -> bytes:
    """A journal with some pages in it, checkpointed into one file; returns its bytes."""
    storage = open_storage(data_dir, NOW)
    for n in range(entries):
        storage.journal.save(JournalEntry(body=f"entry {n} " * 20, created_at=T0, updated_at=T0))
    storage.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    storage.close()
    return journal(data_dir).read_bytes()


TRIO = ("", "-wal", "-shm")


def left_by_a_crash(source: Path, data_dir: Path) -> None:
    """``source``'s file with its -wal and -shm as a kill leaves them: frames not yet copied
    into the main file (the connection is still open while they are copied)."""
    data_dir.mkdir(mode=0o700, exist_ok=True)
    for suffix in TRIO:
        shutil.copyfile(f"{source}{suffix}", journal(data_dir).with_name(f"journal.db{suffix}"))


def trio(path: Path) -> dict[str, bytes]:
    return {suffix: Path(f"{path}{suffix}").read_bytes() for suffix in TRIO}


def a_journal_with_a_live_wal(tmp_path: Path, data_dir: Path) -> None:
    """A journal of ours killed while running: checkpointed pages in the main file, and
    later ones only in its -wal."""
    source = tmp_path / "running"
    a_real_journal(source)
    storage = open_storage(source, NOW)
    storage.db.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(40):
        storage.journal.save(JournalEntry(body=f"later {n} " * 20, created_at=T0, updated_at=T0))
    left_by_a_crash(journal(source), data_dir)
    storage.close()


def assert_fresh_and_usable(storage_dir: Path) -> None:
    storage = open_storage(storage_dir, NOW)
    assert storage.warnings == ()
    storage.calls.add(DifficultCall(tagged_at=T0))
    storage.close()


def test_garbage_is_set_aside_byte_for_byte_and_a_fresh_journal_starts(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    garbage = b"\x00\xffnot a journal" * 500
    journal(tmp_path).write_bytes(garbage)

    storage = open_storage(tmp_path, NOW)
    call = storage.calls.add(DifficultCall(tagged_at=T0))

    aside = tmp_path / f"journal.damaged-{STAMP}.db"
    assert aside.read_bytes() == garbage
    assert storage.warnings == (SET_ASIDE_DAMAGED.format(name=aside.name),)
    assert_plain(storage.warnings[0])
    assert storage.calls.get(call.id or 0) == call
    assert stat.S_IMODE(journal(tmp_path).stat().st_mode) == 0o600
    storage.close()
    assert_fresh_and_usable(tmp_path)


@pytest.mark.parametrize("keep", [0.5, 0.1, 4096 * 3 + 100, 50])
def test_a_truncated_journal_is_set_aside(tmp_path: Path, keep: float) -> None:
    whole = a_real_journal(tmp_path)
    cut = whole[: int(len(whole) * keep) if keep < 1 else int(keep)]
    journal(tmp_path).write_bytes(cut)

    storage = open_storage(tmp_path, NOW)

    assert storage.warnings[0].startswith("Your journal file was damaged")
    assert (tmp_path / f"journal.damaged-{STAMP}.db").read_bytes() == cut
    assert storage.journal.recent() == []
    storage.close()


def test_a_truncated_journal_with_a_live_wal_is_set_aside_byte_for_byte(tmp_path: Path) -> None:
    """Judged without a write: opening it read-write would let SQLite copy the -wal into the
    damaged file and delete the -wal on closing, so what was set aside was no longer it."""
    data_dir = tmp_path / "data"
    a_journal_with_a_live_wal(tmp_path, data_dir)
    whole = journal(data_dir).read_bytes()
    journal(data_dir).write_bytes(whole[: len(whole) // 2])
    before = trio(journal(data_dir))

    storage = open_storage(data_dir, NOW)

    assert storage.warnings[0].startswith("Your journal file was damaged")
    assert trio(data_dir / f"journal.damaged-{STAMP}.db") == before
    assert storage.journal.recent() == []
    storage.close()
    assert not list(data_dir.glob(".journal-check-*"))


def test_our_own_journal_with_a_live_wal_opens_with_every_entry(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    a_journal_with_a_live_wal(tmp_path, data_dir)

    storage = open_storage(data_dir, NOW)

    assert storage.warnings == ()
    assert len(storage.journal.recent(limit=1000)) == 340
    storage.close()
    assert not list(data_dir.glob("journal.*-*.db"))
    assert not list(data_dir.glob(".journal-check-*"))


def test_the_checks_copy_is_as_private_as_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_journal_with_a_live_wal(tmp_path, tmp_path / "data")
    modes: list[int] = []

    def look_at_the_copy(db: object) -> None:
        [scratch] = (tmp_path / "data").glob(".journal-check-*")
        modes.extend(stat.S_IMODE(p.stat().st_mode) for p in [scratch, *scratch.iterdir()])

    monkeypatch.setattr(database, "_refuse_foreign", look_at_the_copy)
    open_storage(tmp_path / "data", NOW).close()

    assert modes[0] == 0o700 and set(modes[1:]) == {0o600}


def test_a_copy_left_by_a_check_cut_short_is_removed_at_the_next_start(tmp_path: Path) -> None:
    a_real_journal(tmp_path)
    stale = tmp_path / ".journal-check-k1ll3d"
    stale.mkdir()
    (stale / "journal.db").write_bytes(journal(tmp_path).read_bytes())

    open_storage(tmp_path, NOW).close()

    assert not stale.exists()


def test_the_wal_of_a_damaged_journal_moves_with_it(tmp_path: Path) -> None:
    journal(tmp_path).write_bytes(b"garbage" * 1000)
    wal = tmp_path / "journal.db-wal"
    wal.write_bytes(b"wal bytes")

    open_storage(tmp_path, NOW).close()

    assert (tmp_path / f"journal.damaged-{STAMP}.db-wal").read_bytes() == b"wal bytes"


def test_two_damaged_journals_in_one_second_keep_both(tmp_path: Path) -> None:
    for content in (b"first garbage" * 100, b"second garbage" * 100):
        journal(tmp_path).unlink(missing_ok=True)
        journal(tmp_path).write_bytes(content)
        # A fresh journal written after the first recovery is damaged again.
        open_storage(tmp_path, NOW).close()
        journal(tmp_path).write_bytes(content)
        open_storage(tmp_path, NOW).close()
    asides = sorted(p.name for p in tmp_path.glob("journal.damaged-*.db"))
    assert len(asides) == 4


def test_another_programs_database_is_moved_aside_unchanged(tmp_path: Path) -> None:
    with sqlite3.connect(journal(tmp_path)) as other:
        other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        other.execute("INSERT INTO invoices (total) VALUES (12.5)")
    other.close()
    before = journal(tmp_path).read_bytes()

    storage = open_storage(tmp_path, NOW)

    aside = tmp_path / f"journal.not-companion-{STAMP}.db"
    assert aside.read_bytes() == before
    assert storage.warnings == (SET_ASIDE_FOREIGN.format(name=aside.name),)
    assert_plain(storage.warnings[0])
    storage.calls.add(DifficultCall(tagged_at=T0))
    storage.close()


def test_another_programs_database_with_a_live_wal_is_moved_aside_unchanged(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    other_file = tmp_path / "other" / "inventory.db"
    other_file.parent.mkdir()
    other = sqlite3.connect(other_file, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(200):
        other.execute("INSERT INTO invoices (total) VALUES (?)", [n * 1.5])
    left_by_a_crash(other_file, data_dir)
    other.close()
    before = trio(journal(data_dir))

    storage = open_storage(data_dir, NOW)

    aside = data_dir / f"journal.not-companion-{STAMP}.db"
    assert storage.warnings == (SET_ASIDE_FOREIGN.format(name=aside.name),)
    assert trio(aside) == before
    with sqlite3.connect(f"file:{aside}?mode=ro", uri=True) as recovered:  # nothing lost
        assert recovered.execute("SELECT count(*) FROM invoices").fetchone() == (200,)
    recovered.close()
    storage.close()


def test_a_newer_journal_with_a_live_wal_is_left_untouched(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    a_journal_with_a_live_wal(tmp_path, data_dir)
    conn = sqlite3.connect(journal(data_dir), isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('companion', 'm999_later', '')"
    )
    left_by_a_crash(journal(data_dir), tmp_path / "newer")
    conn.close()
    before = trio(journal(tmp_path / "newer"))

    storage = open_storage(tmp_path / "newer", NOW)

    assert storage.warnings == (f"{NEWER_JOURNAL} {TEMPORARY_JOURNAL}",)
    assert trio(journal(tmp_path / "newer")) == before
    storage.close()


def test_an_empty_file_is_simply_a_new_journal(tmp_path: Path) -> None:
    journal(tmp_path).write_bytes(b"")

    assert_fresh_and_usable(tmp_path)
    assert not list(tmp_path.glob("journal.*-*.db"))


def test_a_newer_journal_is_left_untouched_and_a_temporary_one_used(tmp_path: Path) -> None:
    open_storage(tmp_path, NOW).close()
    with sqlite3.connect(journal(tmp_path)) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('companion', 'm999_later', '')"
        )
    conn.close()
    before = journal(tmp_path).read_bytes()

    storage = open_storage(tmp_path, NOW)
    storage.calls.add(DifficultCall(tagged_at=T0))

    assert storage.warnings == (f"{NEWER_JOURNAL} {TEMPORARY_JOURNAL}",)
    assert journal(tmp_path).read_bytes() == before
    assert not list(tmp_path.glob("journal.*-*.db"))
    storage.close()


def test_a_journal_locked_by_another_program_waits_in_a_temporary_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_storage(tmp_path, NOW).close()
    quick = functools.partial(database.open_database, busy_timeout_ms=50)
    monkeypatch.setattr("companion.store.storage.open_database", quick)
    other = sqlite3.connect(journal(tmp_path), isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")  # rollback mode: its lock blocks readers
    other.execute("BEGIN EXCLUSIVE")
    try:
        storage = open_storage(tmp_path, NOW)
        storage.calls.add(DifficultCall(tagged_at=T0))
        assert storage.warnings == (f"{database.BUSY} {TEMPORARY_JOURNAL}",)
        assert not list(tmp_path.glob("journal.*-*.db"))
        storage.close()
    finally:
        other.close()


def test_a_missing_data_folder_is_created_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "not" / "there" / "yet"

    storage = open_storage(data_dir, NOW)

    assert storage.warnings == ()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    storage.close()


def test_a_read_only_data_folder_gives_a_temporary_journal_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated: the suite may run as root, for whom chmod 0500 is no barrier."""

    def read_only(path: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(database, "_create_private_file", read_only)

    storage = open_storage(tmp_path, NOW)
    storage.calls.add(DifficultCall(tagged_at=T0))

    assert storage.warnings == (f"{database.READ_ONLY} {TEMPORARY_JOURNAL}",)
    assert_plain(storage.warnings[0])
    storage.close()


def test_a_journal_written_to_during_its_check_is_in_use_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_journal_with_a_live_wal(tmp_path, tmp_path / "data")
    wal = tmp_path / "data" / "journal.db-wal"

    def another_program_writes(db: object) -> None:
        with wal.open("ab") as handle:  # meanwhile, on the real file: a write under way
            handle.write(b"\0" * 100)
        raise database.DamagedJournal(database.DAMAGED)  # its half-copied image looked bad

    monkeypatch.setattr(database, "_refuse_damaged", another_program_writes)

    storage = open_storage(tmp_path / "data", NOW)

    assert storage.warnings == (f"{database.BUSY} {TEMPORARY_JOURNAL}",)
    assert not list((tmp_path / "data").glob("journal.*-*.db"))
    storage.close()


def test_no_room_for_the_checks_copy_waits_in_a_temporary_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_journal_with_a_live_wal(tmp_path, tmp_path / "data")
    before = trio(journal(tmp_path / "data"))

    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("companion.store.inspection.shutil.copyfileobj", disk_full)

    storage = open_storage(tmp_path / "data", NOW)

    assert storage.warnings == (f"{database.FULL} {TEMPORARY_JOURNAL}",)
    assert trio(journal(tmp_path / "data")) == before
    assert not list((tmp_path / "data").glob(".journal-check-*"))
    storage.close()

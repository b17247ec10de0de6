"""Daily copies through SQLite's online backup: one a day, a week kept, private, restorable."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from companion.core.backups import Backup, BackupKind, is_due, next_backup_at, to_prune
from companion.core.journal import JournalEntry
from companion.core.journal_key import JournalKey
from companion.core.ports import StorageUnavailable
from companion.store import driver
from companion.store.backups import NO_JOURNAL_FILE, UNREADABLE_COPY
from companion.store.database import open_memory_database
from companion.store.storage import Storage, open_storage, storage_over
from tests.fakes import T0

NOW = datetime(2026, 11, 24, 10, 0).astimezone()


def write(storage: Storage, body: str) -> None:
    storage.journal.save(JournalEntry(body=body, created_at=T0, updated_at=T0))


def bodies(storage: Storage) -> list[str]:
    return sorted(item.entry.body for item in storage.journal.recent())


@pytest.fixture(params=[None, JournalKey.raw("5a" * 32)], ids=["plain", "encrypted"])
def storage(tmp_path: Path, request: pytest.FixtureRequest) -> Storage:
    opened = open_storage(tmp_path / "data", NOW, key=request.param)
    yield opened  # type: ignore[misc]
    opened.close()


def test_one_copy_a_day_private_and_self_contained(storage: Storage, tmp_path: Path) -> None:
    write(storage, "before the copy")
    made = storage.backups.make_daily(NOW)
    assert made is not None and made.entries == 1 and made.kind is BackupKind.DAILY
    assert storage.backups.make_daily(NOW + timedelta(hours=5)) is None

    folder = tmp_path / "data" / "backups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [made.name]  # no -wal or -shm beside it
    assert stat.S_IMODE((folder / made.name).stat().st_mode) == 0o600
    copy = driver.connect(folder / made.name, storage.key)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()
    assert driver.is_plain(folder / made.name) is (storage.key is None)


def test_only_the_last_seven_days_are_kept(storage: Storage) -> None:
    for day in range(10):
        storage.backups.make_daily(NOW + timedelta(days=day))

    kept = storage.backups.list_backups()
    assert len(kept) == 7
    assert kept[0].taken_at.date() == (NOW + timedelta(days=9)).date()
    assert kept[-1].taken_at.date() == (NOW + timedelta(days=3)).date()


def test_a_copy_cut_short_by_a_kill_is_cleaned_up(storage: Storage, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "backups"
    folder.mkdir()
    (folder / "journal-daily-20261123-100000.db.partial").write_bytes(b"half")

    storage.backups.make_daily(NOW)

    assert not list(folder.glob("*.partial"))


def test_restore_brings_back_the_copy_and_keeps_the_present_as_a_copy(storage: Storage) -> None:
    write(storage, "kept in the copy")
    made = storage.backups.make_daily(NOW)
    assert made is not None
    write(storage, "written after the copy")

    storage.backups.restore(made, NOW + timedelta(minutes=1))

    assert bodies(storage) == ["kept in the copy"]
    assert [i.entry.body for i in storage.journal.search("kept")] == ["kept in the copy"]
    assert storage.db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    before = [b for b in storage.backups.list_backups() if b.kind is BackupKind.BEFORE_RESTORE]
    assert [b.entries for b in before] == [2]

    storage.backups.restore(before[0], NOW + timedelta(minutes=2))
    assert bodies(storage) == ["kept in the copy", "written after the copy"]


def test_a_damaged_copy_is_refused_and_the_journal_left_alone(
    storage: Storage, tmp_path: Path
) -> None:
    write(storage, "today")
    made = storage.backups.make_daily(NOW)
    assert made is not None
    copy = tmp_path / "data" / "backups" / made.name
    copy.write_bytes(copy.read_bytes()[:5000])

    with pytest.raises(StorageUnavailable, match=UNREADABLE_COPY[:30]):
        storage.backups.restore(made, NOW)
    assert bodies(storage) == ["today"]


def test_a_temporary_journal_has_no_copies_to_make_or_restore() -> None:
    temporary = storage_over(open_memory_database())
    assert temporary.backups.make_daily(NOW) is None
    assert temporary.backups.list_backups() == []
    fake = Backup("journal-daily-20261124-100000.db", BackupKind.DAILY, NOW, 0)
    with pytest.raises(StorageUnavailable, match=NO_JOURNAL_FILE[:30]):
        temporary.backups.restore(fake, NOW)
    temporary.close()


def test_due_prune_and_next_time_are_plain_functions() -> None:
    def daily(days_ago: int) -> Backup:
        taken = NOW - timedelta(days=days_ago)
        return Backup(f"d{days_ago}", BackupKind.DAILY, taken, 1)

    week = [daily(n) for n in range(1, 10)]
    assert is_due(week, NOW.date())
    assert not is_due([*week, daily(0)], NOW.date())
    assert {b.name for b in to_prune(week)} == {"d8", "d9"}
    assert next_backup_at(NOW) == datetime(2026, 11, 25, 0, 5, tzinfo=NOW.tzinfo)


def test_a_copy_is_listed_with_the_moment_in_its_name(tmp_path: Path) -> None:
    storage = open_storage(tmp_path)
    moment = datetime(2026, 12, 31, 23, 59, 58).astimezone()
    made = storage.backups.make_daily(moment)
    assert made is not None

    [listed] = storage.backups.list_backups()

    assert made.name == "journal-daily-20261231-235958.db"
    assert listed.taken_at == moment
    assert listed.taken_at == datetime.strptime("20261231-235958", "%Y%m%d-%H%M%S").astimezone()
    storage.close()

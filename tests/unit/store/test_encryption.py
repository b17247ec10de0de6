"""The journal, its drafts, calls, reminders and daily copies encrypted at rest with SQLCipher:
nothing readable in the data folder, a plain journal encrypted with nothing lost, and a key that
does not fit leaving the file exactly as it was."""

from __future__ import annotations

import errno
import logging
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from companion.core.journal import JournalEntry
from companion.core.journal_export import ExportFormat
from companion.core.journal_key import JournalKey
from companion.store import driver
from companion.store.database import FULL, open_database
from companion.store.encrypting import PLAIN_JOURNAL
from companion.store.export import export_from_folder
from companion.store.locked import KeyNeeded, WrongKey, set_locked_journal_aside
from companion.store.storage import Storage, open_storage, temporary_storage
from tests.unit.store.encrypted_data import (
    ENTRY_TEXT,
    MARKERS,
    OTHER_KEY,
    PASSPHRASE,
    RAW_KEY,
    fill,
    leaks,
    readable,
    snapshot,
)

NOW = datetime(2026, 12, 7, 9, 30).astimezone()
SECRETS = (RAW_KEY.secret, RAW_KEY.secret.upper(), PASSPHRASE.secret)


def written(data: Path, key: JournalKey | None) -> Storage:
    storage = open_storage(data, NOW, key=key)
    fill(storage)
    assert storage.backups.make_daily(NOW) is not None
    return storage


def assert_opens(data: Path, key: JournalKey | None) -> None:
    again = open_storage(data, NOW, key=key)
    assert readable(again) == list(MARKERS)
    again.close()


def no_secret_in(folder: Path) -> None:
    raw = bytes.fromhex(RAW_KEY.secret)
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert raw not in data, path.name
            for secret in SECRETS:
                assert secret.encode() not in data, path.name


@pytest.mark.parametrize("key", [RAW_KEY, PASSPHRASE], ids=["raw", "passphrase"])
def test_nothing_in_the_data_folder_is_readable_without_the_key(
    tmp_path: Path, key: JournalKey, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    data = tmp_path / "data"
    storage = written(data, key)
    assert storage.warnings == ()
    assert leaks(data, SECRETS) == []  # open, with its -wal and -shm
    storage.close()
    assert leaks(data, SECRETS) == []
    no_secret_in(data)

    again = open_storage(data, NOW, key=key)
    assert readable(again) == list(MARKERS)
    [copy] = again.backups.list_backups()
    assert copy.entries == 1
    again.close()
    for secret in SECRETS:
        assert secret not in caplog.text


def test_a_plain_journal_without_a_key_stays_plain(tmp_path: Path) -> None:
    data = tmp_path / "data"
    written(data, None).close()
    assert driver.is_plain(data / "journal.db")
    assert len(leaks(data)) >= len(MARKERS)  # the scan finds what is there to find
    assert_opens(data, None)


def test_a_plain_journal_and_its_copies_are_encrypted_with_nothing_lost(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plain = written(data, None)
    assert plain.backups.make_daily(NOW + timedelta(days=1)) is not None
    plain.close()

    storage = open_storage(data, NOW + timedelta(days=2), key=RAW_KEY)

    assert readable(storage) == list(MARKERS)
    assert sorted(p.name for p in data.iterdir()) == [
        "backups",
        "journal.db",
        "journal.db-shm",
        "journal.db-wal",
    ]
    copies = storage.backups.list_backups()
    assert [c.entries for c in copies] == [1, 1]
    assert leaks(data) == []
    storage.journal.save(JournalEntry(body="after the copy", created_at=NOW, updated_at=NOW))
    storage.backups.restore(copies[0], NOW + timedelta(days=2, minutes=1))
    assert [i.entry.body for i in storage.journal.recent()] == [ENTRY_TEXT]
    storage.close()
    assert leaks(data) == []


def test_a_key_that_does_not_fit_leaves_the_journal_as_it_was(tmp_path: Path) -> None:
    data = tmp_path / "data"
    written(data, RAW_KEY).close()
    before = snapshot(data)

    with pytest.raises(WrongKey) as wrong:
        open_storage(data, NOW, key=OTHER_KEY)
    with pytest.raises(WrongKey) as mistyped:
        open_storage(data, NOW, key=JournalKey.passphrase("not the passphrase"))
    with pytest.raises(KeyNeeded) as missing:
        open_storage(data, NOW)

    assert snapshot(data) == before  # nothing set aside, nothing new, not a byte changed
    assert (wrong.value.kind, mistyped.value.kind, missing.value.kind) == (
        "wrong-key",
        "wrong-key",
        "key-needed",
    )
    assert str(wrong.value).startswith("The key Companion has does not open your journal")
    assert str(mistyped.value).startswith("This passphrase does not open your journal.")
    assert str(missing.value).startswith("Your journal is encrypted, and Companion has no key")
    for error in (wrong.value, mistyped.value, missing.value):
        assert error.path == data / "journal.db"
        assert f"kept as it is at {data / 'journal.db'}" in str(error)
        assert OTHER_KEY.secret not in str(error) + repr(error)
        assert RAW_KEY.secret not in str(error) + repr(error)
    assert_opens(data, RAW_KEY)


def test_a_passphrase_opens_through_sqlcipher_key_derivation(tmp_path: Path) -> None:
    data = tmp_path / "data"
    written(data, PASSPHRASE).close()
    with pytest.raises(WrongKey):
        # The same text given as a raw key is another key.
        open_storage(data, NOW, key=JournalKey.raw(bytes(32).hex()))
    assert_opens(data, PASSPHRASE)


def test_a_lost_key_can_start_a_new_journal_keeping_the_old_one_aside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    written(data, RAW_KEY).close()
    locked = (data / "journal.db").read_bytes()

    copies = snapshot(data / "backups")
    assert copies  # a daily copy, made with the old key

    aside = set_locked_journal_aside(data / "journal.db", NOW, data / "backups")
    fresh = open_storage(data, NOW, key=OTHER_KEY)

    assert aside.name == "journal.locked-20261207-093000.db"
    assert aside.read_bytes() == locked
    assert snapshot(data / "backups.locked-20261207-093000") == copies  # never pruned
    assert fresh.journal.recent() == [] and fresh.backups.list_backups() == []
    fresh.close()


def test_export_reads_the_encrypted_journal_and_writes_the_plain_file_chosen(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    storage = written(data, RAW_KEY)
    inside = storage.journal.export(tmp_path / "inside.md", ExportFormat.MARKDOWN, NOW)
    storage.close()
    database = data / "journal.db"

    result = export_from_folder(database, tmp_path / "out.md", ExportFormat.MARKDOWN, NOW, RAW_KEY)

    assert result.entries == inside.entries == 1
    assert ENTRY_TEXT in (tmp_path / "out.md").read_text()
    with pytest.raises(KeyNeeded):
        export_from_folder(database, tmp_path / "no.md", ExportFormat.MARKDOWN, NOW)
    with pytest.raises(WrongKey):
        export_from_folder(database, tmp_path / "no.md", ExportFormat.MARKDOWN, NOW, OTHER_KEY)
    assert not (tmp_path / "no.md").exists()


def test_the_temporary_journal_moves_into_the_encrypted_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    temporary = temporary_storage(data, RAW_KEY, "Busy.")
    fill(temporary)

    assert temporary.reopen(NOW) == ()

    assert not driver.is_plain(data / "journal.db")
    assert readable(temporary) == list(MARKERS)
    temporary.close()
    assert leaks(data) == []


def test_a_damaged_plain_journal_is_set_aside_and_a_new_encrypted_one_started(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    written(data, None).close()
    journal = data / "journal.db"
    journal.write_bytes(journal.read_bytes()[:6000])

    storage = open_storage(data, NOW, key=RAW_KEY)

    assert "damaged" in storage.warnings[0]
    assert (data / "journal.damaged-20261207-093000.db").exists()
    assert not driver.is_plain(journal)
    storage.close()


@pytest.mark.parametrize("state", ["renamed", "half-copied", "copy-in-place", "backup-half"])
def test_an_encryption_cut_short_is_finished_at_the_next_start(tmp_path: Path, state: str) -> None:
    data = tmp_path / "data"
    written(data, None).close()
    backups = data / "backups"
    [copy] = list(backups.iterdir())
    (data / "journal.db").rename(data / PLAIN_JOURNAL)
    if state == "half-copied":
        (data / "journal.db.encrypting").write_bytes(b"\x07" * 5000)
    if state == "copy-in-place":
        open_database(data / "journal.db", RAW_KEY).close()  # an encrypted journal (empty)
    if state == "backup-half":
        (data / PLAIN_JOURNAL).rename(data / "journal.db")
        copy.rename(copy.with_name(copy.name + ".plain"))
        copy.with_name(copy.name + ".partial").write_bytes(b"\x07" * 4096)

    storage = open_storage(data, NOW, key=RAW_KEY)

    expected = [] if state == "copy-in-place" else list(MARKERS)
    assert (readable(storage) if expected else storage.journal.recent()) == expected
    assert [p.name for p in backups.iterdir()] == [copy.name]
    assert not (data / PLAIN_JOURNAL).exists()
    storage.close()
    assert leaks(data) == []


def test_without_a_key_a_renamed_plain_journal_gets_its_name_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    written(data, None).close()
    (data / "journal.db").rename(data / PLAIN_JOURNAL)
    (data / "journal.db.encrypting").write_bytes(b"\x07" * 4096)

    storage = open_storage(data, NOW)

    assert readable(storage) == list(MARKERS)
    assert not (data / "journal.db.encrypting").exists()
    storage.close()


def test_the_key_text_given_to_sqlcipher() -> None:
    assert driver.key_literal(JournalKey.passphrase("it's 'quoted'")) == "'it''s ''quoted'''"
    assert driver.key_literal(JournalKey.raw("ab" * 32)) == "\"x'" + "ab" * 32 + "'\""
    with pytest.raises(ValueError, match="hex digits") as error:
        driver.key_literal(JournalKey("zz' ; --", derived=False))
    assert "zz" not in str(error.value)


IDLE_DRIVERS = """
import sys
from pathlib import Path
from companion.core.journal_key import JournalKey
from companion.store.storage import open_storage
key = JournalKey.raw(sys.argv[2]) if len(sys.argv) > 2 else None
storage = open_storage(Path(sys.argv[1]), key=key)
storage.journal.search("marmalade")
print(sorted(name for name in ("sqlite3", "sqlcipher3", "sqlite_utils") if name in sys.modules))
"""


@pytest.mark.parametrize("key", [None, RAW_KEY], ids=["plain", "encrypted"])
def test_only_one_driver_is_loaded_once_the_journal_exists(
    tmp_path: Path, key: JournalKey | None
) -> None:
    written(tmp_path, key).close()
    argv = [sys.executable, "-c", IDLE_DRIVERS, str(tmp_path)]
    if key is not None:
        argv.append(key.secret)  # a test's key; the app never puts one in argv
    loaded = subprocess.run(argv, capture_output=True, text=True, check=True).stdout.split("\n")[0]
    assert loaded == ("['sqlite3']" if key is None else "['sqlcipher3']")


@pytest.mark.parametrize("damage", ["truncated", "scribbled on"])
def test_a_damaged_encrypted_journal_is_set_aside_as_before(tmp_path: Path, damage: str) -> None:
    data = tmp_path / "data"
    written(data, RAW_KEY).close()
    journal = data / "journal.db"
    pages = bytearray(journal.read_bytes())
    if damage == "truncated":
        pages = pages[:6000]
    else:
        pages[3 * 4096 + 100 : 3 * 4096 + 200] = bytes(100)  # a page past the first
    journal.write_bytes(bytes(pages))

    storage = open_storage(data, NOW, key=RAW_KEY)

    assert "damaged" in storage.warnings[0]
    assert (data / "journal.damaged-20261207-093000.db").read_bytes() == bytes(pages)
    assert storage.journal.recent() == []
    storage.close()


def test_a_full_disk_while_encrypting_keeps_a_temporary_journal_and_the_plain_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    written(data, None).close()

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr("companion.store.encrypting._copy_encrypted", full)
        storage = open_storage(data, NOW, key=RAW_KEY)
    assert storage.temporary
    assert storage.warnings[0].startswith(FULL)
    storage.close()

    assert driver.is_plain(data / PLAIN_JOURNAL)  # renamed, whole, and found again next time
    assert_opens(data, RAW_KEY)


def test_each_copy_is_counted_once_a_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a passphrase each count is a key derivation: listing again must not repeat it."""
    from companion.store import backups

    storage = written(tmp_path / "data", PASSPHRASE)
    counts: list[Path] = []
    real = backups._count_entries
    monkeypatch.setattr(
        backups, "_count_entries", lambda path, key: counts.append(path) or real(path, key)
    )
    storage.backups.make_daily(NOW + timedelta(days=1))
    listed = storage.backups.list_backups()
    storage.close()

    assert [copy.entries for copy in listed] == [1, 1]
    assert len(counts) == 1  # the new copy; the first was counted when it was made

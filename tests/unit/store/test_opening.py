"""Opening the journal with what the unlock found: encrypted with a key, plain by choice, a
temporary journal while an encrypted one waits, and never a crash for a key that doesn't fit."""

from __future__ import annotations

from pathlib import Path

from companion.core.journal_key import Encryption, Protection, Unlocked
from companion.store.opening import journal_is_encrypted, key_opens, open_unlocked
from companion.store.storage import open_storage
from tests.unit.store.encrypted_data import MARKERS, OTHER_KEY, PASSPHRASE, RAW_KEY, fill


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_with_a_key_the_journal_opens_encrypted(tmp_path: Path) -> None:
    storage = open_unlocked(tmp_path, Unlocked(RAW_KEY, Protection.KEYCHAIN), Encryption.DEFAULT)
    fill(storage)
    storage.close()

    assert journal_is_encrypted(tmp_path)
    assert key_opens(tmp_path, RAW_KEY) and not key_opens(tmp_path, OTHER_KEY)


def test_no_journal_yet_is_not_an_encrypted_one(tmp_path: Path) -> None:
    assert not journal_is_encrypted(tmp_path)
    assert key_opens(tmp_path, RAW_KEY)  # nothing to refuse: the open will make it


def test_a_passphrase_is_checked_without_touching_the_files(tmp_path: Path) -> None:
    open_storage(tmp_path, key=PASSPHRASE).close()
    before = files_of(tmp_path)

    assert key_opens(tmp_path, PASSPHRASE)
    assert not key_opens(tmp_path, RAW_KEY)
    assert files_of(tmp_path) == before


def test_an_encrypted_journal_waiting_for_its_key_gets_a_temporary_one(tmp_path: Path) -> None:
    open_storage(tmp_path, key=RAW_KEY).close()
    before = files_of(tmp_path)

    waiting = Unlocked(None, Protection.KEYCHAIN, waiting="Your keyring is locked.")
    storage = open_unlocked(tmp_path, waiting, Encryption.DEFAULT)

    assert storage.temporary and storage.warnings[0].startswith("Your keyring is locked.")
    fill(storage)  # breaks and words go on, in memory
    storage.close()
    assert files_of(tmp_path) == before


def test_a_plain_journal_opens_plain_for_now_unless_it_requires_encryption(
    tmp_path: Path,
) -> None:
    open_storage(tmp_path).close()
    waiting = Unlocked(None, Protection.KEYCHAIN, waiting="Your keyring is locked.")

    storage = open_unlocked(tmp_path, waiting, Encryption.DEFAULT)
    assert not storage.temporary and "not encrypted yet" in storage.warnings[-1]
    storage.close()

    required = open_unlocked(tmp_path, waiting, Encryption.REQUIRED)
    assert required.temporary
    required.close()


def test_a_key_that_does_not_fit_keeps_the_file_and_says_why(tmp_path: Path) -> None:
    open_storage(tmp_path, key=RAW_KEY).close()
    before = files_of(tmp_path)

    storage = open_unlocked(tmp_path, Unlocked(OTHER_KEY, Protection.KEY_FILE), Encryption.DEFAULT)

    assert storage.temporary and "does not open your journal" in storage.warnings[0]
    storage.close()
    assert files_of(tmp_path) == before


def test_no_encryption_by_choice_stays_plain(tmp_path: Path) -> None:
    storage = open_unlocked(tmp_path, Unlocked(None, Protection.NONE), Encryption.DEFAULT)
    fill(storage)
    storage.close()

    data = (tmp_path / "journal.db").read_bytes()
    assert data.startswith(b"SQLite format 3") and not journal_is_encrypted(tmp_path)
    assert any(marker.encode() in data + _wal(tmp_path) for marker in MARKERS)


def _wal(folder: Path) -> bytes:
    wal = folder / "journal.db-wal"
    return wal.read_bytes() if wal.exists() else b""

"""Encrypts a plain journal and its plain backups in place, crash-safe at every step.

The state is which files exist, so a start after a kill or a power cut goes on where the last
one stopped (memo of issue #9, section 3, verified there with kill -9):

    journal.db (plain)                      not started: fold its -wal in, rename it to
                                            journal.plain.db (the marker)
    journal.plain.db, no journal.db         copying: export into journal.db.encrypting,
                                            fsync, verify, rename it to journal.db
    journal.plain.db + journal.db           copy in place: overwrite the plain file (and its
                                            side files) with zeros, fsync, unlink
    journal.db (encrypted) alone            done

While the marker exists the plain data exists whole, and journal.db is either absent or the
verified encrypted copy: it appears under that name only through one atomic rename. Each
backup goes the same way (``<name>`` -> ``<name>.plain`` -> ``<name>.partial`` -> ``<name>``),
renamed before any partial is made, because the backups' own start deletes ``*.partial``.

"Overwrite" is honest only on file systems that write in place: copy-on-write file systems,
SSD wear-levelling, snapshots and backups may keep older copies (docs/privacy.md).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from companion.core.i18n import _
from companion.core.journal_key import JournalKey
from companion.core.ports import StorageUnavailable
from companion.store import driver
from companion.store.connection import Connection, connect
from companion.store.database import DATABASE_FILENAME, DamagedJournal, judge, storage_errors
from companion.store.durable import sync_folder

log = logging.getLogger(__name__)

PLAIN_JOURNAL = "journal.plain.db"
ENCRYPTING_SUFFIX = ".encrypting"
PLAIN_BACKUP_SUFFIX = ".plain"
PARTIAL_SUFFIX = ".partial"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_PRIVATE_FILE_MODE = 0o600
_ZEROS = bytes(1 << 20)

COPY_DIFFERS = _(
    "Companion could not finish encrypting your journal: the encrypted copy did not match. "
    "Your journal is kept unencrypted at {path} and nothing was lost; Companion will try again "
    "at its next start."
)
TWO_PLAIN = _(
    "Companion found two unencrypted journal files ({path} and {other}) and did not choose "
    "between them. Nothing was changed."
)


def encrypt_journal(data_dir: Path, key: JournalKey) -> bool:
    """Encrypt the plain journal in ``data_dir`` with ``key``, or finish doing so; True if a
    plain journal was found. Raises what ``database.judge`` raises for a plain file that is
    damaged or another program's (untouched, so it can be set aside as before) and
    StorageUnavailable (plain data kept) when the copy can't be made or verified."""
    path = data_dir / DATABASE_FILENAME
    plain = data_dir / PLAIN_JOURNAL
    if not plain.exists():
        if not driver.is_plain(path):
            return False  # new, or already encrypted
        judge(path, None, cipher=True)
        _fold_side_files(path)
        os.replace(path, plain)
        sync_folder(data_dir)
        log.info("encrypting the journal: plain file renamed")
    elif driver.is_plain(path):
        raise StorageUnavailable(TWO_PLAIN.format(path=path, other=plain))
    if not _in_place(path):
        _copy_encrypted(plain, path.with_name(path.name + ENCRYPTING_SUFFIX), path, key)
        log.info("encrypting the journal: encrypted copy in place")
    overwrite_and_remove(plain)
    log.info("encrypting the journal: plain file overwritten and removed")
    return True


def encrypt_backups(folder: Path, key: JournalKey) -> int:
    """Encrypt each plain copy in the backups ``folder`` the same way; how many were done.
    A copy that can't be read stays as ``<name>.plain`` and is tried again at the next start
    (a backup must never stop the journal from opening)."""
    if not folder.is_dir():
        return 0
    for path in sorted(folder.glob("journal-*.db")):
        if driver.is_plain(path):
            os.replace(path, path.with_name(path.name + PLAIN_BACKUP_SUFFIX))
    sync_folder(folder)
    done = 0
    for plain in sorted(folder.glob(f"journal-*.db{PLAIN_BACKUP_SUFFIX}")):
        final = plain.with_name(plain.name.removesuffix(PLAIN_BACKUP_SUFFIX))
        try:
            if not _in_place(final):
                _copy_encrypted(plain, final.with_name(final.name + PARTIAL_SUFFIX), final, key)
            overwrite_and_remove(plain)
        except (StorageUnavailable, OSError) as error:
            log.warning("a backup was not encrypted yet: %s", type(error).__name__)
            continue
        done += 1
    return done


def restore_plain_names(data_dir: Path, backups: Path) -> None:
    """Without a key (the rule turned to "off" mid-way), undo what a cut-short encryption
    renamed while no encrypted copy replaced it: the plain files get their names back."""
    path = data_dir / DATABASE_FILENAME
    plain = data_dir / PLAIN_JOURNAL
    if plain.exists() and not path.exists():
        _remove_with_sides(path.with_name(path.name + ENCRYPTING_SUFFIX))
        os.replace(plain, path)
        sync_folder(data_dir)
    if backups.is_dir():
        for renamed in backups.glob(f"journal-*.db{PLAIN_BACKUP_SUFFIX}"):
            final = renamed.with_name(renamed.name.removesuffix(PLAIN_BACKUP_SUFFIX))
            if not final.exists():
                os.replace(renamed, final)
        sync_folder(backups)


def overwrite_and_remove(path: Path) -> None:
    """Write zeros over ``path`` and its side files, fsync, unlink, fsync the folder."""
    for suffix in (*SIDE_SUFFIXES, ""):
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            _overwrite(side)
            side.unlink()
    sync_folder(path.parent)


def _overwrite(path: Path) -> None:
    with path.open("r+b") as handle:
        left = os.fstat(handle.fileno()).st_size
        while left > 0:
            left -= handle.write(_ZEROS[: min(left, len(_ZEROS))])
        handle.flush()
        os.fsync(handle.fileno())


def _in_place(path: Path) -> bool:
    """The encrypted copy has its final name (it only ever gets there verified)."""
    return path.exists() and path.stat().st_size > 0 and not driver.is_plain(path)


def _fold_side_files(path: Path) -> None:
    """Fold the -wal into the plain file, so one file holds all of it before it is renamed."""
    with storage_errors():
        db = connect(path, cipher=True)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("PRAGMA journal_mode = DELETE")
        finally:
            db.close()


def _copy_encrypted(plain: Path, temp: Path, final: Path, key: JournalKey) -> None:
    """sqlcipher_export of ``plain`` into a fresh private ``temp``, synced and verified, then
    renamed to ``final``."""
    _remove_with_sides(temp)
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE_FILE_MODE))
    try:
        with storage_errors():
            source = connect(_read_only(plain), uri=True, cipher=True)
            try:
                source.execute(
                    f"ATTACH DATABASE ? AS encrypted KEY {driver.key_literal(key)}", [str(temp)]
                )
                source.execute("SELECT sqlcipher_export('encrypted')")
                version = source.execute("PRAGMA user_version").fetchone()[0]
                source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
                source.execute("DETACH DATABASE encrypted")
                expected = _counts(source)
            finally:
                source.close()
            _fsync(temp)
            if not _verified(temp, key, expected):
                raise StorageUnavailable(COPY_DIFFERS.format(path=plain))
    except DamagedJournal as error:
        # Not the journal's damage (it was judged sound): this copy failed; the next start retries.
        _remove_with_sides(temp)
        raise StorageUnavailable(COPY_DIFFERS.format(path=plain)) from error
    except BaseException:
        _remove_with_sides(temp)
        raise
    os.replace(temp, final)
    sync_folder(final.parent)


def _verified(path: Path, key: JournalKey, expected: dict[str, int]) -> bool:
    """The key opens it, it passes quick_check, and every table holds as many rows."""
    copy = connect(_read_only(path), key, uri=True)
    try:
        intact = [row[0] for row in copy.execute("PRAGMA quick_check").fetchall()] == ["ok"]
        return intact and _counts(copy) == expected
    finally:
        copy.close()


def _counts(db: Connection) -> dict[str, int]:
    """Rows per table of the main database, and the journal's total text length."""
    names = [
        row[0]
        for row in db.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE "
            "VIRTUAL%' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    counts = {
        name: int(db.execute(f'SELECT count(*) FROM main."{name}"').fetchone()[0]) for name in names
    }
    if "journal" in counts:
        counts["journal:length"] = int(
            db.execute("SELECT total(length(body)) FROM main.journal").fetchone()[0]
        )
    return counts


def _read_only(path: Path) -> str:
    return path.absolute().as_uri() + "?mode=ro"


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _remove_with_sides(path: Path) -> None:
    for suffix in ("", *SIDE_SUFFIXES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)

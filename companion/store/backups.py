"""Daily copies of the journal through SQLite's online backup: the last week kept, private,
and encrypted with the journal's key when it has one (SQLCipher copies keyed to keyed)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from companion.core.backups import Backup, BackupKind, is_due, to_prune
from companion.core.i18n import _
from companion.core.journal_key import JournalKey
from companion.core.ports import StorageUnavailable
from companion.store import driver
from companion.store.connection import Connection
from companion.store.database import storage_errors
from companion.store.migrations import applied_migrations, known_migrations, migrate

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
_NAME = re.compile(r"^journal-(daily|before-restore)-(\d{8}-\d{6})\.db$")
_STAMP = "%Y%m%d-%H%M%S"
_PARTIAL = ".partial"
_PRIVATE_DIR_MODE = 0o700
_PRIVATE_FILE_MODE = 0o600

UNREADABLE_COPY = _(
    "That copy can't be read, so Companion did not restore it. Your journal has not been changed."
)
NO_JOURNAL_FILE = _(
    "Companion can't restore right now because it is using a temporary journal. "
    "Once your journal file opens again, you can restore from here."
)


class SqliteBackups:
    """Copies ``db`` into ``folder``; with no folder (a temporary journal) it copies nothing.
    With ``key`` (the journal's) every copy is encrypted with it and read with it."""

    def __init__(self, db: Connection, folder: Path | None, key: JournalKey | None = None) -> None:
        self._db = db
        self._folder = folder
        self._key = key
        #: Entries per copy, by name, size and time: with a passphrase each count is a key
        #: derivation (about 0.1 s), and the copies are listed again at each daily copy.
        self._counted: dict[tuple[str, int, int], int | None] = {}

    @property
    def folder(self) -> Path | None:
        return self._folder

    def attach_folder(self, folder: Path, key: JournalKey | None = None) -> None:
        """The temporary journal has become the journal file: copies of it go to ``folder``,
        keyed as the file is (a passphrase may have come only now)."""
        self._folder = folder
        self._key = key

    def list_backups(self) -> list[Backup]:
        """Newest first; a folder that can't be listed simply has none."""
        if self._folder is None or not self._folder.is_dir():
            return []
        found = []
        for path in self._folder.iterdir():
            backup = self._backup_from(path)
            if backup is not None:
                found.append(backup)
        return sorted(found, key=lambda b: b.taken_at, reverse=True)

    def make_daily(self, now: datetime) -> Backup | None:
        """Take today's copy unless there is one; let the oldest go beyond a week."""
        if self._folder is None:
            return None
        try:
            self._ensure_folder()
            backups = self.list_backups()
            if not is_due(backups, now.date()):
                return None
            made = self._copy_to(_file_name(BackupKind.DAILY, now))
            for old in to_prune([*backups, made]):
                (self._folder / old.name).unlink(missing_ok=True)
        except OSError as error:
            log.warning("daily backup not taken: %s", error)
            raise StorageUnavailable(
                _("Companion could not take today's copy of your journal; it will try again.")
            ) from error
        log.info("daily backup taken")
        return made

    def restore(self, backup: Backup, now: datetime) -> None:
        """Replace the journal with ``backup``, keeping the journal as it was as another copy."""
        if self._folder is None:
            raise StorageUnavailable(NO_JOURNAL_FILE)
        source_path = self._folder / backup.name
        source = _open_checked(source_path, self._key)
        try:
            try:
                self._ensure_folder()
                self._copy_to(_file_name(BackupKind.BEFORE_RESTORE, now))
            except OSError as error:
                raise StorageUnavailable(
                    _(
                        "Companion could not keep a copy of your journal as it is now, so it "
                        "did not restore. Your journal has not been changed."
                    )
                ) from error
            with storage_errors():
                source.backup(self._db.conn)
                self._db.enable_wal()
                migrate(self._db)
        finally:
            source.close()
        log.info("journal restored from a %s backup", backup.kind.value)

    def _ensure_folder(self) -> None:
        assert self._folder is not None
        self._folder.mkdir(mode=_PRIVATE_DIR_MODE, exist_ok=True)
        os.chmod(self._folder, _PRIVATE_DIR_MODE)
        for stale in self._folder.glob(f"*{_PARTIAL}"):
            stale.unlink()  # a copy cut short by a crash or a kill

    def _copy_to(self, name: str) -> Backup:
        """Online backup into a private partial file, synced, then renamed into place."""
        assert self._folder is not None
        final = self._folder / name
        partial = final.with_name(final.name + _PARTIAL)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE_FILE_MODE))
        target = driver.connect(partial, self._key)
        try:
            with storage_errors():
                self._db.conn.backup(target)
                # The copy inherits WAL mode; one self-contained file is what a copy should be.
                target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        _fsync(partial)
        os.replace(partial, final)
        _fsync(self._folder)
        made = self._backup_from(final)
        assert made is not None
        return made

    def _backup_from(self, path: Path) -> Backup | None:
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            return None
        info = path.stat()
        seen = (path.name, info.st_size, info.st_mtime_ns)
        if seen not in self._counted:
            self._counted[seen] = _count_entries(path, self._key)
        return Backup(
            name=path.name,
            kind=BackupKind(match.group(1)),
            taken_at=_parse_stamp(match.group(2)),
            size_bytes=info.st_size,
            entries=self._counted[seen],
        )


def _file_name(kind: BackupKind, now: datetime) -> str:
    return f"journal-{kind.value}-{now.strftime(_STAMP)}.db"


def _parse_stamp(stamp: str) -> datetime:
    """``_STAMP`` read back, local time. By hand: strptime loads _strptime, calendar and
    locale (1.5 MB), and the copies are listed at every start."""
    day, time = stamp.split("-")
    year, month, date = int(day[:4]), int(day[4:6]), int(day[6:])
    hour, minute, second = int(time[:2]), int(time[2:4]), int(time[4:])
    return datetime(year, month, date, hour, minute, second).astimezone()


def _count_entries(path: Path, key: JournalKey | None) -> int | None:
    """None when the copy can't be read (damaged, or encrypted with another key)."""
    try:
        conn = driver.connect(f"file:{path}?mode=ro", key, uri=True)
    except driver.errors():
        return None
    try:
        return int(conn.execute("SELECT count(*) FROM journal").fetchone()[0])
    except driver.errors():
        return None
    finally:
        conn.close()


def _open_checked(path: Path, key: JournalKey | None) -> sqlite3.Connection:
    """The copy, read-only, if it is whole and a journal this Companion understands."""
    try:
        conn = driver.connect(f"file:{path}?mode=ro", key, uri=True)
    except driver.errors() as error:
        raise StorageUnavailable(UNREADABLE_COPY) from error
    try:
        intact = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()] == ["ok"]
        applied = set(applied_migrations(conn))
    except driver.errors() as error:
        conn.close()
        raise StorageUnavailable(UNREADABLE_COPY) from error
    if not intact or not applied or not applied <= set(known_migrations()):
        conn.close()
        raise StorageUnavailable(UNREADABLE_COPY)
    return conn


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # folders on some file systems refuse; harmless
            os.fsync(fd)
    finally:
        os.close(fd)

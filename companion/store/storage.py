"""One open journal and its repositories, as the app receives them at start-up."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from companion.app_messages import TEMPORARY_JOURNAL
from companion.core.i18n import _
from companion.core.journal_key import JournalKey
from companion.core.ports import (
    BreakRepository,
    CallRepository,
    DraftStore,
    JournalRepository,
    ReminderRepository,
    StorageUnavailable,
)
from companion.store.app_lock_repo import SqliteLockVerifier
from companion.store.backups import BACKUP_FOLDER, SqliteBackups
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.calls_repo import SqliteCallRepository
from companion.store.connection import Connection
from companion.store.database import (
    DATABASE_FILENAME,
    DamagedJournal,
    ForeignJournal,
    message_for_os_error,
    move_connection,
    open_database,
    open_memory_database,
)
from companion.store.drafts_repo import SqliteDraftStore
from companion.store.encrypting import encrypt_backups, encrypt_journal, restore_plain_names
from companion.store.journal_repo import SqliteJournalRepository
from companion.store.locked import JournalLocked, set_locked_journal_aside
from companion.store.recovery import set_aside
from companion.store.reminders_repo import SqliteReminderRepository

log = logging.getLogger(__name__)


SET_ASIDE_DAMAGED = _(
    "Your journal file was damaged, so Companion moved it aside (as {name}, in the same "
    "folder; nothing was deleted) and started a fresh journal. "
    "“Restore from backup…” in the journal window can bring back a recent copy."
)
SET_ASIDE_FOREIGN = _(
    "The file where Companion keeps its journal belonged to another program, so Companion "
    "moved it aside (as {name}, in the same folder; nothing was changed) and started a "
    "fresh journal."
)


@dataclass
class Storage:
    """The repositories over one database; ``warnings`` are for the agent, shown once.

    ``waiting_for`` is the data folder while a temporary journal stands in for the file there
    (see ``reopen``); None when the journal is the file. ``key`` opens the file (None: plain).
    """

    db: Connection
    calls: CallRepository
    breaks: BreakRepository
    journal: JournalRepository
    drafts: DraftStore
    reminders: ReminderRepository
    backups: SqliteBackups
    lock_verifier: SqliteLockVerifier
    warnings: tuple[str, ...] = ()
    waiting_for: Path | None = None
    key: JournalKey | None = field(default=None, repr=False)

    @property
    def temporary(self) -> bool:
        return self.waiting_for is not None

    def reopen(self, now: datetime | None = None) -> tuple[str, ...]:
        """Open the journal file at last, move what the temporary journal holds into it, and
        go on with the file: the repositories stay the same objects, so every window and timer
        that holds one writes to the file from now on. Raises StorageUnavailable while it
        still can't be opened (nothing changes then); returns the warnings for the agent.

        Call it only while nothing holds a row of the temporary journal (a window, a notice
        with buttons): the rows get the file's ids.
        """
        if self.waiting_for is None:
            return ()
        data_dir = self.waiting_for
        db, warnings = _open_file(data_dir, self.key, now or datetime.now().astimezone())
        try:
            from companion.store.carry_over import carry_over  # needed once, if ever

            carried = carry_over(self.db, db)
        except BaseException:
            db.close()
            raise
        move_connection(self.db, db)
        self.backups.attach_folder(data_dir / BACKUP_FOLDER, self.key)
        self.waiting_for = None
        log.info("journal file opened again; %d rows moved from the temporary journal", carried)
        return warnings

    def set_locked_file_aside(self, now: datetime) -> Path:
        """While waiting for a key that is lost: the journal file (and its copies) go aside,
        kept byte for byte, so that ``reopen`` starts a new one. Raises OSError."""
        if self.waiting_for is None:
            raise ValueError("the journal file is open: nothing is waiting for a key")
        folder = self.waiting_for
        return set_locked_journal_aside(folder / DATABASE_FILENAME, now, folder / BACKUP_FOLDER)

    def close(self) -> None:
        self.db.close()


def storage_over(
    db: Connection,
    warnings: tuple[str, ...] = (),
    backup_folder: Path | None = None,
    waiting_for: Path | None = None,
    key: JournalKey | None = None,
) -> Storage:
    return Storage(
        db=db,
        calls=SqliteCallRepository(db),
        breaks=SqliteBreakRepository(db),
        journal=SqliteJournalRepository(db),
        drafts=SqliteDraftStore(db),
        reminders=SqliteReminderRepository(db),
        backups=SqliteBackups(db, backup_folder, key),
        lock_verifier=SqliteLockVerifier(db),
        warnings=warnings,
        waiting_for=waiting_for,
        key=key,
    )


def open_storage(
    data_dir: Path, now: datetime | None = None, *, key: JournalKey | None = None
) -> Storage:
    """The journal in ``data_dir``; if it can't be opened, a safe way on and a warning.

    With ``key`` every file (journal and backups) is SQLCipher-encrypted with it, and a plain
    journal found there is encrypted first (see encrypting); without one, all stays plain.
    A key that does not fit the file raises JournalLocked (WrongKey, KeyNeeded), the file
    untouched: only the caller can ask again, or offer ``locked.set_locked_journal_aside``;
    ``temporary_storage`` lets breaks go on meanwhile.

    Nothing must stop an agent from taking a break after a hard call, so Companion always
    starts and says plainly what is wrong. A damaged file, or another program's, is set
    aside (renamed, never deleted) and a fresh journal started; a locked journal or a newer
    Companion's is left untouched and a temporary journal used until it can be opened.
    """
    try:
        db, warnings = _open_file(data_dir, key, now or datetime.now().astimezone())
    except JournalLocked:
        raise
    except StorageUnavailable as error:
        log.warning("journal unavailable, using a temporary one: %s", error)
        return temporary_storage(data_dir, key, str(error))
    return storage_over(db, warnings, backup_folder=data_dir / BACKUP_FOLDER, key=key)


def temporary_storage(
    data_dir: Path, key: JournalKey | None, why: str, *, cipher: bool | None = None
) -> Storage:
    """A journal in memory that waits for the file in ``data_dir`` (see ``Storage.reopen``),
    with ``why`` and what the temporary journal means as its warning. ``cipher``: through
    sqlcipher3 even without a key (one driver per process when a key is on its way)."""
    return storage_over(
        open_memory_database(cipher=key is not None if cipher is None else cipher),
        warnings=(f"{why} {TEMPORARY_JOURNAL}",),
        waiting_for=data_dir,
        key=key,
    )


def _open_file(
    data_dir: Path, key: JournalKey | None, now: datetime
) -> tuple[Connection, tuple[str, ...]]:
    path = data_dir / DATABASE_FILENAME
    try:
        _encrypt_or_restore_names(data_dir, key)
        db = open_database(path, key)
    except (DamagedJournal, ForeignJournal) as error:
        return _start_afresh(path, key, error, now)
    if key is not None:
        _encrypt_backups(data_dir / BACKUP_FOLDER, key, db)
    return db, ()


def _encrypt_or_restore_names(data_dir: Path, key: JournalKey | None) -> None:
    """Encrypt a plain journal (or finish doing so); without a key, undo a cut-short start."""
    try:
        if key is None:
            restore_plain_names(data_dir, data_dir / BACKUP_FOLDER)
        elif encrypt_journal(data_dir, key):
            log.info("journal encrypted")
    except OSError as error:
        log.warning("journal files could not be encrypted or renamed: %s", error.strerror)
        raise StorageUnavailable(message_for_os_error(error)) from error


def _encrypt_backups(folder: Path, key: JournalKey, db: Connection) -> None:
    try:
        encrypt_backups(folder, key)
    except OSError as error:
        log.warning("plain backups not encrypted yet: %s", type(error).__name__)
    except BaseException:
        db.close()
        raise


def _start_afresh(
    path: Path, key: JournalKey | None, error: StorageUnavailable, now: datetime
) -> tuple[Connection, tuple[str, ...]]:
    why = "damaged" if isinstance(error, DamagedJournal) else "not-companion"
    try:
        aside = set_aside(path, why, now)
    except OSError as os_error:
        log.warning("could not set the journal file aside: %s", os_error)
        raise error from os_error
    warning = (SET_ASIDE_DAMAGED if why == "damaged" else SET_ASIDE_FOREIGN).format(name=aside.name)
    return open_database(path, key), (warning,)

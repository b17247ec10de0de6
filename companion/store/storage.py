"""One open journal and its repositories, as the app receives them at start-up."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from companion.core.ports import (
    BackupStore,
    BreakRepository,
    CallRepository,
    DraftStore,
    JournalRepository,
    ReminderRepository,
    StorageUnavailable,
)
from companion.store.backups import BACKUP_FOLDER, SqliteBackups
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.calls_repo import SqliteCallRepository
from companion.store.database import (
    DATABASE_FILENAME,
    DamagedJournal,
    ForeignJournal,
    open_database,
    open_memory_database,
)
from companion.store.drafts_repo import SqliteDraftStore
from companion.store.journal_repo import SqliteJournalRepository
from companion.store.recovery import set_aside
from companion.store.reminders_repo import SqliteReminderRepository

log = logging.getLogger(__name__)

TEMPORARY_JOURNAL = (
    "Until then, breaks work as usual, but anything you write is kept only while "
    "Companion stays open."
)

SET_ASIDE_DAMAGED = (
    "Your journal file was damaged, so Companion moved it aside (as {name}, in the same "
    "folder; nothing was deleted) and started a fresh journal. "
    "“Restore from backup…” in the journal window can bring back a recent copy."
)
SET_ASIDE_FOREIGN = (
    "The file where Companion keeps its journal belonged to another program, so Companion "
    "moved it aside (as {name}, in the same folder; nothing was changed) and started a "
    "fresh journal."
)


@dataclass(frozen=True)
class Storage:
    """The repositories over one database; ``warnings`` are for the agent, shown once."""

    db: Database
    calls: CallRepository
    breaks: BreakRepository
    journal: JournalRepository
    drafts: DraftStore
    reminders: ReminderRepository
    backups: BackupStore
    warnings: tuple[str, ...] = ()

    def close(self) -> None:
        self.db.close()


def storage_over(
    db: Database, warnings: tuple[str, ...] = (), backup_folder: Path | None = None
) -> Storage:
    return Storage(
        db=db,
        calls=SqliteCallRepository(db),
        breaks=SqliteBreakRepository(db),
        journal=SqliteJournalRepository(db),
        drafts=SqliteDraftStore(db),
        reminders=SqliteReminderRepository(db),
        backups=SqliteBackups(db, backup_folder),
        warnings=warnings,
    )


def open_storage(data_dir: Path, now: datetime | None = None) -> Storage:
    """The journal in ``data_dir``; if it can't be opened, a safe way on and a warning.

    Nothing must stop an agent from taking a break after a hard call, so Companion always
    starts and says plainly what is wrong. A damaged file, or another program's, is set
    aside (renamed, never deleted) and a fresh journal started; a locked journal or a newer
    Companion's is left untouched and a temporary journal used until it can be opened.
    """
    path = data_dir / DATABASE_FILENAME
    try:
        db = open_database(path)
    except (DamagedJournal, ForeignJournal) as error:
        return _start_afresh(path, error, now or datetime.now().astimezone())
    except StorageUnavailable as error:
        return _temporary(error)
    return storage_over(db, backup_folder=data_dir / BACKUP_FOLDER)


def _start_afresh(path: Path, error: StorageUnavailable, now: datetime) -> Storage:
    why = "damaged" if isinstance(error, DamagedJournal) else "not-companion"
    try:
        aside = set_aside(path, why, now)
        db = open_database(path)
    except OSError as os_error:
        log.warning("could not set the journal file aside: %s", os_error)
        return _temporary(error)
    except StorageUnavailable as again:
        return _temporary(again)
    warning = (SET_ASIDE_DAMAGED if why == "damaged" else SET_ASIDE_FOREIGN).format(name=aside.name)
    return storage_over(db, (warning,), backup_folder=path.parent / BACKUP_FOLDER)


def _temporary(error: StorageUnavailable) -> Storage:
    log.warning("journal unavailable, using a temporary one: %s", error)
    return storage_over(open_memory_database(), warnings=(f"{error} {TEMPORARY_JOURNAL}",))

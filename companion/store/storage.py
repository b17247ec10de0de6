"""One open journal and its repositories, as the app receives them at start-up."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from companion.core.ports import (
    BreakRepository,
    CallRepository,
    DraftStore,
    JournalRepository,
    ReminderRepository,
    StorageUnavailable,
)
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.calls_repo import SqliteCallRepository
from companion.store.database import DATABASE_FILENAME, open_database, open_memory_database
from companion.store.drafts_repo import SqliteDraftStore
from companion.store.journal_repo import SqliteJournalRepository
from companion.store.reminders_repo import SqliteReminderRepository

log = logging.getLogger(__name__)

TEMPORARY_JOURNAL = (
    "Until then, breaks work as usual, but anything you write is kept only while "
    "Companion stays open."
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
    warnings: tuple[str, ...] = ()

    def close(self) -> None:
        self.db.close()


def storage_over(db: Database, warnings: tuple[str, ...] = ()) -> Storage:
    return Storage(
        db=db,
        calls=SqliteCallRepository(db),
        breaks=SqliteBreakRepository(db),
        journal=SqliteJournalRepository(db),
        drafts=SqliteDraftStore(db),
        reminders=SqliteReminderRepository(db),
        warnings=warnings,
    )


def open_storage(data_dir: Path) -> Storage:
    """The journal in ``data_dir``; if it can't be opened, a temporary one and a warning.

    A locked, damaged or newer journal must not stop an agent from taking a break after a
    hard call, so Companion starts anyway, says plainly what is wrong, and leaves the file
    untouched.
    """
    try:
        db = open_database(data_dir / DATABASE_FILENAME)
    except StorageUnavailable as error:
        log.warning("journal unavailable, using a temporary one: %s", error)
        return storage_over(open_memory_database(), warnings=(f"{error} {TEMPORARY_JOURNAL}",))
    return storage_over(db)

"""The journal file's life while the app runs: today's copy, the temporary journal's retries,
the last try at quitting, and deleting everything the agent asked to delete."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from companion.app_messages import (
    NEW_JOURNAL_STARTED,
    NEW_KEY_NOT_MADE,
    OLD_JOURNAL_NOT_MOVED,
    REOPENED_TEXT,
    TEMPORARY_JOURNAL,
)
from companion.core.backups import next_backup_at
from companion.core.ports import BackupStore, Clock, StorageUnavailable
from companion.flows.journal_retry import JournalRetry

log = logging.getLogger(__name__)

#: The shortest wait for the next daily copy (a clock just before midnight).
MIN_BACKUP_WAIT_MS = 60_000


class Journal(Protocol):
    """The parts of companion.store.storage.Storage this needs."""

    @property
    def backups(self) -> BackupStore: ...

    @property
    def temporary(self) -> bool: ...

    def reopen(self, now: datetime | None = None) -> tuple[str, ...]: ...
    def set_locked_file_aside(self, now: datetime) -> Path: ...
    def close(self) -> None: ...


class Closing(Protocol):
    def close(self) -> None: ...


class Removal(Protocol):
    """Deleting every file Companion made: asked first, then what went is shown."""

    def files(self) -> list[Path | str]:
        """The files, then what is not a file (a keyring's entry), as the agent reads them."""
        ...

    def confirm(self, files: list[Path | str]) -> bool: ...
    def remove(self) -> str:
        """Remove them; a summary of what went, for the agent."""
        ...

    def show_removed(self, summary: str) -> None: ...


class DataLifecycle(QObject):
    """Owns the daily backup timer and the temporary journal's retries.

    ``reopened``: the journal file opened at last, so what shows its numbers reads them again.
    ``closing``: everything is about to be deleted; windows close now (each keeps its draft).
    ``deleted``: every file is gone (and the journal and server closed); the app leaves.
    """

    reopened = Signal()
    closing = Signal()
    deleted = Signal()

    def __init__(
        self,
        journal: Journal,
        server: Closing,
        clock: Clock,
        removal: Removal,
        *,
        tell: Callable[[str], None],
        nothing_open: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._removal = removal
        self._journal = journal
        self._server = server
        self._clock = clock
        self._tell = tell
        self._nothing_open = nothing_open
        self._data_deleted = False
        self._backup_timer = QTimer(self)
        self._backup_timer.setSingleShot(True)
        self._backup_timer.timeout.connect(self.take_daily_backup)
        self._retry = JournalRetry(self.try_journal_file, parent=self)

    @property
    def retry(self) -> JournalRetry:
        return self._retry

    def start(self, *, retry: bool = True) -> None:
        """Today's copy from the event loop; retries only while on the temporary journal, and
        not before the key has come (``retry=False``: a retry without it could open a plain
        journal that the key was about to encrypt; ``open_with_key`` starts them)."""
        QTimer.singleShot(0, self, self.take_daily_backup)
        if self._journal.temporary and retry:
            self._retry.start()

    def open_with_key(self, waiting: str | None) -> None:
        """The key came after start-up (the app was built on a temporary journal meanwhile):
        the file opens now, quietly, as at any start; or, while a window holds a row of the
        temporary journal or the journal must go on waiting (``waiting`` says why), the
        retries take over."""
        if waiting is not None:
            self._tell(waiting)
        elif self._nothing_open():
            try:
                warnings = self._journal.reopen(self._clock.now())
            except StorageUnavailable as error:
                log.warning("journal file not opened with its key: %s", type(error).__name__)
                self._tell(f"{error} {TEMPORARY_JOURNAL}")
            else:
                self._opened(warnings)
                return
        self._retry.start()

    def take_daily_backup(self) -> None:
        """Today's copy if there is none, then a single shot for shortly after midnight."""
        now = self._clock.now()
        try:
            self._journal.backups.make_daily(now)
        except StorageUnavailable as error:
            log.warning("%s", error)
        wait = next_backup_at(now) - now
        self._backup_timer.start(max(int(wait.total_seconds() * 1000), MIN_BACKUP_WAIT_MS))

    def try_journal_file(self) -> bool:
        """While on the temporary journal: open the file, moving into it what was written.

        Only while no window, menu or notice with buttons is open: they may hold a row of
        the temporary journal, whose id changes in the file. False means "try again later".
        """
        if not self._nothing_open():
            return False
        try:
            warnings = self._journal.reopen(self._clock.now())
        except StorageUnavailable as error:
            log.info("journal file still unavailable: %s", error)
            return False
        self._opened((REOPENED_TEXT, *warnings))
        return True

    def start_new_journal(self, new_key: Callable[[], bool]) -> bool:
        """The key is lost: the journal file goes aside, kept byte for byte (with its copies),
        ``new_key`` makes and keeps a new key (or asks for a new passphrase; False when it
        couldn't), and a new journal opens with what was written meanwhile. Asked for from
        Settings, after the agent confirmed; True once the new journal is open."""
        if not self._journal.temporary or not self._nothing_open():
            return False
        now = self._clock.now()
        try:
            aside = self._journal.set_locked_file_aside(now)
        except OSError as error:
            log.warning("the locked journal could not be set aside: %s", error.strerror)
            self._tell(OLD_JOURNAL_NOT_MOVED.format(why=error.strerror or error))
            return False
        if not new_key():
            self._tell(NEW_KEY_NOT_MADE.format(path=aside))
            return False
        try:
            warnings = self._journal.reopen(now)
        except StorageUnavailable as error:
            self._tell(f"{error} {TEMPORARY_JOURNAL}")
            self._retry.start()
            return False
        self._opened((NEW_JOURNAL_STARTED.format(path=aside), *warnings))
        return True

    def _opened(self, texts: tuple[str, ...]) -> None:
        """The journal file is open now: say ``texts``, let the counts read it, copy it."""
        for text in texts:
            self._tell(text)
        self.reopened.emit()
        self.take_daily_backup()

    def delete_all(self) -> None:
        """Ask; then close the journal and the socket, remove every file we made, say so."""
        removal = self._removal
        if not removal.confirm(removal.files()):
            return
        log.info("deleting all of Companion's data at the agent's request")
        self.closing.emit()
        self._stop_timers()
        self._data_deleted = True
        self._server.close()
        self._journal.close()
        summary = removal.remove()
        removal.show_removed(summary)
        self.deleted.emit()

    def shut_down(self) -> None:
        """After the event loop: stop listening and close the journal."""
        self._stop_timers()
        self._server.close()
        if self._journal.temporary and not self._data_deleted:
            # A last try: what was written on the temporary journal goes into the file.
            with contextlib.suppress(StorageUnavailable):
                self._journal.reopen(self._clock.now())
        self._journal.close()

    def _stop_timers(self) -> None:
        self._backup_timer.stop()
        self._retry.stop()


class DayCount(QObject):
    """The number of calls tagged today, read when something may have moved it."""

    #: Today's count, after each ``refresh`` (0 while the journal can't be read).
    changed = Signal(int)

    def __init__(
        self, count_on: Callable[[date], int], clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._count_on = count_on
        self._clock = clock

    def refresh(self) -> None:
        try:
            count = self._count_on(self._clock.now().date())
        except StorageUnavailable:
            count = 0
        self.changed.emit(count)

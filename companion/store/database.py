"""Opens the journal database privately and durably, and turns its failures into plain words."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from companion.core.i18n import _
from companion.core.journal_key import JournalKey
from companion.core.ports import StorageUnavailable
from companion.store import driver
from companion.store.connection import Connection, Params, connect, connect_memory
from companion.store.inspection import ChangedWhileChecked, judge_untouched
from companion.store.locked import KeyNeeded, WrongKey
from companion.store.migrations import applied_migrations, migrate, refuse_newer

log = logging.getLogger(__name__)

#: Must match ``companion.system.paths.DATABASE_FILENAME`` (a test checks they agree).
DATABASE_FILENAME = "journal.db"
DEFAULT_BUSY_TIMEOUT_MS = 3000
_PRIVATE_DIR_MODE = 0o700
_PRIVATE_FILE_MODE = 0o600
_SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")

BUSY = _("Your journal file is being used by another program. Close it and try again.")
READ_ONLY = _(
    "Companion can't save to your journal because its file is read-only right now. "
    "Nothing you typed is lost; check the file's permissions and try again."
)
FULL = _(
    "Your disk is full, so Companion can't save right now. "
    "Free up a little space and try again; what you typed is still here."
)
DAMAGED = _(
    "Your journal file looks damaged, so Companion can't open it. "
    "It has been left exactly as it was; your IT team may be able to recover it."
)
FOREIGN = _(
    "The file where Companion keeps its journal belongs to another program, "
    "so Companion can't use it."
)
UNREACHABLE = _(
    "Companion can't reach your journal file right now. "
    "Check that its folder is available, then try again."
)

_MESSAGES = {
    driver.SQLITE_BUSY: BUSY,
    driver.SQLITE_LOCKED: BUSY,
    driver.SQLITE_READONLY: READ_ONLY,
    driver.SQLITE_FULL: FULL,
    driver.SQLITE_CORRUPT: DAMAGED,
    driver.SQLITE_NOTADB: DAMAGED,
    driver.SQLITE_CANTOPEN: UNREACHABLE,
    driver.SQLITE_IOERR: UNREACHABLE,
    driver.SQLITE_PERM: UNREACHABLE,
}


class DamagedJournal(StorageUnavailable):
    """The journal file is not a readable database (garbage, truncated, corrupt pages)."""


class ForeignJournal(StorageUnavailable):
    """The journal file is a database, but another program's: Companion must not add to it."""


class NotEncrypted(StorageUnavailable):
    """A plain journal was opened with a key: it must be encrypted first (see encrypting)."""


def message_for(error: BaseException) -> str | None:
    """The agent's words for a failure of the environment; None when it is a bug of ours."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    # Extended codes (e.g. SQLITE_BUSY_SNAPSHOT) keep the primary code in the low byte.
    return _MESSAGES.get(code & 0xFF)


def message_for_os_error(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return FULL
    if error.errno == errno.EROFS:
        return READ_ONLY
    return UNREACHABLE


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Turn known database failures into StorageUnavailable; let bugs through untouched."""
    try:
        yield
    except driver.errors() as error:
        message = message_for(error)
        if message is None:
            raise
        log.warning("journal storage unavailable: %s", error)
        if message is DAMAGED:
            raise DamagedJournal(message) from error
        raise StorageUnavailable(message) from error


def open_database(
    path: Path, key: JournalKey | None = None, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
) -> Connection:
    """Open (creating if needed) the journal at ``path``, migrated and private to this account:
    encrypted with ``key`` (a new file is created encrypted), or plain without one.

    Raises WrongKey or KeyNeeded (the file untouched) when the key does not fit the file, and
    NotEncrypted for a plain file given a key (``encrypting.encrypt_journal`` comes first).
    """
    try:
        _create_private_file(path)
        _check_header(path, key)
        judge(path, key)
        with storage_errors():
            db = connect(path, key)
    except OSError as error:
        log.warning("cannot create or check journal file %s: %s", path, error)
        raise StorageUnavailable(message_for_os_error(error)) from error
    try:
        with storage_errors():
            _prepare(db, busy_timeout_ms, wal=True)
        _tighten_side_files(path)
    except OSError as error:
        db.close()
        log.warning("cannot make journal files private in %s: %s", path.parent, error)
        raise StorageUnavailable(message_for_os_error(error)) from error
    except BaseException:
        db.close()
        raise
    return db


def judge(path: Path, key: JournalKey | None, *, cipher: bool = False) -> None:
    """Refuse, leaving every byte as it was, a file that is damaged, another program's, a newer
    Companion's, or encrypted with another key (WrongKey rather than damaged)."""
    try:
        with storage_errors():
            judge_untouched(path, _judge, key, cipher=cipher)
    except ChangedWhileChecked as error:
        log.warning("journal file changed while it was checked: in use by another program")
        raise StorageUnavailable(BUSY) from error
    except DamagedJournal as error:
        if key is not None and _not_a_database(error) and driver.looks_encrypted(path):
            log.warning("the key does not open the journal file")
            raise WrongKey.of(path, key) from None
        raise


def _not_a_database(error: DamagedJournal) -> bool:
    code = getattr(error.__cause__, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == driver.SQLITE_NOTADB


def open_memory_database(*, cipher: bool = False) -> Connection:
    """A migrated journal that lives only while Companion runs: the fallback, and for tests.
    ``cipher``: through sqlcipher3, so a keyed process loads only that driver."""
    db = connect_memory(cipher=cipher)
    _prepare(db, DEFAULT_BUSY_TIMEOUT_MS, wal=False)
    return db


def move_connection(target: Connection, source: Connection) -> None:
    """``target`` goes on over ``source``'s connection and its own is closed: the temporary
    journal's Connection, held by every repository, becomes the journal file's."""
    old = target.conn
    target.conn = source.conn
    old.close()


def _prepare(db: Connection, busy_timeout_ms: int, *, wal: bool) -> None:
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)};")
    refuse_newer(db)  # judged already; again in case a newer Companion wrote it meanwhile
    _set_pragmas(db, wal=wal)
    migrate(db)


def _judge(db: Connection) -> None:
    """Run on an untouched image of the file (see inspection): a damaged file, another
    program's database and a journal from a newer Companion are all left alone."""
    _refuse_damaged(db)
    _refuse_foreign(db)
    refuse_newer(db)


def _check_header(path: Path, key: JournalKey | None) -> None:
    """Not a database at all: refused before SQLite opens it, because SQLite would take a
    -wal file lying beside it for its own and delete it on closing, and that file must be
    set aside with the rest. Without a key, what looks encrypted is kept, never set aside."""
    if path.stat().st_size == 0:
        return  # a new journal
    if driver.is_plain(path):
        if key is not None:
            raise NotEncrypted(_("This journal is not encrypted yet."))
        return
    if key is not None:
        return  # whether the key opens it is judged next
    if driver.looks_encrypted(path):
        log.warning("journal file is encrypted and no key was given")
        raise KeyNeeded.of(path)
    log.warning("journal file is not a database")
    raise DamagedJournal(DAMAGED)


def _refuse_damaged(db: Connection) -> None:
    """quick_check reads every page once: a truncated or scribbled-on file shows up here, at
    start-up, rather than halfway through the agent's next save."""
    rows = [row[0] for row in db.execute("PRAGMA quick_check;").fetchall()]
    if rows != ["ok"]:
        log.warning("journal failed its quick check (%d problems)", len(rows))
        raise DamagedJournal(DAMAGED)


def _refuse_foreign(db: Connection) -> None:
    """Tables but no record of Companion's migrations: some other program's database."""
    tables = [name for name in db.table_names() if not name.startswith("sqlite_")]
    if tables and not applied_migrations(db):
        log.warning("journal file holds %d tables of another program", len(tables))
        raise ForeignJournal(FOREIGN)


def _set_pragmas(db: Connection, *, wal: bool) -> None:
    if wal:
        # WAL lets the e2e harness and exports read while the app writes, without blocking.
        db.enable_wal()
    # A journal holds words the agent cannot type again: every commit reaches the disk
    # before Companion says "saved", even in WAL mode, at the cost of one fsync per save.
    # (WAL with NORMAL never corrupts the file either, but a power cut could take back the
    # last commits after the agent saw "saved"; saves are rare, so FULL costs nothing felt.)
    db.execute("PRAGMA synchronous = FULL;")
    db.execute("PRAGMA foreign_keys = ON;")


def _create_private_file(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) before SQLite does.

    SQLite gives its -wal and -shm files the permissions of the database file, so making
    the main file private first keeps all three private without touching the process umask.
    """
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=_PRIVATE_DIR_MODE)
    fd = os.open(path, os.O_RDONLY | os.O_CREAT, _PRIVATE_FILE_MODE)
    os.close(fd)
    _remove_group_and_other_access(path)


def _tighten_side_files(path: Path) -> None:
    """Side files left by an older run may be wider than the main file; narrow them too."""
    for suffix in _SIDE_FILE_SUFFIXES:
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            _remove_group_and_other_access(side)


def _remove_group_and_other_access(path: Path) -> None:
    """Only ever narrows: a file the agent made read-only stays read-only."""
    mode = stat.S_IMODE(path.stat().st_mode)
    private = mode & _PRIVATE_FILE_MODE
    if private != mode:
        os.chmod(path, private)


def fetch_all(db: Connection, sql: str, params: Params = ()) -> list[dict[str, Any]]:
    """Rows as dicts, read completely so no cursor outlives the error translation around it."""
    return list(db.query(sql, params))


def fetch_one(db: Connection, sql: str, params: Params = ()) -> dict[str, Any] | None:
    """The first row as a dict; the statement is finished before this returns."""
    rows = db.query(sql, params)
    try:
        return next(rows, None)
    finally:
        rows.close()

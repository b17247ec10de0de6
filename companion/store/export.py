"""Writes every journal entry to a file the agent chose: Markdown to read, JSON Lines for tools.

Entries go oldest first: a journal read as a document reads forward in time, like a diary,
and a later export of the same journal is the earlier one with new entries at the end.

Rows are read in one snapshot with plain cursor iteration (no dicts, no dataclasses: at
100,000 entries those cost more than the writing) and streamed into a private temp file
(0600) beside the target, which is fsync'd and then renamed over it. The chosen name holds a
complete export or nothing of this one, whatever fails and however the process ends.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from companion.core.i18n import _
from companion.core.journal_export import ExportFailed, ExportFormat, ExportResult
from companion.core.journal_key import JournalKey
from companion.store import driver
from companion.store.database import (
    DEFAULT_BUSY_TIMEOUT_MS,
    FOREIGN,
    DamagedJournal,
    ForeignJournal,
    storage_errors,
)
from companion.store.durable import sync_folder
from companion.store.export_formats import write_json_lines, write_markdown
from companion.store.locked import KeyNeeded, WrongKey
from companion.store.migrations import applied_migrations, refuse_newer

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)

#: The journal's entries with the reason of the call each is about and the moods around
#: that call's breaks (before the first, after the last), oldest first.
_ROWS = """
    SELECT j.id, j.created_at, j.updated_at, j.body, j.tags, j.call_id, j.mood, j.prompt,
        c.tagged_at, c.reason, c.intensity,
        (SELECT b.mood_before FROM breaks AS b WHERE b.call_id = j.call_id
            AND b.mood_before IS NOT NULL ORDER BY b.id LIMIT 1),
        (SELECT b.mood_after FROM breaks AS b WHERE b.call_id = j.call_id
            AND b.mood_after IS NOT NULL ORDER BY b.id DESC LIMIT 1)
    FROM journal AS j LEFT JOIN calls AS c ON c.id = j.call_id
    ORDER BY julianday(j.created_at), j.id
"""
_WRITE_BUFFER = 1 << 20
_OWN_SUFFIXES = ("", "-wal", "-shm", "-journal")
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}

NO_JOURNAL = _("There is no journal on this computer yet, so there is nothing to export.")
FULL = _(
    "The disk is full, so the export could not be written. Free up some space and try "
    "again; nothing was left behind."
)
NOT_WRITABLE = _(
    "Companion can't write to {folder}. Choose a folder of your own, such as Documents."
)
NO_FOLDER = _("The folder {folder} doesn't exist. Choose another folder.")
IS_FOLDER = _("{path} is a folder. Choose a file name for the export.")
OWN_FILE = _("That is where Companion keeps your journal. Choose another name for the export.")
OTHER = _("The export could not be written to {folder} ({reason}). Nothing was left behind.")


def export_journal(
    conn: sqlite3.Connection, path: Path, fmt: ExportFormat, now: datetime
) -> ExportResult:
    """Write every entry in ``conn``'s journal to ``path``; raise ExportFailed or
    StorageUnavailable (with the agent's words) and leave nothing behind on failure."""
    path = Path(os.path.abspath(path))
    refuse_own_files(conn, path)
    with private_temp_file(path) as out, storage_errors(), snapshot(conn):
        total = conn.execute("SELECT count(*) FROM journal").fetchone()[0]
        rows = conn.execute(_ROWS)
        if fmt is ExportFormat.MARKDOWN:
            written = write_markdown(out, rows, total, now)
        else:
            written = write_json_lines(out, rows, total, now)
    log.info("journal exported: %d entries, %s", written, fmt.value)
    return ExportResult(path=path, entries=written, size_bytes=path.stat().st_size)


def export_from_folder(
    database: Path, path: Path, fmt: ExportFormat, now: datetime, key: JournalKey | None = None
) -> ExportResult:
    """Export the journal file ``database`` without the app: opened read-only (with ``key``
    when it is encrypted), so an export never changes the journal, and beside a running
    Companion (WAL lets both read). The file written is plain: the agent chose where."""
    with read_only(database, key) as conn:
        return export_journal(conn, path, fmt, now)


@contextlib.contextmanager
def read_only(database: Path, key: JournalKey | None) -> Iterator[sqlite3.Connection]:
    """The journal file ``database`` opened read-only for an export without the app."""
    if not database.is_file():
        raise ExportFailed(NO_JOURNAL)
    if key is None and driver.looks_encrypted(database):
        raise KeyNeeded.of(database)
    conn = _open_read_only(database, key)
    try:
        yield conn
    finally:
        conn.close()


def _open_read_only(database: Path, key: JournalKey | None) -> sqlite3.Connection:
    uri = Path(os.path.abspath(database)).as_uri() + "?mode=ro"
    with storage_errors():
        conn = driver.connect(uri, key, uri=True)
    try:
        with _wrong_key_told(database, key), storage_errors():
            conn.execute(f"PRAGMA busy_timeout = {DEFAULT_BUSY_TIMEOUT_MS};")
            journal = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal'"
            ).fetchone()
            if not applied_migrations(conn) or journal is None:
                raise ForeignJournal(FOREIGN)
            refuse_newer(conn)
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def _wrong_key_told(database: Path, key: JournalKey | None) -> Iterator[None]:
    """ "Not a database" from an encrypted file and a key means the key does not fit it."""
    try:
        yield
    except DamagedJournal:
        if key is not None and driver.looks_encrypted(database):
            raise WrongKey.of(database, key) from None
        raise


@contextlib.contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, so the count in the header is the number of entries written
    even while the running app saves. (Inside the app's own transaction, that one serves.)"""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.rollback()  # nothing was written: ending the read is all this does


def refuse_own_files(conn: sqlite3.Connection, path: Path) -> None:
    """Never replace the journal (or its WAL) with an export of it."""
    with storage_errors():
        files = [row[2] for row in conn.execute("PRAGMA database_list") if row[2]]
    target = os.path.realpath(path)
    for name in files:
        if any(target == os.path.realpath(name + suffix) for suffix in _OWN_SUFFIXES):
            raise ExportFailed(OWN_FILE)


@contextlib.contextmanager
def private_temp_file(path: Path) -> Iterator[TextIO]:
    """A 0600 temp file beside ``path``, moved onto it only when everything was written and
    reached the disk; removed on any failure (or interruption) before that."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _failure(error, path) from error
    temp = Path(temp_name)
    try:
        with open(fd, "w", encoding="utf-8", newline="\n", buffering=_WRITE_BUFFER) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _failure(error, path) from error
        raise
    sync_folder(path.parent)


def _failure(error: OSError, path: Path) -> ExportFailed:
    log.warning("journal export failed: %s", error.strerror or error)
    folder = path.parent
    if error.errno in _FULL_ERRNOS:
        return ExportFailed(FULL)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportFailed(NOT_WRITABLE.format(folder=folder))
    if error.errno in (errno.ENOENT, errno.ENOTDIR) and not folder.is_dir():
        return ExportFailed(NO_FOLDER.format(folder=folder))
    if error.errno in (errno.ENOENT, errno.ENOTDIR):  # a folder files can't be made in
        return ExportFailed(NOT_WRITABLE.format(folder=folder))
    if error.errno == errno.EISDIR or path.is_dir():
        return ExportFailed(IS_FOLDER.format(path=path))
    return ExportFailed(OTHER.format(folder=folder, reason=error.strerror or error))

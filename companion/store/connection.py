"""The journal's connection on the hot path: one DB-API connection (see driver) and a few helpers.

Opening the journal, and every insert and query a tag, a break or a journal save makes, need
nothing more. sqlite-utils (which brings click, dateutil and pluggy: about 13 MB and 70 ms) is
imported only where it earns its place, in ``migrations`` when the schema has to change.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companion.core.journal_key import JournalKey
from companion.store import driver

if TYPE_CHECKING:
    # sqlcipher3 is pysqlite's code: its objects have these types' shape (it ships no hints).
    import sqlite3

Params = Sequence[Any] | dict[str, Any]
#: Savepoint names need only differ from the ones open; ``secrets`` would load hashlib for this.
_SAVEPOINTS = itertools.count(1)


class Connection:
    """One SQLite connection in autocommit mode: a statement outside ``atomic()`` commits at
    once, one inside it is part of the block's transaction (as with sqlite-utils' Database,
    whose ``execute``, ``query``, ``atomic`` and ``conn`` these mirror)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        # No transaction is open yet, so this only stops the driver opening implicit ones.
        conn.isolation_level = None
        self.conn = conn

    def execute(self, sql: str, parameters: Params | None = None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)

    def query(self, sql: str, parameters: Params | None = None) -> Generator[dict[str, Any]]:
        """Run ``sql`` now; its rows as dicts, read as the generator is (closing it finishes
        the statement)."""
        return _rows(self.execute(sql, parameters))

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """A transaction, or a savepoint inside one; rolled back if the block raises."""
        if self.conn.in_transaction:
            savepoint = f"companion_{next(_SAVEPOINTS)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # An error such as a full disk can end the whole transaction, savepoint and all.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @property
    def journal_mode(self) -> str:
        return str(self.execute("PRAGMA journal_mode").fetchone()[0])

    def enable_wal(self) -> None:
        """Write-ahead logging; the mode can only change outside a transaction."""
        if self.journal_mode != "wal":
            self.execute("PRAGMA journal_mode = wal")

    def table_names(self) -> list[str]:
        rows = self.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return [row[0] for row in rows]

    def close(self) -> None:
        self.conn.close()


def _rows(cursor: sqlite3.Cursor) -> Generator[dict[str, Any]]:
    keys = [column[0] for column in cursor.description or ()]
    try:
        for row in cursor:
            yield dict(zip(keys, row, strict=True))
    finally:
        cursor.close()


def connect(
    path: Path | str, key: JournalKey | None = None, *, uri: bool = False, cipher: bool = False
) -> Connection:
    """A connection to the file at ``path`` (or a ``file:`` URI), keyed with ``key`` if given;
    created if missing. ``cipher``: see ``driver.connect``."""
    return _prepared(Connection(driver.connect(path, key, uri=uri, cipher=cipher)))


def connect_memory(*, cipher: bool = False) -> Connection:
    """A database that lives only as long as its connection (through sqlcipher3 with
    ``cipher``, so a keyed process loads one driver; memory is never written to disk)."""
    return _prepared(Connection(driver.connect(":memory:", cipher=cipher)))


def _prepared(db: Connection) -> Connection:
    # What sqlite-utils' Database did to every connection Companion opened before: kept, so a
    # trigger behaves as it always has.
    db.execute("PRAGMA recursive_triggers = ON")
    return db

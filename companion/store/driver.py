"""Which DB-API module opens the journal's files, how a key reaches it, and the errors it raises.

With a key every file is opened by sqlcipher3 (SQLCipher, issue #9); without one by the standard
library's sqlite3, exactly as before. A keyed process also reads the plain files it encrypts
through sqlcipher3 (opened without a key it is plain SQLite), so only one driver is ever loaded:
each costs memory for as long as Companion runs (sqlcipher3 about 7.7 MB, both together more).
Neither is imported until a connection is wanted.

``sqlcipher3.Error`` is not a ``sqlite3.Error``: catch ``errors()``, never one module's Error.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

from companion.core.journal_key import JournalKey

if TYPE_CHECKING:
    import sqlite3

#: SQLite's result codes (the same in both modules; read here so neither has to be loaded).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

#: The first bytes of every plain SQLite file; an encrypted one starts with its random salt.
PLAIN_HEADER = b"SQLite format 3\x00"
#: SQLCipher 4's page size: an encrypted file is a whole number of these.
CIPHER_PAGE_SIZE = 4096
_DRIVERS = ("sqlite3", "sqlcipher3")


def sqlcipher() -> ModuleType:
    """sqlcipher3, imported on first use; sqlite-utils is pointed at it too.

    sqlite-utils imports ``pysqlite3`` when it can, in place of the standard library's module,
    so that its own ``except sqlite3.…`` clauses catch this driver's errors (ECOSYSTEM.md).
    """
    import sqlcipher3  # type: ignore[import-untyped]
    import sqlcipher3.dbapi2  # type: ignore[import-untyped]

    if "sqlite_utils" not in sys.modules:
        sys.modules.setdefault("pysqlite3", sqlcipher3)
        sys.modules.setdefault("pysqlite3.dbapi2", sqlcipher3.dbapi2)
    return cast(ModuleType, sqlcipher3)


def errors() -> tuple[type[Exception], ...]:
    """The Error class of each driver loaded so far: a driver not loaded raised nothing."""
    found = tuple(sys.modules[name].Error for name in _DRIVERS if name in sys.modules)
    return found or (_NeverRaised,)


class _NeverRaised(Exception):
    """Stands in for the drivers' errors before either is loaded (an empty except tuple is odd)."""


def connect(
    target: Path | str, key: JournalKey | None = None, *, uri: bool = False, cipher: bool = False
) -> sqlite3.Connection:
    """A connection to ``target`` (a path, a ``file:`` URI or ``:memory:``), keyed with ``key``.

    ``cipher`` opens an unkeyed file with sqlcipher3 all the same: the plain journal being
    encrypted, or the temporary journal of a keyed process (it never reaches a disk).
    A wrong key raises nothing here; the first read does (SQLITE_NOTADB).
    """
    if key is None and not cipher:
        import sqlite3

        return sqlite3.connect(target, uri=uri)
    conn = cast("sqlite3.Connection", sqlcipher().connect(str(target), uri=uri))
    try:
        # Before the key: SQLCipher would otherwise print "hmac check failed" to stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = {key_literal(key)}")
    except BaseException:
        conn.close()
        raise
    return conn


def key_literal(key: JournalKey) -> str:
    """The SQL text that gives ``key`` to SQLCipher: a raw key as ``"x'<hex>'"`` (used as it
    is), a passphrase as a quoted string (stretched by SQLCipher's PBKDF2)."""
    if key.derived:
        return "'" + key.secret.replace("'", "''") + "'"
    if not key.secret or not set(key.secret) <= set(string.hexdigits):
        raise ValueError("a raw journal key is hex digits")  # never the text itself
    return f"\"x'{key.secret}'\""


def is_plain(path: Path) -> bool:
    """Whether ``path`` starts like a plain SQLite file (False when missing or empty)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def looks_encrypted(path: Path) -> bool:
    """Not plain, and whole pages of SQLCipher's size: what an encrypted journal looks like.

    Without the key an encrypted file can't be told from random bytes; its size is the one
    hint. Text, a truncated file or another program's file fail it and are judged damaged.
    """
    size = path.stat().st_size
    return size > 0 and size % CIPHER_PAGE_SIZE == 0 and not is_plain(path)

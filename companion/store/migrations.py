"""The journal's schema as named, append-only migrations: never edit one that has shipped.

A later migration that calls ``table.transform()`` must re-create the journal's FTS
triggers afterwards, because transform drops them (sqlite-utils issues #611, #849). One that
re-creates ``journal_fts`` must keep the prefix index of m007: sqlite-utils' ``enable_fts``
knows no ``prefix`` option, so ``enable_fts(replace=True)`` would silently drop it.

Whether any migration is pending is read with plain SQL at every start; sqlite-utils (its
``Migrations`` and ``enable_fts``) is imported only when one is, or when a test asks for
``migration_set()``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from companion.core.i18n import _
from companion.core.ports import StorageUnavailable
from companion.store.connection import Connection

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

#: sqlite-utils' name for this set of migrations, and the table where it records them.
MIGRATION_SET = "companion"
MIGRATIONS_TABLE = "_sqlite_migrations"

_STEPS: list[Callable[[Database], None]] = []


class _Executes(Protocol):
    """Our Connection, a sqlite-utils Database or a plain sqlite3 connection."""

    def execute(self, sql: str, parameters: Sequence[Any], /) -> sqlite3.Cursor: ...


def _migration(step: Callable[[Database], None]) -> Callable[[Database], None]:
    """Registers a step under its function's name; the order of definition is the order run."""
    _STEPS.append(step)
    return step


#: Porter stems ("shouting" finds "shouted"); remove_diacritics 2 lets "cafe" find "café".
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"

NEWER_JOURNAL = _(
    "Your journal was saved by a newer version of Companion, so this one can't open it. "
    "Please update Companion; your journal has not been changed."
)


@_migration
def m001_calls(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            tagged_at TEXT NOT NULL,
            reason TEXT,
            intensity INTEGER,
            case_ref TEXT,
            note TEXT
        );
        CREATE INDEX idx_calls_tagged_at ON calls (tagged_at);
        """
    )


@_migration
def m002_breaks(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE breaks (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            pattern_key TEXT NOT NULL,
            planned_seconds REAL NOT NULL,
            actual_seconds REAL NOT NULL,
            outcome TEXT NOT NULL,
            call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
            mood_before INTEGER,
            mood_after INTEGER
        );
        CREATE INDEX idx_breaks_started_at ON breaks (started_at);
        CREATE INDEX idx_breaks_call_id ON breaks (call_id);
        """
    )


@_migration
def m003_journal(db: Database) -> None:
    # tags hold a JSON list: lossless for any tag, and the FTS tokenizer skips the brackets.
    db.executescript(
        """
        CREATE TABLE journal (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            body TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
            mood INTEGER,
            prompt TEXT
        );
        CREATE INDEX idx_journal_created_at ON journal (created_at);
        CREATE INDEX idx_journal_call_id ON journal (call_id);
        """
    )
    db.table("journal").enable_fts(["body", "tags"], create_triggers=True, tokenize=FTS_TOKENIZE)


@_migration
def m004_drafts(db: Database) -> None:
    # No foreign keys: a draft must survive its call or entry being deleted, so the words
    # can still be saved as a new entry.
    db.executescript(
        """
        CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            call_id INTEGER,
            entry_id INTEGER,
            prompt TEXT,
            saved_at TEXT NOT NULL
        );
        """
    )


@_migration
def m005_reminders(db: Database) -> None:
    # notified_at on the callback itself: a snooze moves due_at past it, so it is due again.
    db.executescript(
        """
        CREATE TABLE callbacks (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            due_at TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            case_ref TEXT,
            call_id INTEGER REFERENCES calls (id) ON DELETE SET NULL,
            done_at TEXT,
            notified_at TEXT
        );
        CREATE INDEX idx_callbacks_open ON callbacks (done_at, due_at);
        CREATE TABLE reminders_sent (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            sent_at TEXT NOT NULL
        );
        CREATE INDEX idx_reminders_sent_at ON reminders_sent (sent_at);
        CREATE TABLE reminder_state (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        """
    )


@_migration
def m006_journal_newest_first(db: Database) -> None:
    # The list's ORDER BY julianday(created_at) (exact across UTC offsets) read every entry
    # and sorted them: about a second at 100,000 entries. This index lets it read 200.
    db.execute("CREATE INDEX idx_journal_newest ON journal (julianday(created_at))")


@_migration
def m007_journal_prefix_index(db: Database) -> None:
    # Search takes the last word as a prefix while it is typed. Without a prefix index FTS5
    # merges the lists of every term that starts with it, once to find the matches and once
    # more for bm25: at 100,000 entries 110 ms for one letter, 10 ms for a common word. With
    # one, a prefix of 1 to 8 characters costs what a whole word does; the search index
    # grows about sixfold, the journal file about twofold (bench/journal_scale.py, 100,000
    # entries: 69 -> 132 MB). FTS5 cannot add it to a table, so the index is
    # dropped, created and rebuilt from the journal within this migration's transaction:
    # interrupted, it rolls back to the old index. The triggers name the table, so they
    # carry on.
    db.execute("DROP TABLE journal_fts")
    db.execute(
        f"""
        CREATE VIRTUAL TABLE "journal_fts" USING FTS5 (
            "body", "tags",
            tokenize='{FTS_TOKENIZE}',
            prefix='1 2 3 4 5 6 7 8',
            content="journal"
        )
        """
    )
    db.execute("INSERT INTO journal_fts (journal_fts) VALUES ('rebuild')")


@_migration
def m008_drafts_mood(db: Database) -> None:
    # The mood chosen in the editor (or carried over from the break) is kept with the words;
    # drafts saved before have none, as if it had not been chosen.
    db.execute("ALTER TABLE drafts ADD COLUMN mood INTEGER")


@_migration
def m009_breaks_planned_at_start(db: Database) -> None:
    # planned_seconds is the plan as the break ended, with every "+30 s"; this is the plan it
    # began with. Unknown (NULL) for breaks saved before.
    db.execute("ALTER TABLE breaks ADD COLUMN planned_at_start_seconds REAL")


@_migration
def m010_app_lock(db: Database) -> None:
    # The optional app lock's verifier (companion.core.lock_passphrase), kept inside the
    # journal so that it is encrypted with it; one row at most.
    db.execute(
        "CREATE TABLE app_lock (id INTEGER PRIMARY KEY CHECK (id = 1), verifier TEXT NOT NULL)"
    )


@_migration
def m011_insights(db: Database) -> None:
    # Insights (issue #16) read a week or a few of calls, breaks and callbacks by instant
    # (julianday: exact across UTC offsets, which the text is not); these indexes let them read
    # just those rows of a year's. The calls' one holds the text too, so the per-day counts
    # of the usual (substr of it) are read from the index alone.
    # snoozes: how often a callback was snoozed. A count rather than a first due time: an
    # edit of the time is not a snooze, and the count says how often. NULL for callbacks saved
    # before: not known.
    db.executescript(
        """
        CREATE INDEX idx_calls_instant ON calls (julianday(tagged_at), tagged_at);
        CREATE INDEX idx_breaks_instant ON breaks (julianday(started_at));
        CREATE INDEX idx_callbacks_due ON callbacks (julianday(due_at));
        ALTER TABLE callbacks ADD COLUMN snoozes INTEGER;
        """
    )


@functools.cache
def migration_set() -> Migrations:
    """The steps as sqlite-utils' named, append-only ``Migrations`` (imported here, not before)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for step in _STEPS:
        migrations()(step)
    return migrations


def known_migrations() -> list[str]:
    """The names this code knows, in the order they run."""
    return [step.__name__ for step in _STEPS]


def applied_migrations(db: _Executes) -> list[str]:
    """The names recorded as applied to ``db``, in the order they were (none in a new file)."""
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if found is None:
        return []
    rows = db.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    ).fetchall()
    return [row[0] for row in rows]


def refuse_newer(db: _Executes) -> None:
    """A migration this code doesn't know means a newer Companion wrote the journal: hands off.

    Opening it anyway could write rows an older schema misunderstands; the agent is better
    served by a clear message and an untouched file.
    """
    _refuse_unknown(applied_migrations(db))


def migrate(db: Connection | Database) -> None:
    """Bring the schema up to date; each migration runs in its own transaction."""
    applied = applied_migrations(db)
    _refuse_unknown(applied)
    if set(known_migrations()) <= set(applied):
        return
    migration_set().apply(_as_sqlite_utils(db))


def _refuse_unknown(applied: list[str]) -> None:
    known = set(known_migrations())
    if any(name not in known for name in applied):
        raise StorageUnavailable(NEWER_JOURNAL)


def _as_sqlite_utils(db: Connection | Database) -> Database:
    """sqlite-utils' Database over the same connection (it is one already in some tests)."""
    from sqlite_utils import Database

    if isinstance(db, Database):
        return db
    return Database(db.conn, execute_plugins=False)

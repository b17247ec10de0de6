"""The schema: built from empty, upgraded, re-opened without change, a newer journal left alone."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.journal import Draft, JournalEntry
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.core.reminders import Callback
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.connection import Connection
from companion.store.database import open_database
from companion.store.drafts_repo import SqliteDraftStore
from companion.store.journal_repo import SqliteJournalRepository
from companion.store.migrations import (
    FTS_TOKENIZE,
    NEWER_JOURNAL,
    known_migrations,
    migrate,
    migration_set,
)
from companion.store.reminders_repo import SqliteReminderRepository
from tests.fakes import T0

SHIPPED = [
    "m001_calls",
    "m002_breaks",
    "m003_journal",
    "m004_drafts",
    "m005_reminders",
    "m006_journal_newest_first",
    "m007_journal_prefix_index",
    "m008_drafts_mood",
    "m009_breaks_planned_at_start",
]
PREFIX_INDEX = "m007_journal_prefix_index"
REPO = Path(__file__).resolve().parents[3]
WORDS = (
    *("supervisor", "shouted", "angry", "caller", "refund", "café", "thank-you", "headset"),
    *("interrupted", "calm", "password", "escalated", "tired", "proud", "colleague", "lunch"),
)
#: Whole words, two words, and words part-typed, shorter and longer than the prefix index.
QUERIES = (
    *("s", "su", "sup", "supe", "superv", "supervis", "supervisor", "interrupted", "angry"),
    *("shout", "refund cal", "cafe", "thank-y", "hard", "tired proud", "zzz"),
)


def utils(db: Connection | Database) -> Database:
    """sqlite-utils' view of the same connection, to check the schema with its own eyes."""
    return db if isinstance(db, Database) else Database(db.conn, execute_plugins=False)


def names(db: Connection, kind: str) -> set[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind]).fetchall()
    return {row[0] for row in rows}


def add_migration_row(path: Path, migration_set: str, name: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [migration_set, name, "2030-01-01 00:00:00+00:00"],
        )
    conn.close()


def test_shipped_migrations_are_never_renamed_or_reordered() -> None:
    assert known_migrations()[: len(SHIPPED)] == SHIPPED


def test_an_empty_file_gets_every_table_index_and_the_search_index(db: Connection) -> None:
    assert {"calls", "breaks", "journal", "drafts", "journal_fts"} <= set(db.table_names())
    assert {
        "idx_calls_tagged_at",
        "idx_breaks_started_at",
        "idx_journal_created_at",
    } <= names(db, "index")
    assert {"journal_ai", "journal_ad", "journal_au"} <= names(db, "trigger")
    assert FTS_TOKENIZE in utils(db).table("journal_fts").schema


def test_the_connection_is_durable_and_checks_links(db: Connection) -> None:
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 3000


def test_reopening_applies_nothing_twice_and_keeps_the_data(db_path: Path) -> None:
    first = open_database(db_path)
    first.execute("INSERT INTO calls (tagged_at) VALUES ('2026-11-24T10:00:00+00:00')")
    first.close()

    again = open_database(db_path)
    applied = [row["name"] for row in again.query("SELECT name FROM _sqlite_migrations")]
    assert applied == known_migrations()
    assert again.execute("SELECT count(*) FROM calls").fetchone()[0] == 1
    again.close()


def test_a_journal_from_a_newer_companion_is_refused_and_left_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    add_migration_row(db_path, "companion", "m999_from_the_future")
    before = db_path.read_bytes()

    with pytest.raises(StorageUnavailable) as caught:
        open_database(db_path)

    assert str(caught.value) == NEWER_JOURNAL
    assert db_path.read_bytes() == before


def test_migrations_of_another_set_are_not_taken_for_a_newer_companion(db_path: Path) -> None:
    open_database(db_path).close()
    add_migration_row(db_path, "someone_else", "m999_theirs")

    open_database(db_path).close()


def journal_before_prefix_index(path: Path) -> dict[str, list[int | None]]:
    """A journal as Companion left it before m007, with entries; what each query found."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path, execute_plugins=False)
    db.enable_wal()
    migration_set().apply(db, stop_before=PREFIX_INDEX)
    repo = SqliteJournalRepository(Connection(db.conn))
    rng = random.Random(7)
    for index in range(60):
        moment = T0 + timedelta(minutes=index)
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 12)))
        tags = ("hard call",) if index % 3 == 0 else ()
        repo.save(JournalEntry(body=body, created_at=moment, updated_at=moment, tags=tags))
    found = search_all(repo)
    db.close()
    return found


def search_all(repo: SqliteJournalRepository) -> dict[str, list[int | None]]:
    """Entry ids in the order shown: which entries and how they rank."""
    return {query: [item.entry.id for item in repo.search(query)] for query in QUERIES}


def assert_upgraded_on_next_open(db_path: Path, before: dict[str, list[int | None]]) -> None:
    """The interrupted upgrade runs again on the next start and finds what it found before."""
    again = open_database(db_path)
    assert PREFIX_INDEX in applied(again)
    assert search_all(SqliteJournalRepository(again)) == before
    again.close()


def applied(db: Connection | Database) -> list[str]:
    return [migration.name for migration in migration_set().applied(utils(db))]


def test_the_prefix_index_upgrade_keeps_every_entry_found_and_ranked_alike(
    db_path: Path,
) -> None:
    before = journal_before_prefix_index(db_path)
    assert before["s"] and before["supervis"] and before["refund cal"]  # the queries find

    db = open_database(db_path)
    repo = SqliteJournalRepository(db)

    assert PREFIX_INDEX in applied(db)
    assert "prefix='1 2 3 4 5 6 7 8'" in utils(db).table("journal_fts").schema
    assert search_all(repo) == before
    db.execute("INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)")
    db.close()


def test_after_the_upgrade_edits_and_deletes_still_reach_the_index(db_path: Path) -> None:
    journal_before_prefix_index(db_path)
    db = open_database(db_path)
    repo = SqliteJournalRepository(db)
    [first, *_] = repo.search("supervisor")
    entry = repo.get(first.entry.id or 0)
    assert entry is not None

    repo.save(replace(entry, body="Quietly rewritten."))
    assert [item.entry.id for item in repo.search("quiet")] == [entry.id]
    repo.delete(entry.id or 0)
    assert repo.search("quiet") == []
    db.close()


class Interrupted(Exception):
    pass


def test_a_failed_prefix_index_upgrade_leaves_the_old_index_and_is_tried_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = journal_before_prefix_index(db_path)
    db = Database(db_path, execute_plugins=False)
    execute = db.execute

    def failing_rebuild(sql: str, *args: object) -> object:
        if "'rebuild'" in sql:
            raise Interrupted  # e.g. the disk filled up halfway through
        return execute(sql, *args)

    monkeypatch.setattr(db, "execute", failing_rebuild)
    with pytest.raises(Interrupted):
        migrate(db)
    monkeypatch.undo()

    assert PREFIX_INDEX not in applied(db)
    assert "prefix=" not in db.table("journal_fts").schema
    assert search_all(SqliteJournalRepository(Connection(db.conn))) == before
    db.close()
    assert_upgraded_on_next_open(db_path, before)


KILLED_IN_REBUILD = """
import os, sys
from sqlite_utils import Database
from companion.store.migrations import migrate
db = Database(sys.argv[1], execute_plugins=False)
execute = db.execute
def dying(sql, *args):
    if "'rebuild'" in sql:
        os._exit(9)
    return execute(sql, *args)
db.execute = dying
migrate(db)
"""


def test_a_prefix_index_upgrade_killed_halfway_is_rolled_back(db_path: Path) -> None:
    before = journal_before_prefix_index(db_path)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_IN_REBUILD, str(db_path)], cwd=REPO, timeout=60
    )
    assert killed.returncode == 9

    db = Database(db_path, execute_plugins=False)
    assert PREFIX_INDEX not in applied(db)
    assert search_all(SqliteJournalRepository(Connection(db.conn))) == before
    db.close()
    assert_upgraded_on_next_open(db_path, before)


def test_a_journal_from_before_reminders_upgrades_and_keeps_its_calls_and_breaks(
    db_path: Path,
) -> None:
    """A database left at m004 (Companion before reminders) gets m005 on the next start; its
    calls and breaks are what the first nudge and the first reflection count."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    old = Database(db_path, execute_plugins=False)
    old.enable_wal()
    migration_set().apply(old, stop_before="m005_reminders")
    assert "callbacks" not in old.table_names()
    # Rows as Companion of that time wrote them: today's repositories know later columns.
    old.execute("INSERT INTO calls (tagged_at, case_ref) VALUES (?, '4711')", [T0.isoformat()])
    old.execute(
        "INSERT INTO breaks (started_at, pattern_key, planned_seconds, actual_seconds, outcome,"
        " call_id) VALUES (?, 'sigh', 60.0, 60.0, 'completed', 1)",
        [T0.isoformat()],
    )
    old.close()

    db = open_database(db_path)
    assert "m005_reminders" in applied(db)
    assert {"callbacks", "reminders_sent", "reminder_state"} <= set(db.table_names())
    repo = SqliteReminderRepository(db)
    later = T0 + timedelta(hours=2)
    stored = repo.add_callback(Callback(later, "Refund", T0, case_ref="4711", call_id=1))
    history = repo.history(T0 - timedelta(hours=1))
    assert history.calls == (T0,) and history.breaks == (T0,)
    assert history.callbacks == (stored,) and stored.call_id == 1
    assert history.sent == () and history.paused_until is None
    assert repo.day_numbers(T0, later).calls == 1
    db.close()


def test_drafts_from_before_the_mood_column_keep_their_words_and_get_none(
    db_path: Path,
) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    old = Database(db_path, execute_plugins=False)
    migration_set().apply(old, stop_before="m008_drafts_mood")
    old.execute(
        "INSERT INTO drafts (key, body, tags, call_id, prompt, saved_at)"
        " VALUES ('call:4', 'Half a thought', '[\"angry\"]', 4, 'What now?', ?)",
        [T0.isoformat()],
    )
    old.close()

    db = open_database(db_path)
    drafts = SqliteDraftStore(db)
    assert "m008_drafts_mood" in applied(db)
    assert drafts.load_draft("call:4") == Draft(
        key="call:4",
        body="Half a thought",
        saved_at=T0,
        tags=("angry",),
        call_id=4,
        prompt="What now?",
    )
    drafts.save_draft(Draft(key="new", body="x", saved_at=T0, mood=Mood.LOW))
    loaded = drafts.load_draft("new")
    assert loaded is not None and loaded.mood is Mood.LOW
    db.close()


def test_breaks_from_before_the_plan_at_start_keep_everything_and_get_none(
    db_path: Path,
) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    old = Database(db_path, execute_plugins=False)
    migration_set().apply(old, stop_before="m009_breaks_planned_at_start")
    old.execute(
        "INSERT INTO breaks (started_at, pattern_key, planned_seconds, actual_seconds, outcome,"
        " mood_before) VALUES (?, 'box', 96.0, 40.5, 'ended_early', 2)",
        [T0.isoformat()],
    )
    old.close()

    db = open_database(db_path)
    breaks = SqliteBreakRepository(db)
    assert "m009_breaks_planned_at_start" in applied(db)
    assert breaks.latest() == BreakRecord(
        started_at=T0,
        pattern_key="box",
        planned_seconds=96.0,
        actual_seconds=40.5,
        outcome=BreakOutcome.ENDED_EARLY,
        mood_before=Mood.LOW,
        id=1,
    )
    db.close()

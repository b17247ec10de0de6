"""The schema: built from empty, re-opened without change, and a newer journal left alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from companion.core.ports import StorageUnavailable
from companion.store.database import open_database
from companion.store.migrations import FTS_TOKENIZE, NEWER_JOURNAL, known_migrations

SHIPPED = ["m001_calls", "m002_breaks", "m003_journal", "m004_drafts"]


def names(db: Database, kind: str) -> set[str]:
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


def test_an_empty_file_gets_every_table_index_and_the_search_index(db: Database) -> None:
    assert {"calls", "breaks", "journal", "drafts", "journal_fts"} <= set(db.table_names())
    assert {
        "idx_calls_tagged_at",
        "idx_breaks_started_at",
        "idx_journal_created_at",
    } <= names(db, "index")
    assert {"journal_ai", "journal_ad", "journal_au"} <= names(db, "trigger")
    assert FTS_TOKENIZE in db.table("journal_fts").schema


def test_the_connection_is_durable_and_checks_links(db: Database) -> None:
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

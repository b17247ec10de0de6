"""The hot path's connection: transactions as sqlite-utils' were, and no sqlite-utils to open."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from companion.store.connection import Connection, connect
from companion.store.migrations import applied_migrations, known_migrations, migration_set

REPO = Path(__file__).resolve().parents[3]


class Boom(Exception):
    pass


@pytest.fixture
def notes(tmp_path: Path) -> Iterator[Connection]:
    db = connect(tmp_path / "notes.db")
    db.execute("CREATE TABLE notes (text TEXT)")
    yield db
    db.close()


def others_see(path: Path) -> list[str]:
    with sqlite3.connect(path) as other:
        rows = [row[0] for row in other.execute("SELECT text FROM notes ORDER BY rowid")]
    other.close()
    return rows


def test_a_statement_outside_a_block_commits_at_once(notes: Connection, tmp_path: Path) -> None:
    notes.execute("INSERT INTO notes VALUES ('kept')")

    assert not notes.conn.in_transaction
    assert others_see(tmp_path / "notes.db") == ["kept"]


def test_a_block_commits_together_or_not_at_all(notes: Connection, tmp_path: Path) -> None:
    with notes.atomic():
        notes.execute("INSERT INTO notes VALUES ('one')")
        assert others_see(tmp_path / "notes.db") == []
        notes.execute("INSERT INTO notes VALUES ('two')")
    with pytest.raises(Boom), notes.atomic():
        notes.execute("INSERT INTO notes VALUES ('lost')")
        raise Boom

    assert not notes.conn.in_transaction
    assert others_see(tmp_path / "notes.db") == ["one", "two"]


def test_a_failed_inner_block_undoes_only_itself(notes: Connection, tmp_path: Path) -> None:
    with notes.atomic():
        notes.execute("INSERT INTO notes VALUES ('outer')")
        with pytest.raises(Boom), notes.atomic():
            notes.execute("INSERT INTO notes VALUES ('inner')")
            raise Boom
        with notes.atomic():
            notes.execute("INSERT INTO notes VALUES ('second inner')")

    assert others_see(tmp_path / "notes.db") == ["outer", "second inner"]


def test_rows_read_as_dicts(notes: Connection) -> None:
    notes.execute("INSERT INTO notes VALUES ('a')")

    assert list(notes.query("SELECT text, 1 AS n FROM notes")) == [{"text": "a", "n": 1}]


def test_the_applied_migrations_read_as_sqlite_utils_recorded_them(db: Connection) -> None:
    recorded = migration_set().applied(Database(db.conn, execute_plugins=False))

    assert applied_migrations(db) == [migration.name for migration in recorded]
    assert applied_migrations(db) == known_migrations()


OPEN_AND_SAVE = """
import sys
from pathlib import Path
from companion.core.calls import DifficultCall
from companion.store.storage import open_storage
from tests.fakes import T0
storage = open_storage(Path(sys.argv[1]))
assert not storage.warnings, storage.warnings
storage.calls.add(DifficultCall(tagged_at=T0))
print(len(storage.calls.recent()), "sqlite_utils" in sys.modules)
"""


def test_sqlite_utils_is_imported_only_to_change_the_schema(tmp_path: Path) -> None:
    def open_and_save() -> str:
        done = subprocess.run(
            [sys.executable, "-c", OPEN_AND_SAVE, str(tmp_path)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return done.stdout.split()

    assert open_and_save() == ["1", "True"]  # a new journal: the migrations ran
    assert open_and_save() == ["2", "False"]  # up to date: opened and saved with sqlite3 alone

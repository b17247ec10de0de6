"""Databases for the store tests: a private file under tmp_path, or one in memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.store.connection import Connection
from companion.store.database import open_database, open_memory_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Connection]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def memory_db() -> Iterator[Connection]:
    database = open_memory_database()
    yield database
    database.close()

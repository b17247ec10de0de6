"""Start-up: the journal in the data folder, or a temporary one and a warning when it can't open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from companion.core.calls import DifficultCall
from companion.store import database
from companion.store.migrations import NEWER_JOURNAL
from companion.store.storage import open_storage
from companion.system import paths
from tests.fakes import T0


def test_the_journal_is_the_file_the_paths_module_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    data_dir = paths.data_dir()

    storage = open_storage(data_dir)
    storage.calls.add(DifficultCall(tagged_at=T0))
    storage.close()

    assert storage.warnings == ()
    with sqlite3.connect(paths.database_path(data_dir)) as conn:
        assert conn.execute("SELECT count(*) FROM calls").fetchone() == (1,)
    conn.close()


def test_a_newer_journal_is_named_in_the_warning(tmp_path: Path) -> None:
    open_storage(tmp_path).close()
    with sqlite3.connect(paths.database_path(tmp_path)) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('companion', 'm999_later', '')"
        )
    conn.close()

    storage = open_storage(tmp_path)

    assert storage.warnings[0].startswith(NEWER_JOURNAL)
    storage.close()


def test_both_modules_agree_on_the_file_name() -> None:
    assert paths.DATABASE_FILENAME == database.DATABASE_FILENAME


def test_the_lock_verifier_is_one_row_kept_until_cleared(tmp_path: Path) -> None:
    storage = open_storage(tmp_path)
    assert storage.lock_verifier.get() is None
    storage.lock_verifier.set("scrypt$first")
    storage.lock_verifier.set("scrypt$second")
    storage.close()

    again = open_storage(tmp_path)
    assert again.lock_verifier.get() == "scrypt$second"
    again.lock_verifier.clear()
    assert again.lock_verifier.get() is None
    again.close()

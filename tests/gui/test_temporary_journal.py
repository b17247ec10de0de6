"""On a temporary journal the app says so to a command, tries the file again, and moves what
was written into it once it opens, at a moment no window holds a row of it."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from companion.app import CompanionApp
from companion.app_messages import REOPENED_TEXT, TEMPORARY_TEXT
from companion.core.commands import Action, Command, Outcome, Reply
from companion.flows.journal_retry import JournalRetry
from companion.store import database
from companion.store.storage import open_storage
from tests.gui.app_helpers import Told, close_everything, companion, data_dir, start_app

__all__ = ["companion", "data_dir"]  # fixtures


@pytest.fixture
def locked(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[sqlite3.Connection]:
    """The journal file, with another program holding its lock (readers wait too)."""
    open_storage(data_dir).close()
    monkeypatch.setattr(
        "companion.store.storage.open_database",
        functools.partial(database.open_database, busy_timeout_ms=50),
    )
    other = sqlite3.connect(data_dir / "journal.db", isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")
    other.execute("BEGIN EXCLUSIVE")
    yield other
    other.close()


@pytest.fixture
def on_temporary(data_dir: Path, locked: sqlite3.Connection) -> Iterator[CompanionApp]:
    app = start_app(open_storage(data_dir), data_dir)
    yield app
    close_everything(app)


def calls_in_file(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "journal.db") as conn:
        rows = [row[0] for row in conn.execute("SELECT case_ref FROM calls ORDER BY id")]
    conn.close()
    return rows


def test_a_tag_on_the_temporary_journal_says_it_is_not_in_the_file(
    on_temporary: CompanionApp,
) -> None:
    reply = on_temporary.handle(Command(Action.TAG, case_ref="CS-1"))

    assert reply == Reply(Outcome.TEMPORARY, TEMPORARY_TEXT)
    assert on_temporary.handle(Command(Action.CALLBACK, when="in 1h")).outcome is Outcome.TEMPORARY


def test_on_the_journal_file_a_tag_is_simply_ok(companion: CompanionApp) -> None:
    assert companion.handle(Command(Action.TAG, case_ref="CS-1")) == Reply(Outcome.OK)
    assert not companion.data.retry.waiting  # no timer at all in the normal state


def test_once_the_file_opens_what_was_written_moves_into_it(
    qtbot: QtBot, on_temporary: CompanionApp, locked: sqlite3.Connection, data_dir: Path
) -> None:
    assert on_temporary.data.retry.waiting
    on_temporary.handle(Command(Action.TAG, case_ref="CS-1"))
    assert not on_temporary.data.try_journal_file()  # still locked
    locked.close()

    assert not on_temporary.data.try_journal_file()  # the break window holds the call's row
    assert on_temporary.breaks.window is not None
    on_temporary.breaks.window.close()
    qtbot.waitUntil(lambda: on_temporary.breaks.window is None)

    assert on_temporary.data.try_journal_file()
    assert calls_in_file(data_dir) == ["CS-1"]
    qtbot.waitUntil(lambda: REOPENED_TEXT in Told.texts)
    assert on_temporary.handle(Command(Action.TAG, case_ref="CS-2")) == Reply(Outcome.OK)
    assert calls_in_file(data_dir) == ["CS-1", "CS-2"]


def test_quitting_on_the_temporary_journal_tries_the_file_one_last_time(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    app = start_app(open_storage(data_dir), data_dir)
    app.handle(Command(Action.TAG, case_ref="CS-9"))
    locked.close()

    close_everything(app)

    assert calls_in_file(data_dir) == ["CS-9"]


def test_each_try_that_fails_waits_twice_as_long_up_to_a_limit(qtbot: QtBot) -> None:
    answers = [False, False, False, True]
    retry = JournalRetry(lambda: answers.pop(0), first_wait_ms=1, longest_wait_ms=3)
    retry.start()

    qtbot.waitUntil(lambda: retry.tries == 4)

    assert retry.waits_ms == [1, 2, 3, 3]
    assert not retry.waiting

"""“Delete all my data” takes calls, breaks, moods and callbacks too: they live in the journal's
database and its backups (asserted here, not assumed), and nothing of them is left after."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.moods import Mood
from companion.core.reminders import Callback
from companion.store.storage import open_storage
from companion.system.data_removal import remove_all
from tests.fakes import T0

NOW = datetime(2026, 11, 24, 10, 0).astimezone()
RECORD_TABLES = {"calls", "breaks", "callbacks", "reminders_sent"}
WIDE = (T0 - timedelta(days=3650), T0 + timedelta(days=3650))


def fill(folder: Path) -> None:
    storage = open_storage(folder, NOW)
    call = storage.calls.add(DifficultCall(T0, reason=Reason.ABUSIVE, case_ref="CS-77"))
    storage.breaks.add(
        BreakRecord(T0, "sigh", 75, 75, BreakOutcome.COMPLETED, call.id, Mood.AWFUL, Mood.OKAY)
    )
    storage.reminders.add_callback(Callback(T0 + timedelta(hours=1), "ring back", T0))
    storage.backups.make_daily(NOW)
    storage.close()


def test_calls_breaks_moods_and_callbacks_are_in_the_files_it_removes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    fill(folder)
    with sqlite3.connect(folder / "journal.db") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert tables >= RECORD_TABLES
        assert conn.execute("SELECT mood_before, mood_after FROM breaks").fetchall() == [(1, 3)]
    backups = list((folder / "backups").iterdir())
    assert backups, "today's copy holds them as well"

    removal = remove_all(folder, folder / "logs")

    assert not removal.failed
    assert not (folder / "journal.db").exists() and not (folder / "backups").exists()
    assert not folder.exists() or not any(folder.rglob("*.db*"))
    reopened = open_storage(folder, NOW)  # a fresh, empty journal in the same place
    try:
        assert reopened.calls.between(*WIDE) == []
        assert reopened.breaks.between(*WIDE) == []
        assert reopened.reminders.callbacks_between(*WIDE) == []
        assert reopened.reminders.open_callbacks() == []
    finally:
        reopened.close()

"""Export of calls, breaks and callbacks: CSV and JSON read back, odd text kept, formulas
guarded, files private, and a failure leaves nothing behind."""

from __future__ import annotations

import csv
import errno
import json
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.journal_export import ExportFailed
from companion.core.moods import Mood
from companion.core.records_export import (
    RecordFormat,
    RecordKind,
    record_targets,
    spreadsheet_safe,
)
from companion.core.reminders import Callback
from companion.store import export as journal_export
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.calls_repo import SqliteCallRepository
from companion.store.connection import Connection
from companion.store.export_records import export_records
from companion.store.reminders_repo import SqliteReminderRepository
from tests.fakes import T0

NOW = T0 + timedelta(days=1)
CSV, JSON = RecordFormat.CSV, RecordFormat.JSON
ODD = [
    "line one\nline two\r\nthree",
    'quotes " and "" and ,commas,',
    "😤 emoji and accents: café",
    '=HYPERLINK("http://x")',
    "+1 and -1 and @SUM(A1)",
    "x" * 2000,
]


def fill(db: Connection, note: str = "Shouted about the bill.") -> None:
    call = SqliteCallRepository(db).add(
        DifficultCall(T0, reason=Reason.ANGRY, intensity=4, case_ref="=CS-1", note=note)
    )
    SqliteBreakRepository(db).add(
        BreakRecord(
            T0, "sigh", 105, 100, BreakOutcome.ENDED_EARLY, call.id, Mood.LOW, Mood.CALM, 75
        )
    )
    SqliteBreakRepository(db).add(
        BreakRecord(T0 + timedelta(hours=1), "box", 75, 0, BreakOutcome.SKIPPED)
    )
    SqliteReminderRepository(db).add_callback(
        Callback(T0 + timedelta(hours=2), "-ring back " + note, T0, case_ref="@C9", call_id=call.id)
    )


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_a_header_iso_times_with_offset_moods_as_numbers_and_words(
    db: Connection, tmp_path: Path
) -> None:
    fill(db)
    result = export_records(
        db.conn, tmp_path / "mine.csv", RecordKind.ALL, CSV, NOW, case_refs=True
    )

    names = sorted(p.name for p in result.paths)
    assert names == ["mine-breaks.csv", "mine-callbacks.csv", "mine-calls.csv"]
    calls = read_csv(tmp_path / "mine-calls.csv")
    assert calls[0]["tagged_at"] == T0.isoformat() and "+" in calls[0]["tagged_at"][10:]
    assert calls[0]["reason_label"] == "Angry" and calls[0]["case_ref"] == "'=CS-1"
    breaks = read_csv(tmp_path / "mine-breaks.csv")
    assert [b["outcome"] for b in breaks] == ["ended_early", "skipped"]
    assert breaks[0]["mood_before"] == "2" and breaks[0]["mood_before_word"] == "low"
    assert breaks[0]["mood_after"] == "4" and breaks[0]["mood_after_word"] == "calm"
    assert breaks[0]["mood_change"] == "2" and breaks[1]["mood_before"] == ""
    callbacks = read_csv(tmp_path / "mine-callbacks.csv")
    assert callbacks[0]["text"].startswith("'-ring back") and callbacks[0]["case_ref"] == "'@C9"
    assert callbacks[0]["snoozes"] == "0" and callbacks[0]["done_at"] == ""
    assert result.summary().startswith("Exported 1 call, 2 breaks and 1 callback to ")


def test_json_keeps_every_text_exactly_and_only_the_lists_asked_for(
    db: Connection, tmp_path: Path
) -> None:
    fill(db)
    export_records(db.conn, tmp_path / "b.json", RecordKind.BREAKS, JSON, NOW)
    export_records(db.conn, tmp_path / "all.json", RecordKind.ALL, JSON, NOW, case_refs=True)

    only = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert "breaks" in only and "calls" not in only and only["export"] == "companion-records"
    everything = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert everything["calls"][0]["case_ref"] == "=CS-1"  # JSON is not a spreadsheet
    assert everything["breaks"][0]["mood_after"] == 4
    assert everything["callbacks"][0]["call_id"] == everything["calls"][0]["id"]


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.sampled_from(ODD) | st.text(min_size=1).filter(lambda t: t.strip()))
def test_odd_text_round_trips(db: Connection, tmp_path: Path, note: str) -> None:
    db.conn.execute("DELETE FROM callbacks")
    db.conn.execute("DELETE FROM breaks")
    db.conn.execute("DELETE FROM calls")
    db.conn.commit()
    fill(db, note)
    stored = SqliteCallRepository(db).latest()
    assert stored is not None and stored.note is not None
    export_records(db.conn, tmp_path / "c.csv", RecordKind.CALLS, CSV, NOW)
    export_records(db.conn, tmp_path / "c.json", RecordKind.CALLS, JSON, NOW)

    from_csv = read_csv(tmp_path / "c.csv")[0]["note"]
    assert from_csv == spreadsheet_safe(stored.note)
    from_json = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert from_json["calls"][0]["note"] == stored.note


def test_formula_cells_get_an_apostrophe_and_nothing_else_changes() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(start + "x") == "'" + start + "x"
    assert spreadsheet_safe("call back 3pm") == "call back 3pm"
    assert spreadsheet_safe("") == ""


def test_files_are_private_whatever_the_umask(db: Connection, tmp_path: Path) -> None:
    fill(db)
    old = os.umask(0)
    try:
        result = export_records(db.conn, tmp_path / "x.csv", RecordKind.ALL, CSV, NOW)
    finally:
        os.umask(old)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in result.paths)


@pytest.fixture
def out(db: Connection, tmp_path: Path) -> Path:
    """An empty folder to export into, from a journal with one of each record."""
    fill(db)
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_a_full_disk_on_a_later_file_leaves_none_of_the_three(
    db: Connection, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = journal_export.os.fsync
    seen: list[int] = []

    def full_on_third(fd: int) -> None:  # the first file, its folder, then the second file
        seen.append(fd)
        if len(seen) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(journal_export.os, "fsync", full_on_third)
    with pytest.raises(ExportFailed, match="disk is full"):
        export_records(db.conn, out / "x.csv", RecordKind.ALL, CSV, NOW)
    assert list(out.iterdir()) == []


def test_an_unwritable_folder_says_so_and_leaves_nothing(
    db: Connection, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def refused(*args: object, **kwargs: object) -> None:  # as a read-only folder does,
        raise PermissionError(errno.EACCES, "Permission denied")  # even to root in tests

    monkeypatch.setattr(journal_export.tempfile, "mkstemp", refused)
    for fmt in RecordFormat:
        with pytest.raises(ExportFailed, match="can't write to"):
            export_records(db.conn, out / "x", RecordKind.ALL, fmt, NOW)
    assert list(out.iterdir()) == []


def test_the_journal_file_itself_is_never_the_target(db: Connection, db_path: Path) -> None:
    with pytest.raises(ExportFailed, match="keeps your journal"):
        export_records(db.conn, db_path, RecordKind.CALLS, CSV, NOW)


def test_all_as_csv_names_three_files_beside_the_one_chosen() -> None:
    chosen = Path("/home/sam/mine")
    assert [p.name for p in record_targets(chosen, RecordKind.ALL, CSV)] == [
        "mine-calls.csv",
        "mine-breaks.csv",
        "mine-callbacks.csv",
    ]
    assert record_targets(chosen, RecordKind.ALL, JSON) == [Path("/home/sam/mine.json")]


def test_an_empty_journal_exports_headers_only(db: Connection, tmp_path: Path) -> None:
    result = export_records(db.conn, tmp_path / "e.csv", RecordKind.CALLS, CSV, NOW)
    assert read_csv(tmp_path / "e.csv") == []
    header = (tmp_path / "e.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("id,tagged_at,reason,reason_label")
    assert result.rows == ((RecordKind.CALLS, 0),)


def test_case_references_stay_out_unless_asked_for(db: Connection, tmp_path: Path) -> None:
    fill(db)
    export_records(db.conn, tmp_path / "x.csv", RecordKind.ALL, CSV, NOW)
    export_records(db.conn, tmp_path / "x.json", RecordKind.ALL, JSON, NOW)
    for name in ("x-calls.csv", "x-callbacks.csv", "x.json"):
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        assert "case_ref" not in text and "CS-1" not in text and "C9" not in text
    assert read_csv(tmp_path / "x-calls.csv")[0]["note"] == "Shouted about the bill."

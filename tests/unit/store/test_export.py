"""Journal export: both formats, private and all-at-once, any text kept, failures said plainly."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.journal import MAX_BODY_CHARS, JournalEntry, parse_tags
from companion.core.journal_export import ExportFailed, ExportFormat
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.store import export, export_formats
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.calls_repo import SqliteCallRepository
from companion.store.columns import storable
from companion.store.database import open_database, open_memory_database
from companion.store.export import export_from_folder
from companion.store.journal_repo import SqliteJournalRepository
from tests.fakes import T0

NOW = T0 + timedelta(days=1)
MD, JSONL = ExportFormat.MARKDOWN, ExportFormat.JSON_LINES
#: Every code point, lone surrogates included (they are stored as U+FFFD).
ANY_CHAR = st.characters(exclude_categories=())
PIECES = ["😤", "\u2028", "\u2029", "\x85", "\x00", "\x1b[31m", "\r\n", "\r", "\n", "#", '"\\']
ODD_TEXT = st.text(ANY_CHAR) | st.lists(st.sampled_from(PIECES)).map("".join)


@pytest.fixture
def journal(db: Database) -> SqliteJournalRepository:
    return SqliteJournalRepository(db)


def add_call_with_break(db: Database) -> int:
    call = SqliteCallRepository(db).add(
        DifficultCall(T0, reason=Reason.ABUSIVE, intensity=4, case_ref="CS-4711", note="secret")
    )
    assert call.id is not None
    breaks = SqliteBreakRepository(db)
    for before, after in ((Mood.AWFUL, Mood.LOW), (None, Mood.CALM)):
        breaks.add(
            BreakRecord(T0, "sigh", 120, 120, BreakOutcome.COMPLETED, call.id, before, after)
        )
    return call.id


def entry(body: str, minutes: int, **fields: object) -> JournalEntry:
    moment = T0 + timedelta(minutes=minutes)
    return JournalEntry(body=body, created_at=moment, updated_at=moment, **fields)  # type: ignore[arg-type]


@pytest.fixture
def three(db: Database, journal: SqliteJournalRepository) -> SqliteJournalRepository:
    call_id = add_call_with_break(db)
    journal.save(
        entry("Second, about the call", 5, call_id=call_id, mood=Mood.LOW, tags=("refund",))
    )
    journal.save(entry("Third\n# my own heading\nend", 60, prompt="What will you let go of?"))
    journal.save(entry("First of all", -600))
    return journal


def read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_json_lines_hold_a_header_then_every_field_of_every_entry_oldest_first(
    three: SqliteJournalRepository, tmp_path: Path
) -> None:
    result = three.export(tmp_path / "journal.jsonl", JSONL, NOW)

    header, *records = read_jsonl(tmp_path / "journal.jsonl")
    assert (result.entries, result.path) == (3, tmp_path / "journal.jsonl")
    assert result.size_bytes == (tmp_path / "journal.jsonl").stat().st_size
    assert header == {
        "export": "companion-journal",
        "version": 1,
        "exported_at": NOW.isoformat(),
        "entries": 3,
        "order": "oldest first",
    }
    assert [r["body"] for r in records] == [
        "First of all",
        "Second, about the call",
        "Third\n# my own heading\nend",
    ]
    about_call = records[1]
    assert about_call == {
        "id": 1,
        "created_at": (T0 + timedelta(minutes=5)).isoformat(),
        "updated_at": (T0 + timedelta(minutes=5)).isoformat(),
        "body": "Second, about the call",
        "tags": ["refund"],
        "mood": 2,
        "prompt": None,
        "call_id": about_call["call_id"],
        "call": {
            "tagged_at": T0.isoformat(),
            "reason": "abusive",
            "intensity": 4,
            "mood_before_break": 1,
            "mood_after_break": 4,
        },
    }
    assert records[2]["prompt"] == "What will you let go of?" and records[2]["call"] is None


def test_markdown_has_a_heading_per_entry_with_the_call_moods_tags_and_text(
    three: SqliteJournalRepository, tmp_path: Path
) -> None:
    result = three.export(tmp_path / "journal.md", MD, NOW)

    text = (tmp_path / "journal.md").read_text(encoding="utf-8")
    assert result.entries == 3
    assert text.startswith("# Companion journal\n\nExported ")
    assert "3 entries, oldest first." in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) == 3
    assert text.index("First of all") < text.index("Second") < text.index("Third")
    local = (T0 + timedelta(minutes=5)).astimezone()
    assert f"## {export_formats.long_date(local)}\n" in text
    assert "- Call: Abusive · intensity 4 of 5 · tagged at" in text
    assert "- Mood around the break: 😣 Awful before, 🙂 Calm after" in text
    assert "- Mood when writing: 🙁 Low" in text
    assert "- Tags: refund" in text
    assert "- Question: What will you let go of?" in text
    assert "\\# my own heading" in text  # the agent's line does not become an export heading


def test_case_references_and_call_notes_are_not_exported(
    three: SqliteJournalRepository, tmp_path: Path
) -> None:
    for fmt in ExportFormat:
        three.export(tmp_path / f"j{fmt.suffix}", fmt, NOW)
        text = (tmp_path / f"j{fmt.suffix}").read_text(encoding="utf-8")
        assert "CS-4711" not in text and "secret" not in text


def test_markdown_drops_control_characters_that_could_drive_a_terminal(
    journal: SqliteJournalRepository, tmp_path: Path
) -> None:
    journal.save(entry("red \x1b[31mtext\x9b2J\x00 and\r\nwindows\rmac", 0, tags=("a\x07b",)))

    journal.export(tmp_path / "j.md", MD, NOW)

    text = (tmp_path / "j.md").read_text(encoding="utf-8")
    assert "red [31mtext2J and\nwindows\nmac" in text
    assert not any(ch in text for ch in "\x1b\x9b\x00\x07\r")


def test_an_empty_journal_exports_just_the_header(
    journal: SqliteJournalRepository, tmp_path: Path
) -> None:
    assert journal.export(tmp_path / "j.jsonl", JSONL, NOW).entries == 0
    assert journal.export(tmp_path / "j.md", MD, NOW).entries == 0
    assert len(read_jsonl(tmp_path / "j.jsonl")) == 1
    assert "0 entries" in (tmp_path / "j.md").read_text(encoding="utf-8")


def test_the_file_is_private_whatever_the_umask_and_whatever_it_replaced(
    three: SqliteJournalRepository, tmp_path: Path
) -> None:
    target = tmp_path / "journal.md"
    target.write_text("an older export")
    target.chmod(0o644)
    old_umask = os.umask(0)
    try:
        three.export(target, MD, NOW)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "First of all" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "journal.md"]


def files_beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_full_disk_mid_export_leaves_nothing_behind_and_the_old_file_untouched(
    three: SqliteJournalRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "journal.jsonl").write_text("yesterday's export")
    real = export_formats.write_json_lines

    def fill_the_disk(handle, rows, total, now):  # type: ignore[no-untyped-def]
        real(handle, rows, total, now)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "write_json_lines", fill_the_disk)

    with pytest.raises(ExportFailed, match="disk is full"):
        three.export(out / "journal.jsonl", JSONL, NOW)

    assert files_beside(out) == ["journal.jsonl"]
    assert (out / "journal.jsonl").read_text() == "yesterday's export"


def test_a_failing_fsync_leaves_no_file(
    three: SqliteJournalRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(export.os, "fsync", failing_fsync)
    out = tmp_path / "out"
    out.mkdir()

    with pytest.raises(ExportFailed, match="could not be written") as raised:
        three.export(out / "journal.md", MD, NOW)

    assert "Input/output error" in str(raised.value)
    assert files_beside(out) == []


def test_an_interruption_leaves_no_file(
    three: SqliteJournalRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "write_markdown", interrupted)

    with pytest.raises(KeyboardInterrupt):
        three.export(tmp_path / "journal.md", MD, NOW)
    assert files_beside(tmp_path) == ["data"]


def test_a_journal_that_cannot_be_read_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_memory_database()
    SqliteJournalRepository(db).save(entry("words", 0))
    db.execute("DROP TABLE calls")  # the join fails the way a damaged schema would

    with pytest.raises(sqlite3.OperationalError):
        SqliteJournalRepository(db).export(tmp_path / "j.md", MD, NOW)
    assert files_beside(tmp_path) == []


def test_a_locked_journal_is_said_plainly_and_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.db"
    db = open_database(path)
    SqliteJournalRepository(db).save(entry("words", 0))
    db.execute("PRAGMA journal_mode = DELETE")  # without WAL, a writer's lock stops readers
    db.close()
    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")
    reader = sqlite3.connect(path, timeout=0)
    try:
        with pytest.raises(StorageUnavailable, match="another program"):
            export.export_journal(reader, tmp_path / "j.md", MD, NOW)
    finally:
        reader.close()
        other.rollback()
        other.close()
    assert files_beside(tmp_path) == ["data"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_that_cannot_be_written_is_said_plainly(
    three: SqliteJournalRepository, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportFailed, match="can't write to"):
            three.export(locked / "journal.md", MD, NOW)
        assert files_beside(locked) == []
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.ENOENT])
def test_a_folder_that_refuses_new_files_is_said_plainly(
    three: SqliteJournalRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def refused(**kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code))  # ENOENT: e.g. /proc, which exists

    monkeypatch.setattr(export.tempfile, "mkstemp", refused)
    with pytest.raises(ExportFailed, match=f"can't write to {tmp_path}"):
        three.export(tmp_path / "journal.md", MD, NOW)


def test_a_missing_folder_or_a_folder_as_target_is_said_plainly(
    three: SqliteJournalRepository, tmp_path: Path
) -> None:
    with pytest.raises(ExportFailed, match="doesn't exist"):
        three.export(tmp_path / "nowhere" / "journal.md", MD, NOW)
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(ExportFailed, match="is a folder"):
        three.export(tmp_path / "folder.md", MD, NOW)
    assert files_beside(tmp_path) == ["data", "folder.md"]


def test_the_journal_itself_is_never_replaced_by_an_export(
    three: SqliteJournalRepository, db_path: Path
) -> None:
    before = db_path.read_bytes()
    for target in (db_path, Path(f"{db_path}-wal")):
        with pytest.raises(ExportFailed, match="where Companion keeps your journal"):
            three.export(target, JSONL, NOW)
    assert db_path.read_bytes() == before


def test_a_one_megabyte_entry_goes_out_whole(
    journal: SqliteJournalRepository, tmp_path: Path
) -> None:
    body = ("Ünïcödé 😤 line\n" * (MAX_BODY_CHARS // 16))[:MAX_BODY_CHARS]
    journal.save(entry(body, 0))

    journal.export(tmp_path / "big.jsonl", JSONL, NOW)
    journal.export(tmp_path / "big.md", MD, NOW)

    assert read_jsonl(tmp_path / "big.jsonl")[1]["body"] == body
    assert body.rstrip("\n") in (tmp_path / "big.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shared_journal() -> Iterator[SqliteJournalRepository]:
    db = open_memory_database()
    yield SqliteJournalRepository(db)
    db.close()


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=ODD_TEXT, tags=ODD_TEXT, prompt=st.none() | ODD_TEXT)
@example(body="a\u2028b\u2029c\x85d\r\ne", tags="#x", prompt="\ud800")
def test_any_text_round_trips_through_json_lines(
    shared_journal: SqliteJournalRepository,
    tmp_path: Path,
    body: str,
    tags: str,
    prompt: str | None,
) -> None:
    saved = shared_journal.save(entry(body, 0, tags=parse_tags(tags), prompt=prompt))
    target = tmp_path / "round-trip.jsonl"

    shared_journal.export(target, JSONL, NOW)

    # Read back both ways tools do: by "\n" and with str.splitlines().
    by_newline = read_jsonl(target)
    by_splitlines = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert by_newline == by_splitlines
    record = next(r for r in by_newline[1:] if r["id"] == saved.id)
    assert record["body"] == storable(body)
    assert record["tags"] == [storable(tag) for tag in parse_tags(tags)]
    assert record["prompt"] == (None if prompt is None else storable(prompt))
    shared_journal.export(tmp_path / "round-trip.md", MD, NOW)  # never fails on odd text


def test_from_the_folder_it_reads_without_changing_the_journal(
    three: SqliteJournalRepository, db: Database, db_path: Path, tmp_path: Path
) -> None:
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db_path.read_bytes()
    writer = sqlite3.connect(db_path)
    writer.execute("BEGIN IMMEDIATE")  # the running app, mid-save
    writer.execute("DELETE FROM journal")
    try:
        result = export_from_folder(db_path, tmp_path / "j.jsonl", JSONL, NOW)
    finally:
        writer.rollback()
        writer.close()
    assert result.entries == 3  # what was committed; the save in progress is not seen
    assert db_path.read_bytes() == before


def test_from_the_folder_with_no_journal_or_another_programs_file(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match="no journal"):
        export_from_folder(tmp_path / "journal.db", tmp_path / "j.md", MD, NOW)
    foreign = tmp_path / "journal.db"
    sqlite3.connect(foreign).execute("CREATE TABLE notes (x)").connection.close()
    with pytest.raises(StorageUnavailable, match="another program"):
        export_from_folder(foreign, tmp_path / "j.md", MD, NOW)
    assert files_beside(tmp_path) == ["journal.db"]

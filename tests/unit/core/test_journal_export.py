"""Export formats, the name offered and the file a save dialog's answer means."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from companion.core.journal_export import (
    ExportFormat,
    ExportResult,
    default_file_name,
    export_target,
    format_of,
)

MD, JSONL = ExportFormat.MARKDOWN, ExportFormat.JSON_LINES


def test_the_extension_names_the_format_in_any_case() -> None:
    assert format_of(Path("a/journal.md")) is MD
    assert format_of(Path("journal.JSONL")) is JSONL
    assert format_of(Path("journal.txt")) is None
    assert format_of(Path("journal")) is None


def test_a_dialog_answer_keeps_a_known_extension_and_adds_a_missing_one() -> None:
    assert export_target(Path("/h/j.jsonl"), MD) == (Path("/h/j.jsonl"), JSONL)
    assert export_target(Path("/h/journal"), JSONL) == (Path("/h/journal.jsonl"), JSONL)
    assert export_target(Path("/h/notes.txt"), MD) == (Path("/h/notes.txt"), MD)


def test_the_offered_name_carries_the_date() -> None:
    assert default_file_name(date(2026, 11, 25)) == "companion-journal-2026-11-25.md"
    assert default_file_name(date(2026, 1, 2), JSONL) == "companion-journal-2026-01-02.jsonl"


def test_the_summary_says_how_many_and_where() -> None:
    assert ExportResult(Path("/h/j.md"), 1, 10).summary() == "Exported 1 entry to /h/j.md"
    assert ExportResult(Path("/h/j.md"), 12345, 10).summary() == (
        "Exported 12,345 entries to /h/j.md"
    )

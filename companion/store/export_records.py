"""Writes the agent's calls, breaks (with moods) and callbacks as CSV or JSON, when they ask.

Written like the journal export (companion.store.export): read in one snapshot, streamed into
a private (0600) temp file beside the target, fsync'd, then renamed over it; for "all" as CSV
the three files are written the same way and, if any fails, the ones already written by this
export are removed again, so a failed export leaves nothing behind.

Times are ISO 8601 with the offset they were recorded in, exactly as stored. Moods are given
as the number (1 to 5) and the word. CSV starts with a UTF-8 byte order mark so spreadsheets
read emoji and accents right, and guards the agent's own text against being read as a
formula (``core.records_export.spreadsheet_safe``).
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from companion.core.calls import Reason
from companion.core.journal_key import JournalKey
from companion.core.moods import mood_or_none
from companion.core.records_export import (
    RecordFormat,
    RecordKind,
    RecordsResult,
    record_targets,
    spreadsheet_safe,
)
from companion.store.columns import enum_or_none
from companion.store.database import storage_errors
from companion.store.export import private_temp_file, read_only, refuse_own_files, snapshot

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)

FORMAT_NAME = "companion-records"
FORMAT_VERSION = 1
_ORDER = {
    RecordKind.CALLS: "calls ORDER BY julianday(tagged_at), id",
    RecordKind.BREAKS: "breaks ORDER BY julianday(started_at), id",
    RecordKind.CALLBACKS: "callbacks ORDER BY julianday(due_at), id",
}


def _mood_word(value: Any) -> str | None:
    mood = mood_or_none(value) if isinstance(value, int) else None
    return None if mood is None else mood.word


# The keys are the CSV's column headers and the JSON's names: they stay English whatever the
# agent's language, being data column names a spreadsheet or a script refers to. The values
# meant for reading (reason_label, the mood words) are in the agent's language; the stable
# codes beside them (reason, mood_before) are not.
def _call(row: dict[str, Any]) -> dict[str, Any]:
    reason = enum_or_none(Reason, row["reason"])
    return {
        "id": row["id"],
        "tagged_at": row["tagged_at"],
        "reason": row["reason"],
        "reason_label": reason.label if reason is not None else None,
        "intensity": row["intensity"],
        "case_ref": row["case_ref"],
        "note": row["note"],
    }


def _break(row: dict[str, Any]) -> dict[str, Any]:
    before, after = row["mood_before"], row["mood_after"]
    change = after - before if isinstance(before, int) and isinstance(after, int) else None
    return {
        "id": row["id"],
        "started_at": row["started_at"],
        "call_id": row["call_id"],
        "pattern": row["pattern_key"],
        "planned_seconds": row["planned_seconds"],
        "planned_at_start_seconds": row.get("planned_at_start_seconds"),
        "actual_seconds": row["actual_seconds"],
        "outcome": row["outcome"],
        "mood_before": before,
        "mood_before_word": _mood_word(before),
        "mood_after": after,
        "mood_after_word": _mood_word(after),
        "mood_change": change,
    }


def _callback(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "created_at": row["created_at"],
        "due_at": row["due_at"],
        "done_at": row["done_at"],
        "call_id": row["call_id"],
        "case_ref": row["case_ref"],
        "text": row["text"],
        "snoozes": row.get("snoozes"),
    }


_RECORD: dict[RecordKind, Callable[[dict[str, Any]], dict[str, Any]]] = {
    RecordKind.CALLS: _call,
    RecordKind.BREAKS: _break,
    RecordKind.CALLBACKS: _callback,
}
#: The agent's own words: the only cells a spreadsheet could mistake for a formula.
_FREE_TEXT = {"case_ref", "note", "text"}


def export_records(
    conn: sqlite3.Connection,
    path: Path,
    what: RecordKind,
    fmt: RecordFormat,
    now: datetime,
    *,
    case_refs: bool = False,
) -> RecordsResult:
    """Write ``what`` from ``conn`` to ``path`` (three files for "all" as CSV); raise
    ExportFailed or StorageUnavailable with the agent's words, leaving nothing behind.

    Case references are left out (no column at all) unless ``case_refs``: they point at a
    customer's record, and an exported file leaves Companion's care (docs/privacy.md).
    """
    read = _Reader(conn, case_refs)
    targets = [Path(os.path.abspath(target)) for target in record_targets(path, what, fmt)]
    for target in targets:
        refuse_own_files(conn, target)
    with storage_errors(), snapshot(conn):
        if fmt is RecordFormat.JSON:
            rows = _write_json(read, targets[0], what, now)
        else:
            rows = _write_csv_files(read, targets, what)
    log.info("records exported: %s as %s", what.value, fmt.value)
    return RecordsResult(tuple(targets), tuple(rows))


def records_from_folder(
    database: Path,
    path: Path,
    what: RecordKind,
    fmt: RecordFormat,
    now: datetime,
    key: JournalKey | None = None,
    *,
    case_refs: bool = False,
) -> RecordsResult:
    """``export_records`` from the journal file, read-only, without the app (companion export)."""
    with read_only(database, key) as conn:
        return export_records(conn, path, what, fmt, now, case_refs=case_refs)


class _Reader:
    """The rows of each kind as records, with or without their case references."""

    def __init__(self, conn: sqlite3.Connection, case_refs: bool) -> None:
        self._conn, self._case_refs = conn, case_refs

    def columns(self, kind: RecordKind) -> list[str]:
        return list(self._kept(_RECORD[kind](_NoRow())))

    def rows(self, kind: RecordKind) -> Iterator[dict[str, Any]]:
        cursor = self._conn.execute(f"SELECT * FROM {_ORDER[kind]}")  # fixed names only
        names = [column[0] for column in cursor.description]
        make = _RECORD[kind]
        for values in cursor:
            yield self._kept(make(dict(zip(names, values, strict=True))))

    def _kept(self, record: dict[str, Any]) -> dict[str, Any]:
        if not self._case_refs:
            record.pop("case_ref", None)
        return record


def _write_json(
    read: _Reader, target: Path, what: RecordKind, now: datetime
) -> list[tuple[RecordKind, int]]:
    document: dict[str, Any] = {
        "export": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": now.isoformat(),
        "order": "oldest first",
    }
    counts = []
    for kind in what.tables:
        document[kind.value] = list(read.rows(kind))
        counts.append((kind, len(document[kind.value])))
    with private_temp_file(target) as out:
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return counts


def _write_csv_files(
    read: _Reader, targets: list[Path], what: RecordKind
) -> list[tuple[RecordKind, int]]:
    written: list[Path] = []
    counts = []
    try:
        for kind, target in zip(what.tables, targets, strict=True):
            with private_temp_file(target) as out:
                counts.append((kind, _write_csv(out, read.columns(kind), read.rows(kind))))
            written.append(target)
    except BaseException:
        for done in written:  # all or nothing across the three files
            done.unlink(missing_ok=True)
        raise
    return counts


def _write_csv(out: TextIO, header: list[str], rows: Iterator[dict[str, Any]]) -> int:
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    count = 0
    for record in rows:
        writer.writerow(_cell(name, value) for name, value in record.items())
        count += 1
    return count


def _cell(name: str, value: Any) -> Any:
    if value is None:
        return ""
    if name in _FREE_TEXT and isinstance(value, str):
        return spreadsheet_safe(value)
    return value


class _NoRow(dict[str, Any]):
    """Every column None: the record makers name their own CSV columns from it."""

    def __missing__(self, key: str) -> None:
        return None

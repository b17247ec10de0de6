"""Breathing breaks in SQLite: the BreakRepository the break flow writes before and after."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.moods import mood_or_none
from companion.store.calls_repo import existing_call_id
from companion.store.columns import (
    enum_or_none,
    int_or_none,
    require_id,
    span_values,
    to_moment,
    to_text,
    trimmed,
)
from companion.store.connection import Connection
from companion.store.database import fetch_all, fetch_one, storage_errors

_COLUMNS = (
    "started_at, pattern_key, planned_seconds, actual_seconds, outcome, call_id,"
    " mood_before, mood_after, planned_at_start_seconds"
)
#: An outcome this version doesn't know claims the least: the break began and was not completed.
_UNKNOWN_OUTCOME = BreakOutcome.ENDED_EARLY


class SqliteBreakRepository:
    def __init__(self, db: Connection) -> None:
        self._db = db

    def add(self, record: BreakRecord) -> BreakRecord:
        with storage_errors(), self._db.atomic():
            record = replace(record, call_id=existing_call_id(self._db, record.call_id))
            cursor = self._db.execute(
                f"INSERT INTO breaks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _values(record),
            )
        return replace(record, id=cursor.lastrowid)

    def update(self, record: BreakRecord) -> None:
        """Replace a stored record (by ``id``), e.g. to add the mood after the break."""
        break_id = require_id(record.id)
        with storage_errors(), self._db.atomic():
            record = replace(record, call_id=existing_call_id(self._db, record.call_id))
            self._db.execute(
                "UPDATE breaks SET started_at = ?, pattern_key = ?, planned_seconds = ?,"
                " actual_seconds = ?, outcome = ?, call_id = ?, mood_before = ?,"
                " mood_after = ?, planned_at_start_seconds = ? WHERE id = ?",
                [*_values(record), break_id],
            )

    def for_call(self, call_id: int) -> list[BreakRecord]:
        """Oldest first: the order the breaks were taken."""
        with storage_errors():
            rows = fetch_all(
                self._db,
                f"SELECT id, {_COLUMNS} FROM breaks WHERE call_id = ?"
                " ORDER BY julianday(started_at), id",
                [call_id],
            )
        return [_record_from_row(row) for row in rows]

    def latest(self) -> BreakRecord | None:
        with storage_errors():
            row = fetch_one(
                self._db,
                f"SELECT id, {_COLUMNS} FROM breaks"
                " ORDER BY julianday(started_at) DESC, id DESC LIMIT 1",
            )
        return None if row is None else _record_from_row(row)

    def between(self, start: datetime, end: datetime) -> list[BreakRecord]:
        """Oldest first; julianday() compares the instants (index idx_breaks_instant)."""
        with storage_errors():
            rows = fetch_all(
                self._db,
                f"SELECT id, {_COLUMNS} FROM breaks"
                " WHERE julianday(started_at) >= julianday(?)"
                " AND julianday(started_at) < julianday(?)"
                " ORDER BY julianday(started_at), id",
                span_values(start, end),
            )
        found = [_record_from_row(row) for row in rows]
        return trimmed(found, lambda r: r.started_at, start, end)


def _values(record: BreakRecord) -> list[Any]:
    return [
        to_text(record.started_at),
        record.pattern_key,
        float(record.planned_seconds),
        float(record.actual_seconds),
        record.outcome.value,
        record.call_id,
        None if record.mood_before is None else int(record.mood_before),
        None if record.mood_after is None else int(record.mood_after),
        None if record.planned_at_start_seconds is None else float(record.planned_at_start_seconds),
    ]


def _record_from_row(row: dict[str, Any]) -> BreakRecord:
    outcome = enum_or_none(BreakOutcome, row["outcome"])
    return BreakRecord(
        id=row["id"],
        started_at=to_moment(row["started_at"]),
        pattern_key=row["pattern_key"],
        planned_seconds=float(row["planned_seconds"]),
        actual_seconds=float(row["actual_seconds"]),
        outcome=_UNKNOWN_OUTCOME if outcome is None else outcome,
        call_id=int_or_none(row["call_id"]),
        mood_before=mood_or_none(int_or_none(row["mood_before"])),
        mood_after=mood_or_none(int_or_none(row["mood_after"])),
        planned_at_start_seconds=_float_or_none(row["planned_at_start_seconds"]),
    )


def _float_or_none(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None

"""Difficult calls in SQLite: tag-and-breathe adds and undoes them, the calls list edits them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from companion.core.calls import DifficultCall, Reason
from companion.store.columns import (
    enum_or_none,
    intensity_or_none,
    require_id,
    span_values,
    storable_or_none,
    to_moment,
    to_text,
    trimmed,
)
from companion.store.connection import Connection
from companion.store.database import fetch_all, fetch_one, storage_errors

# julianday() compares the instants, so a DST change or a trip abroad can't reorder calls.
_NEWEST_FIRST = "ORDER BY julianday(tagged_at) DESC, id DESC"
#: From a start (included) to an end (excluded), as instants.
_IN_SPAN = "julianday(tagged_at) >= julianday(?) AND julianday(tagged_at) < julianday(?)"


class SqliteCallRepository:
    def __init__(self, db: Connection) -> None:
        self._db = db

    def add(self, call: DifficultCall) -> DifficultCall:
        with storage_errors(), self._db.atomic():
            cursor = self._db.execute(
                "INSERT INTO calls (tagged_at, reason, intensity, case_ref, note)"
                " VALUES (?, ?, ?, ?, ?)",
                _values(call),
            )
        return replace(call, id=cursor.lastrowid)

    def update(self, call: DifficultCall) -> None:
        """Change a stored call; a call deleted meanwhile (undone) stays deleted."""
        call_id = require_id(call.id)
        with storage_errors(), self._db.atomic():
            self._db.execute(
                "UPDATE calls SET tagged_at = ?, reason = ?, intensity = ?, case_ref = ?,"
                " note = ? WHERE id = ?",
                [*_values(call), call_id],
            )

    def delete(self, call_id: int) -> None:
        """Breaks and entries about the call are kept; they just lose the link."""
        with storage_errors(), self._db.atomic():
            self._db.execute("DELETE FROM calls WHERE id = ?", [call_id])

    def get(self, call_id: int) -> DifficultCall | None:
        with storage_errors():
            row = fetch_one(self._db, "SELECT * FROM calls WHERE id = ?", [call_id])
        return None if row is None else _call_from_row(row)

    def latest(self) -> DifficultCall | None:
        with storage_errors():
            row = fetch_one(self._db, f"SELECT * FROM calls {_NEWEST_FIRST} LIMIT 1")
        return None if row is None else _call_from_row(row)

    def recent(self, limit: int = 20) -> list[DifficultCall]:
        with storage_errors():
            rows = fetch_all(self._db, f"SELECT * FROM calls {_NEWEST_FIRST} LIMIT ?", [limit])
        return [_call_from_row(row) for row in rows]

    def count_on(self, day: date) -> int:
        """Calls whose own (local) date is ``day``; a range on the text so the index is used."""
        start, end = day.isoformat(), (day + timedelta(days=1)).isoformat()
        with storage_errors():
            row = fetch_one(
                self._db,
                "SELECT count(*) AS n FROM calls WHERE tagged_at >= ? AND tagged_at < ?",
                [start, end],
            )
        return 0 if row is None else int(row["n"])

    def between(self, start: datetime, end: datetime) -> list[DifficultCall]:
        """Oldest first (to the millisecond, then as stored); julianday() compares the
        instants, and idx_calls_instant gives them in this order."""
        with storage_errors():
            rows = fetch_all(
                self._db,
                f"SELECT * FROM calls WHERE {_IN_SPAN}"
                " ORDER BY julianday(tagged_at), tagged_at, id",
                span_values(start, end),
            )
        found = [_call_from_row(row) for row in rows]
        return trimmed(found, lambda call: call.tagged_at, start, end)

    def count_by_day(self, start: datetime, end: datetime) -> dict[date, int]:
        """Counted in SQL: the first ten characters of the stored text are the call's own
        local date, so a year of calls comes back as a few hundred rows, not 100,000. The
        span is compared to the millisecond (julianday's), enough for whole days."""
        with storage_errors():
            rows = fetch_all(
                self._db,
                f"SELECT substr(tagged_at, 1, 10) AS day, count(*) AS n FROM calls"
                f" WHERE {_IN_SPAN} GROUP BY day",
                [to_text(start), to_text(end)],
            )
        counts: dict[date, int] = {}
        for row in rows:
            try:
                counts[date.fromisoformat(row["day"])] = int(row["n"])
            except (TypeError, ValueError):
                continue  # a time this version can't read is left out, as it would be anyway
        return counts


def existing_call_id(db: Connection, call_id: int | None) -> int | None:
    """``call_id`` if that call still exists, else None.

    A call can be undone while its break or entry is still open; saving that break or entry
    must not fail on the foreign key, so it is kept without the link instead.
    """
    if call_id is None:
        return None
    row = fetch_one(db, "SELECT id FROM calls WHERE id = ?", [call_id])
    return None if row is None else call_id


def _values(call: DifficultCall) -> list[Any]:
    reason = None if call.reason is None else call.reason.value
    case_ref, note = storable_or_none(call.case_ref), storable_or_none(call.note)
    return [to_text(call.tagged_at), reason, call.intensity, case_ref, note]


def _call_from_row(row: dict[str, Any]) -> DifficultCall:
    return DifficultCall(
        id=row["id"],
        tagged_at=to_moment(row["tagged_at"]),
        reason=enum_or_none(Reason, row["reason"]),
        intensity=intensity_or_none(row["intensity"]),
        case_ref=row["case_ref"],
        note=row["note"],
    )

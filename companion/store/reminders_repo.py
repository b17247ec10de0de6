"""Callbacks, sent reminders and the pause in SQLite: the ReminderRepository the scheduler reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from companion.core.reminder_texts import DayNumbers
from companion.core.reminders import Callback, ReminderHistory, ReminderKind, SentReminder
from companion.store.calls_repo import existing_call_id
from companion.store.columns import (
    enum_or_none,
    int_or_none,
    require_id,
    span_values,
    to_moment,
    to_moment_or_none,
    to_text,
    trimmed,
)
from companion.store.connection import Connection
from companion.store.database import fetch_all, fetch_one, storage_errors

_CALLBACK_COLUMNS = "created_at, due_at, text, case_ref, call_id, done_at, notified_at, snoozes"
_PAUSED_KEY = "paused_until"


class SqliteReminderRepository:
    def __init__(self, db: Connection) -> None:
        self._db = db

    def add_callback(self, callback: Callback) -> Callback:
        with storage_errors(), self._db.atomic():
            callback = replace(callback, call_id=existing_call_id(self._db, callback.call_id))
            cursor = self._db.execute(
                f"INSERT INTO callbacks ({_CALLBACK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                _values(callback),
            )
        return replace(callback, id=cursor.lastrowid)

    def update_callback(self, callback: Callback) -> None:
        callback_id = require_id(callback.id)
        with storage_errors(), self._db.atomic():
            callback = replace(callback, call_id=existing_call_id(self._db, callback.call_id))
            self._db.execute(
                "UPDATE callbacks SET created_at = ?, due_at = ?, text = ?, case_ref = ?,"
                " call_id = ?, done_at = ?, notified_at = ?, snoozes = ? WHERE id = ?",
                [*_values(callback), callback_id],
            )

    def get_callback(self, callback_id: int) -> Callback | None:
        with storage_errors():
            row = fetch_one(self._db, "SELECT * FROM callbacks WHERE id = ?", [callback_id])
        return None if row is None else _callback_from_row(row)

    def open_callbacks(self) -> list[Callback]:
        with storage_errors():
            rows = fetch_all(
                self._db,
                "SELECT * FROM callbacks WHERE done_at IS NULL ORDER BY julianday(due_at), id",
            )
        return [_callback_from_row(row) for row in rows]

    def callbacks_between(self, start: datetime, end: datetime) -> list[Callback]:
        """By ``due_at`` as it is now, soonest first (index idx_callbacks_instant)."""
        with storage_errors():
            rows = fetch_all(
                self._db,
                "SELECT * FROM callbacks WHERE julianday(due_at) >= julianday(?)"
                " AND julianday(due_at) < julianday(?) ORDER BY julianday(due_at), id",
                span_values(start, end),
            )
        found = [_callback_from_row(row) for row in rows]
        return trimmed(found, lambda c: c.due_at, start, end)

    def record_sent(self, sent: SentReminder) -> None:
        with storage_errors(), self._db.atomic():
            self._db.execute(
                "INSERT INTO reminders_sent (kind, sent_at) VALUES (?, ?)",
                [sent.kind.value, to_text(sent.sent_at)],
            )

    def set_paused_until(self, moment: datetime | None) -> None:
        value = None if moment is None else to_text(moment)
        with storage_errors(), self._db.atomic():
            self._db.execute(
                "INSERT INTO reminder_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [_PAUSED_KEY, value],
            )

    def history(self, since: datetime) -> ReminderHistory:
        start = to_text(since)
        with storage_errors():
            calls = self._moments(
                "SELECT tagged_at AS t FROM calls WHERE julianday(tagged_at) >= julianday(?)", start
            )
            breaks = self._moments(
                # A skipped break is no break (as in the day's numbers): three hard calls with
                # every break skipped is just when a nudge should come.
                "SELECT started_at AS t FROM breaks WHERE julianday(started_at) >= julianday(?)"
                " AND outcome != 'skipped'"
                " UNION SELECT max(started_at) FROM breaks WHERE outcome != 'skipped'",
                start,
            )
            sent_rows = fetch_all(
                self._db,
                "SELECT kind, sent_at FROM reminders_sent WHERE julianday(sent_at) >= julianday(?)",
                [start],
            )
            paused = fetch_one(
                self._db, "SELECT value FROM reminder_state WHERE key = ?", [_PAUSED_KEY]
            )
        return ReminderHistory(
            calls=calls,
            breaks=breaks,
            sent=tuple(_sent_from_rows(sent_rows)),
            callbacks=tuple(self.open_callbacks()),
            paused_until=None if paused is None else to_moment_or_none(paused["value"]),
        )

    def day_numbers(self, since: datetime, until: datetime) -> DayNumbers:
        # julianday, as in history(): exact across UTC offsets, which text comparison is not.
        span = [to_text(since), to_text(until)]
        with storage_errors():
            calls = fetch_one(
                self._db,
                "SELECT count(*) AS n FROM calls"
                " WHERE julianday(tagged_at) BETWEEN julianday(?) AND julianday(?)",
                span,
            )
            breaks = fetch_one(
                self._db,
                "SELECT count(*) AS n, avg(mood_before) AS before, avg(mood_after) AS after"
                " FROM breaks WHERE julianday(started_at) BETWEEN julianday(?) AND julianday(?)"
                " AND outcome != 'skipped'",
                span,
            )
        assert calls is not None and breaks is not None
        return DayNumbers(
            calls=int(calls["n"]),
            breaks=int(breaks["n"]),
            mood_before=breaks["before"],
            mood_after=breaks["after"],
        )

    def _moments(self, sql: str, start: str) -> tuple[datetime, ...]:
        rows = fetch_all(self._db, sql, [start])
        found = (to_moment_or_none(row["t"]) for row in rows)
        return tuple(moment for moment in found if moment is not None)


def _values(callback: Callback) -> list[Any]:
    return [
        to_text(callback.created_at),
        to_text(callback.due_at),
        callback.text,
        callback.case_ref,
        callback.call_id,
        None if callback.done_at is None else to_text(callback.done_at),
        None if callback.notified_at is None else to_text(callback.notified_at),
        callback.snoozes,
    ]


def _callback_from_row(row: dict[str, Any]) -> Callback:
    return Callback(
        id=row["id"],
        created_at=to_moment(row["created_at"]),
        due_at=to_moment(row["due_at"]),
        text=row["text"] or "",
        case_ref=row["case_ref"],
        call_id=int_or_none(row["call_id"]),
        done_at=to_moment_or_none(row["done_at"]),
        notified_at=to_moment_or_none(row["notified_at"]),
        snoozes=_count_or_none(row.get("snoozes")),
    )


def _count_or_none(value: object) -> int | None:
    """A stored snooze count; NULL (saved before m011) or anything odd is not known."""
    return value if isinstance(value, int) and value >= 0 else None


def _sent_from_rows(rows: list[dict[str, Any]]) -> list[SentReminder]:
    found = []
    for row in rows:
        kind, sent_at = enum_or_none(ReminderKind, row["kind"]), to_moment_or_none(row["sent_at"])
        if kind is not None and sent_at is not None:
            found.append(SentReminder(kind, sent_at))
    return found

"""Fakes for the ports in companion.core.ports: in-memory repositories and a clock tests move."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from companion.core.breaks import BreakRecord
from companion.core.calls import DifficultCall
from companion.core.journal import Draft, JournalEntry, JournalListItem

T0 = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


class FakeClock:
    """Wall and monotonic time that only move when a test says so."""

    def __init__(self, start: datetime = T0) -> None:
        self._now = start
        self._monotonic = 1000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._monotonic

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)
        self._monotonic += seconds


class InMemoryCalls:
    def __init__(self) -> None:
        self.rows: dict[int, DifficultCall] = {}
        self._next = 1

    def add(self, call: DifficultCall) -> DifficultCall:
        stored = replace(call, id=self._next)
        self.rows[self._next] = stored
        self._next += 1
        return stored

    def update(self, call: DifficultCall) -> None:
        assert call.id is not None
        self.rows[call.id] = call

    def delete(self, call_id: int) -> None:
        self.rows.pop(call_id, None)

    def get(self, call_id: int) -> DifficultCall | None:
        return self.rows.get(call_id)

    def latest(self) -> DifficultCall | None:
        return max(self.rows.values(), key=lambda c: c.tagged_at, default=None)

    def count_on(self, day: date) -> int:
        return sum(1 for c in self.rows.values() if c.tagged_at.date() == day)


class InMemoryBreaks:
    def __init__(self) -> None:
        self.rows: dict[int, BreakRecord] = {}
        self._next = 1

    def add(self, record: BreakRecord) -> BreakRecord:
        stored = replace(record, id=self._next)
        self.rows[self._next] = stored
        self._next += 1
        return stored

    def update(self, record: BreakRecord) -> None:
        assert record.id is not None
        self.rows[record.id] = record

    def for_call(self, call_id: int) -> list[BreakRecord]:
        return [r for r in self.rows.values() if r.call_id == call_id]

    def latest(self) -> BreakRecord | None:
        return max(self.rows.values(), key=lambda r: r.started_at, default=None)


class InMemoryJournal:
    """Search is a case-insensitive substring match: enough to test widgets, not FTS."""

    def __init__(self) -> None:
        self.rows: dict[int, JournalEntry] = {}
        self._next = 1

    def save(self, entry: JournalEntry) -> JournalEntry:
        if entry.id is None:
            entry = replace(entry, id=self._next)
            self._next += 1
        assert entry.id is not None
        self.rows[entry.id] = entry
        return entry

    def get(self, entry_id: int) -> JournalEntry | None:
        return self.rows.get(entry_id)

    def delete(self, entry_id: int) -> None:
        self.rows.pop(entry_id, None)

    def recent(self, limit: int = 200) -> list[JournalListItem]:
        entries = sorted(self.rows.values(), key=lambda e: e.created_at, reverse=True)
        return [JournalListItem(entry=e) for e in entries[:limit]]

    def search(self, query: str, limit: int = 200) -> list[JournalListItem]:
        words = query.casefold().split()
        return [
            item
            for item in self.recent(limit=10**9)
            if all(w in item.entry.body.casefold() or w in item.entry.tags for w in words)
        ][:limit]


class InMemoryDrafts:
    def __init__(self) -> None:
        self.rows: dict[str, Draft] = {}

    def save_draft(self, draft: Draft) -> None:
        self.rows[draft.key] = draft

    def load_draft(self, key: str) -> Draft | None:
        return self.rows.get(key)

    def discard_draft(self, key: str) -> None:
        self.rows.pop(key, None)

    def all_drafts(self) -> list[Draft]:
        return list(self.rows.values())


class FakeRegistry:
    """A working registry in memory: ``keys[(hive, path)]`` maps value names to data."""

    def __init__(self, keys: dict[tuple[str, str], dict[str, object]] | None = None) -> None:
        self.keys: dict[tuple[str, str], dict[str, object]] = dict(keys or {})

    def values(self, hive: str, path: str) -> dict[str, object] | None:
        found = self.keys.get((hive, path))
        return None if found is None else dict(found)

    def set_string(self, hive: str, path: str, name: str, value: str) -> None:
        self.keys.setdefault((hive, path), {})[name] = value

    def delete_value(self, hive: str, path: str, name: str) -> None:
        self.keys.get((hive, path), {}).pop(name, None)


class FailingRegistry:
    """A registry that refuses everything, as under a locked-down or broken profile."""

    def values(self, hive: str, path: str) -> dict[str, object] | None:
        raise PermissionError(5, "Access is denied")

    def set_string(self, hive: str, path: str, name: str, value: str) -> None:
        raise PermissionError(5, "Access is denied")

    def delete_value(self, hive: str, path: str, name: str) -> None:
        raise PermissionError(5, "Access is denied")

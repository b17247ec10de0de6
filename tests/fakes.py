"""Fakes for the ports in companion.core.ports: in-memory repositories and a clock tests move."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall
from companion.core.journal import Draft, JournalEntry, JournalListItem
from companion.core.journal_export import ExportFormat, ExportResult
from companion.core.notices import Delivery, Notice
from companion.core.reminder_texts import DayNumbers
from companion.core.reminders import Callback, ReminderHistory, SentReminder

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

    def recent(self, limit: int = 20) -> list[DifficultCall]:
        newest = sorted(self.rows.values(), key=lambda c: (c.tagged_at, c.id or 0), reverse=True)
        return newest[:limit]

    def count_on(self, day: date) -> int:
        return sum(1 for c in self.rows.values() if c.tagged_at.date() == day)

    def between(self, start: datetime, end: datetime) -> list[DifficultCall]:
        found = [c for c in self.rows.values() if start <= c.tagged_at < end]
        return sorted(found, key=lambda c: (c.tagged_at, c.id or 0))

    def count_by_day(self, start: datetime, end: datetime) -> dict[date, int]:
        counts: dict[date, int] = {}
        for call in self.between(start, end):
            day = call.tagged_at.date()
            counts[day] = counts.get(day, 0) + 1
        return counts


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

    def between(self, start: datetime, end: datetime) -> list[BreakRecord]:
        found = [r for r in self.rows.values() if start <= r.started_at < end]
        return sorted(found, key=lambda r: (r.started_at, r.id or 0))


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

    def about_calls(self, call_ids: Collection[int]) -> list[JournalEntry]:
        wanted = set(call_ids)
        found = [e for e in self.rows.values() if e.call_id is not None and e.call_id in wanted]
        return sorted(found, key=lambda e: (e.created_at, e.id or 0))

    def export(self, path: Path, fmt: ExportFormat, now: datetime) -> ExportResult:
        """One line per entry body, oldest first: enough to test what the window says."""
        entries = sorted(self.rows.values(), key=lambda e: e.created_at)
        path.write_text("".join(f"{e.body}\n" for e in entries), encoding="utf-8")
        return ExportResult(path, len(entries), path.stat().st_size)


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

    def subkeys(self, hive: str, path: str) -> list[str] | None:
        """Keys right under ``path``: any stored key below it implies the ones between."""
        prefix = f"{path}\\"
        below = [p[len(prefix) :] for h, p in self.keys if h == hive and p.startswith(prefix)]
        if not below and (hive, path) not in self.keys:
            return None
        return sorted({p.split("\\")[0] for p in below})

    def set_string(self, hive: str, path: str, name: str, value: str) -> None:
        self.keys.setdefault((hive, path), {})[name] = value

    def delete_value(self, hive: str, path: str, name: str) -> None:
        self.keys.get((hive, path), {}).pop(name, None)


class FailingRegistry:
    """A registry that refuses everything, as under a locked-down or broken profile."""

    def values(self, hive: str, path: str) -> dict[str, object] | None:
        raise PermissionError(5, "Access is denied")

    def subkeys(self, hive: str, path: str) -> list[str] | None:
        raise PermissionError(5, "Access is denied")

    def set_string(self, hive: str, path: str, name: str, value: str) -> None:
        raise PermissionError(5, "Access is denied")

    def delete_value(self, hive: str, path: str, name: str) -> None:
        raise PermissionError(5, "Access is denied")


# -- notifications and reminders (issue #3) ------------------------------------------------------


class RecordingNotifier:
    """A desktop that shows everything: keeps each notice for the test to read."""

    def __init__(self, name: str = "recording") -> None:
        self.name = name
        self.shown: list[Notice] = []

    def notify(self, notice: Notice) -> Delivery:
        self.shown.append(notice)
        return Delivery(self.name, True)


class UnavailableNotifier:
    """A desktop without this kind of notification (no daemon, no tray, no dbus-python)."""

    def __init__(self, name: str = "unavailable") -> None:
        self.name = name
        self.tried = 0

    def notify(self, notice: Notice) -> Delivery:
        self.tried += 1
        return Delivery(self.name, False, "not available here")


class FailingNotifier:
    """A notifier that is there but breaks on every call (a daemon that crashed mid-call)."""

    def __init__(self, name: str = "failing") -> None:
        self.name = name
        self.tried = 0

    def notify(self, notice: Notice) -> Delivery:
        self.tried += 1
        return Delivery(self.name, False, "DBusException: the daemon went away")


class FakeIdle:
    """Idle time that works: ``idle`` seconds since the last input; counts how often it is asked."""

    def __init__(self, idle: float = 0.0) -> None:
        self.idle = idle
        self.asked = 0

    def seconds(self) -> float | None:
        self.asked += 1
        return self.idle


class UnavailableIdle:
    """A desktop where idle time can't be read (Wayland, no libXss): always unknown."""

    def __init__(self) -> None:
        self.asked = 0

    def seconds(self) -> float | None:
        self.asked += 1
        return None


class FailingIdle:
    """The platform call fails each time (the X connection was lost, a Windows SEH error)."""

    def __init__(self) -> None:
        self.asked = 0

    def seconds(self) -> float | None:
        self.asked += 1
        raise OSError("XScreenSaverQueryInfo: connection to the X server was lost")


class InMemoryReminders:
    """ReminderRepository over lists; history() reads calls and breaks from the given fakes."""

    def __init__(self, calls: InMemoryCalls, breaks: InMemoryBreaks) -> None:
        self._calls = calls
        self._breaks = breaks
        self.callbacks: dict[int, Callback] = {}
        self.sent: list[SentReminder] = []
        self.paused_until: datetime | None = None
        self._next = 1

    def add_callback(self, callback: Callback) -> Callback:
        stored = replace(callback, id=self._next)
        self.callbacks[self._next] = stored
        self._next += 1
        return stored

    def update_callback(self, callback: Callback) -> None:
        assert callback.id is not None
        self.callbacks[callback.id] = callback

    def get_callback(self, callback_id: int) -> Callback | None:
        return self.callbacks.get(callback_id)

    def open_callbacks(self) -> list[Callback]:
        return sorted((c for c in self.callbacks.values() if c.is_open), key=lambda c: c.due_at)

    def callbacks_between(self, start: datetime, end: datetime) -> list[Callback]:
        found = [c for c in self.callbacks.values() if start <= c.due_at < end]
        return sorted(found, key=lambda c: (c.due_at, c.id or 0))

    def record_sent(self, sent: SentReminder) -> None:
        self.sent.append(sent)

    def set_paused_until(self, moment: datetime | None) -> None:
        self.paused_until = moment

    def history(self, since: datetime) -> ReminderHistory:
        return ReminderHistory(
            calls=tuple(c.tagged_at for c in self._calls.rows.values() if c.tagged_at >= since),
            breaks=tuple(
                b.started_at
                for b in self._breaks.rows.values()
                if b.outcome is not BreakOutcome.SKIPPED
            ),
            sent=tuple(self.sent),
            callbacks=tuple(self.open_callbacks()),
            paused_until=self.paused_until,
        )

    def day_numbers(self, since: datetime, until: datetime) -> DayNumbers:
        calls = [c for c in self._calls.rows.values() if since <= c.tagged_at <= until]
        breaks = [
            b
            for b in self._breaks.rows.values()
            if since <= b.started_at <= until and b.outcome is not BreakOutcome.SKIPPED
        ]
        return DayNumbers(calls=len(calls), breaks=len(breaks))


# -- the right moment: Do Not Disturb and the microphone (issue #11) -----------------------------


class FakeDoNotDisturb:
    """A desktop that can tell: ``on`` says whether Do Not Disturb is on; counts the questions."""

    def __init__(self, on: bool = False) -> None:
        self.on = on
        self.asked = 0

    def is_on(self) -> bool | None:
        self.asked += 1
        return self.on


class UnavailableDoNotDisturb:
    """A desktop that can't tell (macOS, a notification server without a DND state)."""

    def __init__(self) -> None:
        self.asked = 0

    def is_on(self) -> bool | None:
        self.asked += 1
        return None


class FailingDoNotDisturb:
    """The platform call fails each time (a broken shell32, a lost bus)."""

    def __init__(self) -> None:
        self.asked = 0

    def is_on(self) -> bool | None:
        self.asked += 1
        raise OSError("SHQueryUserNotificationState: the call failed")


class FakeMicrophone:
    """A computer that can tell: ``recording`` says whether the agent is on a call."""

    def __init__(self, recording: bool = False) -> None:
        self.recording = recording
        self.asked = 0

    def in_use(self) -> bool | None:
        self.asked += 1
        return self.recording


class UnavailableMicrophone:
    """No way to tell (no sound server, no libpulse, an old Windows): always unknown."""

    def __init__(self) -> None:
        self.asked = 0

    def in_use(self) -> bool | None:
        self.asked += 1
        return None


class FailingMicrophone:
    """The platform call fails each time (CoreAudio missing, the registry refusing)."""

    def __init__(self) -> None:
        self.asked = 0

    def in_use(self) -> bool | None:
        self.asked += 1
        raise OSError("CoreAudio.framework could not be loaded")


S_OK = 0
E_FAIL = -2147467259  # 0x80004005 as the signed HRESULT ctypes returns


class FakeShell32:
    """shell32's SHQueryUserNotificationState, as documented (shellapi.h, Windows Vista and
    later): it writes a QUERY_USER_NOTIFICATION_STATE (1-7) through its one pointer argument and
    returns an HRESULT, S_OK on success; on failure it writes nothing. Not the real DLL: the
    code under test is the same that calls ``ctypes.windll.shell32`` on Windows."""

    def __init__(self, state: int = 5, result: int = S_OK) -> None:
        self.state = state
        self.result = result
        self.calls = 0

    def SHQueryUserNotificationState(self, pquns: Any) -> int:
        self.calls += 1
        if self.result == S_OK:
            pquns.contents.value = self.state
        return self.result


def fourcc(code: str) -> int:
    return int.from_bytes(code.encode("ascii"), "big")


class FakeCoreAudio:
    """CoreAudio's AudioObjectGetPropertyData, as documented (AudioHardware.h): it reads the
    property at an AudioObjectPropertyAddress of an object, writes it to ``outData`` and the
    bytes written to ``ioDataSize``, and returns an OSStatus: 0, or '!obj' for an unknown
    object, 'who?' for an unknown property, '!siz' for a buffer of the wrong size. The
    system object (1) has the default input device ('dIn ', 0 when there is none); a device
    has 'gone' (kAudioDevicePropertyDeviceIsRunningSomewhere), a UInt32 0 or 1."""

    def __init__(self, default_input: int = 73, running: dict[int, bool] | None = None) -> None:
        self.default_input = default_input
        self.running = dict(running or {})
        self.asked: list[tuple[int, str]] = []

    def AudioObjectGetPropertyData(
        self, object_id: Any, address: Any, qualifier_size: int, qualifier: Any,
        size: Any, data: Any,
    ) -> int:  # fmt: skip
        target = int(getattr(object_id, "value", object_id))
        selector = address.contents.mSelector
        self.asked.append((target, selector.to_bytes(4, "big").decode("ascii")))
        if target == 1 and selector == fourcc("dIn "):
            value = self.default_input
        elif target in self.running and selector == fourcc("gone"):
            value = int(self.running[target])
        elif target == 1 or target in self.running:
            return fourcc("who?")
        else:
            return fourcc("!obj")
        if size.contents.value != 4:
            return fourcc("!siz")
        data.contents.value = value
        size.contents.value = 4
        return 0

"""The seams the core relies on, as Protocols; store, notify and system implement them."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from companion.core.backups import Backup
from companion.core.breaks import BreakRecord
from companion.core.calls import DifficultCall
from companion.core.journal import Draft, JournalEntry, JournalListItem
from companion.core.journal_export import ExportFormat, ExportResult
from companion.core.notices import Delivery, Notice
from companion.core.reminder_texts import DayNumbers
from companion.core.reminders import Callback, ReminderHistory, SentReminder


class StorageUnavailable(Exception):
    """The journal cannot be read or written right now; ``str()`` is a message for the agent."""


class Clock(Protocol):
    def now(self) -> datetime:
        """Local, timezone-aware wall-clock time."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps, for timing breaks."""
        ...


class CallRepository(Protocol):
    def add(self, call: DifficultCall) -> DifficultCall: ...
    def update(self, call: DifficultCall) -> None: ...
    def delete(self, call_id: int) -> None: ...
    def get(self, call_id: int) -> DifficultCall | None: ...
    def latest(self) -> DifficultCall | None: ...
    def recent(self, limit: int = 20) -> list[DifficultCall]:
        """Newest first, for adding or changing details later."""
        ...

    def count_on(self, day: date) -> int: ...
    def between(self, start: datetime, end: datetime) -> list[DifficultCall]:
        """Calls tagged from ``start`` (included) to ``end`` (excluded), compared as instants
        (whatever offset each was tagged in), oldest first."""
        ...

    def count_by_day(self, start: datetime, end: datetime) -> dict[date, int]:
        """How many calls were tagged on each day, for calls ``between(start, end)`` (the ends
        compared to the millisecond): each call on its own local date (the offset it was
        tagged in); days without calls are left out."""
        ...


class BreakRepository(Protocol):
    def add(self, record: BreakRecord) -> BreakRecord: ...
    def update(self, record: BreakRecord) -> None:
        """Replace a stored record (by ``id``), e.g. to add the mood after the break."""
        ...

    def for_call(self, call_id: int) -> list[BreakRecord]: ...
    def latest(self) -> BreakRecord | None: ...
    def between(self, start: datetime, end: datetime) -> list[BreakRecord]:
        """Breaks started from ``start`` (included) to ``end`` (excluded), compared as
        instants, oldest first; skipped breaks too (their outcome says so)."""
        ...


class JournalRepository(Protocol):
    def save(self, entry: JournalEntry) -> JournalEntry:
        """Insert (``id`` None) or update an entry; returns it with its id."""
        ...

    def get(self, entry_id: int) -> JournalEntry | None: ...
    def delete(self, entry_id: int) -> None: ...
    def recent(self, limit: int = 200) -> list[JournalListItem]:
        """Newest first."""
        ...

    def search(self, query: str, limit: int = 200) -> list[JournalListItem]:
        """Full-text search; never raises for odd query text; newest matches first."""
        ...

    def export(self, path: Path, fmt: ExportFormat, now: datetime) -> ExportResult:
        """Every entry to ``path``, only ever when the agent asks: written privately (0600)
        and all at once. Raises ExportFailed or StorageUnavailable, leaving nothing behind."""
        ...

    def about_calls(self, call_ids: Collection[int]) -> list[JournalEntry]:
        """The entries written about these calls, oldest first (for the debrief summary)."""
        ...


class DraftStore(Protocol):
    def save_draft(self, draft: Draft) -> None: ...
    def load_draft(self, key: str) -> Draft | None: ...
    def discard_draft(self, key: str) -> None: ...
    def all_drafts(self) -> list[Draft]: ...


class Notifier(Protocol):
    """Shows a notice on the desktop. Called on the GUI thread; never raises for a desktop that
    can't show it: the returned ``Delivery`` says so, and the caller tries the next notifier."""

    @property
    def name(self) -> str: ...

    def notify(self, notice: Notice) -> Delivery: ...


class DoNotDisturb(Protocol):
    """Whether the desktop is in Do Not Disturb (system/dnd.py). Asked on the GUI thread only
    when a reminder is due or Settings opens, never on a timer; quick (a local round trip)."""

    def is_on(self) -> bool | None:
        """None: this desktop can't tell. May raise OSError when the platform call fails."""
        ...


class Microphone(Protocol):
    """Whether any program is recording from a microphone: the agent is on a call
    (system/microphone.py). Asked like ``DoNotDisturb``; never says which program."""

    def in_use(self) -> bool | None:
        """None: this computer can't tell. May raise OSError when the platform call fails."""
        ...


class ReminderRepository(Protocol):
    def add_callback(self, callback: Callback) -> Callback: ...
    def update_callback(self, callback: Callback) -> None: ...
    def get_callback(self, callback_id: int) -> Callback | None: ...
    def open_callbacks(self) -> list[Callback]:
        """Not done yet, soonest first."""
        ...

    def callbacks_between(self, start: datetime, end: datetime) -> list[Callback]:
        """Callbacks whose ``due_at`` (as it is now, after any snooze) is from ``start``
        (included) to ``end`` (excluded), compared as instants, soonest first; done or open.

        A callback snoozed from one week into the next belongs to the week it is due in now.
        """
        ...

    def record_sent(self, sent: SentReminder) -> None: ...
    def set_paused_until(self, moment: datetime | None) -> None: ...
    def history(self, since: datetime) -> ReminderHistory:
        """Calls, breaks and sent reminders since ``since``, the latest break before it, open
        callbacks and the pause: everything ``reminders.next_due`` needs."""
        ...

    def day_numbers(self, since: datetime, until: datetime) -> DayNumbers:
        """Calls tagged, breaks taken and average moods from ``since`` to ``until`` (both
        included), for the shift's end."""
        ...


class BackupStore(Protocol):
    def list_backups(self) -> list[Backup]:
        """Newest first."""
        ...

    def make_daily(self, now: datetime) -> Backup | None:
        """Take today's copy if there is none yet; the oldest beyond a week go."""
        ...

    def restore(self, backup: Backup, now: datetime) -> None:
        """Replace the journal with ``backup``; the journal as it was is kept as a copy."""
        ...

"""The debrief summary: reads the agent's records for a period or chosen calls, and opens the
dialog (built on first use, so the idle tray never carries it) through the app's gate."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Protocol

from PySide6.QtCore import QObject

from companion.core.calls import DifficultCall
from companion.core.debrief import DebriefRecords, for_calls, in_period
from companion.core.insights import Period
from companion.core.journal import JournalEntry
from companion.core.ports import (
    BreakRepository,
    CallRepository,
    JournalRepository,
    ReminderRepository,
)

#: How many recent calls "Calls I choose" offers.
RECENT_CALLS = 50
#: How far after a call its callbacks are looked for: a callback is rarely set further out.
_CALLBACKS_AFTER = timedelta(days=366)

Gate = Callable[[Callable[[], object]], object]


class DebriefReader:
    """The records behind a summary, from the repositories; raises StorageUnavailable."""

    def __init__(
        self,
        calls: CallRepository,
        breaks: BreakRepository,
        reminders: ReminderRepository,
        journal: JournalRepository,
    ) -> None:
        self._calls, self._breaks = calls, breaks
        self._reminders, self._journal = reminders, journal

    def for_period(self, period: Period) -> DebriefRecords:
        start, end = period.bounds()
        kept = in_period(
            DebriefRecords(
                calls=tuple(self._calls.between(start, end)),
                breaks=tuple(self._breaks.between(start, end)),
                callbacks=tuple(self._reminders.callbacks_between(start, end)),
            ),
            period,
        )
        return replace(kept, entries=self._entries(kept.calls))

    def for_calls(self, chosen: Sequence[DifficultCall]) -> DebriefRecords:
        ids = [call.id for call in chosen if call.id is not None]
        if not ids:
            return DebriefRecords()
        first = min(call.tagged_at for call in chosen)
        around = DebriefRecords(
            breaks=tuple(b for call_id in ids for b in self._breaks.for_call(call_id)),
            callbacks=tuple(self._reminders.callbacks_between(first, first + _CALLBACKS_AFTER)),
            entries=self._entries(chosen),
        )
        return for_calls(chosen, around)

    def recent_calls(self) -> list[DifficultCall]:
        return self._calls.recent(RECENT_CALLS)

    def _entries(self, calls: Sequence[DifficultCall]) -> tuple[JournalEntry, ...]:
        return tuple(self._journal.about_calls([c.id for c in calls if c.id is not None]))


class DebriefView(Protocol):
    def choose_calls(self, calls: Sequence[DifficultCall]) -> None: ...
    def bring_forward(self) -> None: ...
    def isVisible(self) -> bool: ...


class DebriefWindows(Protocol):
    def debrief(self, reader: DebriefReader) -> DebriefView: ...


class DebriefFlow(QObject):
    """Opens the one debrief dialog, with chosen calls when asked from a list of calls."""

    def __init__(
        self,
        reader: DebriefReader,
        windows: DebriefWindows,
        gate: Gate,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader, self._windows, self._gate = reader, windows, gate
        self._view: DebriefView | None = None

    def show(self, calls: Sequence[DifficultCall] = ()) -> None:
        """The dialog (this week's summary), or with ``calls`` chosen; through the gate."""
        self._gate(lambda: self._show(tuple(calls)))

    def _show(self, calls: tuple[DifficultCall, ...]) -> None:
        if self._view is None:
            self._view = self._windows.debrief(self._reader)
        if calls:
            self._view.choose_calls(calls)
        self._view.bring_forward()

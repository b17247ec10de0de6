"""Opens the Insights window and gives it the figures for the period the agent chooses.

The window is built on first use (an app waiting in the tray never loads it); each period is
read from the repositories when shown, so the figures are as fresh as the journal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from companion.core.breaks import BreakRecord
from companion.core.calls import DifficultCall
from companion.core.insights import InsightsReport, Period, recent_weeks, this_week
from companion.core.ports import (
    BreakRepository,
    CallRepository,
    Clock,
    ReminderRepository,
    StorageUnavailable,
)
from companion.core.reminders import Callback


class InsightsView(Protocol):
    """The Insights window as the flow drives it (companion.ui.insights.insights_window)."""

    @property
    def period_chosen(self) -> SignalInstance:
        """How many weeks to show: 1 (this week) or ``RECENT_WEEKS``."""
        ...

    @property
    def talk_requested(self) -> SignalInstance: ...

    def show_report(self, report: InsightsReport, pointer: str | None = None) -> None: ...
    def show_error(self, message: str) -> None: ...
    def bring_forward(self) -> None: ...
    def isVisible(self) -> bool: ...
    def close(self) -> bool: ...


class InsightsWindows(Protocol):
    """Builds the window when first wanted (companion.ui.insights.insights_windows)."""

    def insights(self) -> InsightsView: ...


#: Counts the figures of a period from what was read for it (companion.core.insights).
Compute = Callable[
    [Period, list[DifficultCall], list[BreakRecord], list[Callback], datetime], InsightsReport
]
#: The gentle pointer's sentence when the last weeks are clearly heavier, else None.
Pointer = Callable[[datetime], str | None]
Gate = Callable[[Callable[[], object]], object]


def _at_once(action: Callable[[], object]) -> object:
    action()
    return True


class InsightsFlow(QObject):
    """``show`` opens the window through ``gate`` (the app lock: the figures are private);
    ``talk_wanted`` is the pointer's "Need to talk?", for the care flow."""

    talk_wanted = Signal()

    def __init__(
        self,
        calls: CallRepository,
        breaks: BreakRepository,
        reminders: ReminderRepository,
        clock: Clock,
        windows: InsightsWindows,
        compute: Compute,
        *,
        pointer: Pointer | None = None,
        gate: Callable[[], Gate] = lambda: _at_once,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._calls, self._breaks, self._reminders = calls, breaks, reminders
        self._clock = clock
        self._windows = windows
        self._compute = compute
        self._pointer = pointer
        self._gate = gate
        self._window: InsightsView | None = None

    @property
    def window(self) -> InsightsView | None:
        return self._window

    def show(self) -> None:
        """Open (or bring forward) Insights on this week, once the gate lets it."""
        self._gate()(self._open)

    def close_window(self) -> None:
        if self._window is not None:
            self._window.close()

    def _open(self) -> None:
        if self._window is None:
            self._window = self._windows.insights()
            self._window.period_chosen.connect(self._show_weeks)
            self._window.talk_requested.connect(self.talk_wanted.emit)
        self._show_weeks(1)
        self._window.bring_forward()

    def _show_weeks(self, weeks: int) -> None:
        window = self._window
        if window is None:
            return
        now = self._clock.now()
        period = this_week(now) if weeks == 1 else recent_weeks(now, weeks)
        try:
            report = self.report(period, now)
            pointer = self._pointer(now) if self._pointer is not None else None
        except StorageUnavailable as error:
            window.show_error(str(error))
            return
        window.show_report(report, pointer)

    def report(self, period: Period, now: datetime) -> InsightsReport:
        """Read the period's calls, breaks and callbacks and count them."""
        start, end = period.bounds()
        calls = self._calls.between(start, end)
        breaks = self._breaks.between(start, end)
        callbacks = self._reminders.callbacks_between(start, end)
        return self._compute(period, calls, breaks, callbacks, now)

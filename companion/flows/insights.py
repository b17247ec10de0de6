"""Opens the Insights window and gives it the figures for the period the agent chooses.

The window is built on first use (an app waiting in the tray never loads it). Each time it is
opened the journal is read again (core's ``read_insights``: this week, the last four weeks
and the gentle pointer, in one go), so the figures are as fresh as the journal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from companion.core.insights import InsightsReport
from companion.core.insights_report import Insights
from companion.core.ports import Clock, StorageUnavailable


class InsightsView(Protocol):
    """The Insights window as the flow drives it (companion.ui.insights.insights_window)."""

    @property
    def period_chosen(self) -> SignalInstance:
        """How many weeks to show: 1 (this week) or more (the last weeks)."""
        ...

    @property
    def talk_requested(self) -> SignalInstance: ...

    @property
    def debrief_requested(self) -> SignalInstance: ...

    def show_report(self, report: InsightsReport, pointer: str | None = None) -> None: ...
    def show_error(self, message: str) -> None: ...
    def bring_forward(self) -> None: ...
    def isVisible(self) -> bool: ...
    def close(self) -> bool: ...


class InsightsWindows(Protocol):
    """Builds the window when first wanted (companion.ui.insights.insights_windows)."""

    def insights(self) -> InsightsView: ...


#: Reads and counts everything the window shows, at ``now`` (raises StorageUnavailable).
Read = Callable[[datetime], Insights]
Gate = Callable[[Callable[[], object]], object]


def _at_once(action: Callable[[], object]) -> object:
    action()
    return True


class InsightsFlow(QObject):
    """``show`` opens the window through ``gate`` (the app lock: the figures are private);
    ``talk_wanted`` is the pointer's "Need to talk?", for the care flow."""

    talk_wanted = Signal()
    #: "Debrief summary…" in the window, for the debrief's launcher.
    debrief_wanted = Signal()

    def __init__(
        self,
        read: Read,
        clock: Clock,
        windows: InsightsWindows,
        *,
        gate: Gate = _at_once,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._clock = clock
        self._windows = windows
        self._gate = gate
        self._window: InsightsView | None = None
        self._insights: Insights | None = None
        self._weeks = 1

    @property
    def window(self) -> InsightsView | None:
        return self._window

    def show(self) -> None:
        """Open (or bring forward) Insights, read afresh, once the gate lets it."""
        self._gate(self._open)

    def refresh(self) -> None:
        """Read again if the window is open (a call tagged or removed, a break done): nothing
        is read while it is closed."""
        if self._window is not None and self._window.isVisible():
            self._read_and_show(self._window)

    def close_window(self) -> None:
        if self._window is not None:
            self._window.close()

    def _open(self) -> None:
        if self._window is None:
            self._window = self._windows.insights()
            self._window.period_chosen.connect(self._show_weeks)
            self._window.talk_requested.connect(self.talk_wanted.emit)
            self._window.debrief_requested.connect(self.debrief_wanted.emit)
        self._read_and_show(self._window)
        self._window.bring_forward()

    def _read_and_show(self, window: InsightsView) -> None:
        try:
            self._insights = self._read(self._clock.now())
        except StorageUnavailable as error:
            window.show_error(str(error))
        else:
            self._show_weeks(self._weeks)

    def _show_weeks(self, weeks: int) -> None:
        self._weeks = weeks
        if self._window is None or self._insights is None:
            return
        insights = self._insights
        report = insights.this_week if weeks == 1 else insights.recent
        self._window.show_report(report, insights.pointer)

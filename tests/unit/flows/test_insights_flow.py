"""The Insights flow: reads the journal when the window opens, shows the period chosen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from companion.core.insights import InsightsReport
from companion.core.insights_report import Insights
from companion.core.ports import StorageUnavailable
from companion.flows.insights import InsightsFlow
from tests.fakes import T0, FakeClock
from tests.gui.insights_helpers import heavy_week


class FakeInsightsWindow(QObject):
    period_chosen = Signal(int)
    talk_requested = Signal()
    debrief_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[InsightsReport, str | None]] = []
        self.errors: list[str] = []
        self.forward = 0
        self.closed = False

    def show_report(self, report: InsightsReport, pointer: str | None = None) -> None:
        self.shown.append((report, pointer))

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def bring_forward(self) -> None:
        self.forward += 1

    def isVisible(self) -> bool:
        return not self.closed

    def close(self) -> bool:
        self.closed = True
        return True


class FakeWindows:
    def __init__(self) -> None:
        self.built: list[FakeInsightsWindow] = []

    def insights(self) -> FakeInsightsWindow:
        self.built.append(FakeInsightsWindow())
        return self.built[-1]


class Harness:
    def __init__(self) -> None:
        self.insights = heavy_week()
        self.windows = FakeWindows()
        self.read_at: list[datetime] = []
        self.gated = 0
        self.unreadable = False
        self.flow = InsightsFlow(self._read, FakeClock(), self.windows, gate=self._gate)

    def _read(self, now: datetime) -> Insights:
        if self.unreadable:
            raise StorageUnavailable("Your journal can't be read right now.")
        self.read_at.append(now)
        return self.insights

    def _gate(self, action: Callable[[], object]) -> object:
        self.gated += 1
        return action()

    @property
    def window(self) -> FakeInsightsWindow:
        return self.windows.built[-1]


def test_it_opens_through_the_gate_on_this_week_with_the_pointer() -> None:
    h = Harness()
    h.flow.show()
    assert h.gated == 1 and h.read_at == [T0] and h.window.forward == 1
    assert h.window.shown == [(h.insights.this_week, h.insights.pointer)]
    assert h.insights.pointer is not None


def test_the_last_weeks_are_shown_when_chosen_and_kept_when_opened_again() -> None:
    h = Harness()
    h.flow.show()
    h.window.period_chosen.emit(4)
    assert h.window.shown[-1][0] is h.insights.recent
    h.flow.show()
    assert len(h.windows.built) == 1 and h.window.forward == 2 and len(h.read_at) == 2
    assert h.window.shown[-1][0] is h.insights.recent


def test_a_gate_that_stays_shut_opens_nothing() -> None:
    h = Harness()
    h.flow = InsightsFlow(h._read, FakeClock(), h.windows, gate=lambda action: False)
    h.flow.show()
    assert h.windows.built == [] and h.read_at == []


def test_an_unreadable_journal_is_said_in_the_window() -> None:
    h = Harness()
    h.unreadable = True
    h.flow.show()
    assert h.window.errors == ["Your journal can't be read right now."]
    assert h.window.shown == [] and h.window.forward == 1


def test_need_to_talk_in_the_window_is_passed_on_and_close_closes() -> None:
    h = Harness()
    heard: list[str] = []
    h.flow.talk_wanted.connect(lambda: heard.append("talk"))
    h.flow.show()
    h.window.talk_requested.emit()
    h.flow.close_window()
    assert heard == ["talk"] and h.window.closed


def test_it_reads_again_when_something_moved_only_while_open() -> None:
    h = Harness()
    h.flow.refresh()
    assert h.read_at == []  # never opened: nothing read
    h.flow.show()
    h.flow.refresh()
    assert len(h.read_at) == 2 and len(h.window.shown) == 2 and h.window.forward == 1
    h.flow.close_window()
    h.flow.refresh()
    assert len(h.read_at) == 2

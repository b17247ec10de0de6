"""The Insights flow: reads the chosen period from the repositories, counts it, shows it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from companion.core.breaks import BreakRecord
from companion.core.calls import DifficultCall
from companion.core.insights import InsightsReport, Period
from companion.core.ports import StorageUnavailable
from companion.core.reminders import Callback
from companion.flows.insights import InsightsFlow
from tests.fakes import T0, FakeClock, InMemoryBreaks, InMemoryCalls, InMemoryReminders
from tests.gui.insights_helpers import empty_report

# T0 is Tuesday 24 November 2026, 10:00 UTC: its week runs Monday 23 to Sunday 29.


class FakeInsightsWindow(QObject):
    period_chosen = Signal(int)
    talk_requested = Signal()

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


Read = tuple[Period, list[DifficultCall], list[BreakRecord], list[Callback], datetime]


class Harness:
    def __init__(self, pointer: Callable[[datetime], str | None] | None = None) -> None:
        self.calls, self.breaks = InMemoryCalls(), InMemoryBreaks()
        self.reminders = InMemoryReminders(self.calls, self.breaks)
        self.windows = FakeWindows()
        self.read: list[Read] = []
        self.gated: list[str] = []
        self.flow = InsightsFlow(
            self.calls,
            self.breaks,
            self.reminders,
            FakeClock(),
            self.windows,
            self._compute,
            pointer=pointer,
            gate=lambda: self._gate,
        )

    def _compute(
        self,
        period: Period,
        calls: list[DifficultCall],
        breaks: list[BreakRecord],
        callbacks: list[Callback],
        now: datetime,
    ) -> InsightsReport:
        self.read.append((period, calls, breaks, callbacks, now))
        return empty_report()

    def _gate(self, action: Callable[[], object]) -> object:
        self.gated.append("asked")
        return action()

    @property
    def window(self) -> FakeInsightsWindow:
        return self.windows.built[-1]


def test_it_opens_through_the_gate_on_this_week() -> None:
    h = Harness()
    h.flow.show()
    assert h.gated == ["asked"] and h.window.forward == 1
    period = h.read[0][0]
    assert (period.start.isoformat(), period.end.isoformat()) == ("2026-11-23", "2026-11-30")
    assert len(h.window.shown) == 1


def test_the_period_read_holds_its_calls_and_nothing_outside() -> None:
    h = Harness()
    inside = h.calls.add(DifficultCall(tagged_at=T0))
    h.calls.add(DifficultCall(tagged_at=T0 - timedelta(days=30)))
    h.flow.show()
    assert h.read[0][1] == [inside]


def test_choosing_four_weeks_reads_four_weeks_and_a_second_show_reuses_the_window() -> None:
    h = Harness()
    h.flow.show()
    h.window.period_chosen.emit(4)
    assert (h.read[-1][0].end - h.read[-1][0].start).days == 28
    h.flow.show()
    assert len(h.windows.built) == 1 and h.window.forward == 2


def test_the_pointer_sentence_reaches_the_window() -> None:
    h = Harness(pointer=lambda now: "A kind sentence.")
    h.flow.show()
    assert h.window.shown[0][1] == "A kind sentence."


def test_an_unreadable_journal_is_said_in_the_window() -> None:
    h = Harness()

    def unreadable(start: datetime, end: datetime) -> list[DifficultCall]:
        raise StorageUnavailable("Your journal can't be read right now.")

    h.calls.between = unreadable  # type: ignore[method-assign]
    h.flow.show()
    assert h.window.errors == ["Your journal can't be read right now."]
    assert h.window.shown == []


def test_need_to_talk_in_the_window_is_passed_on() -> None:
    h = Harness()
    heard: list[str] = []
    h.flow.talk_wanted.connect(lambda: heard.append("talk"))
    h.flow.show()
    h.window.talk_requested.emit()
    assert heard == ["talk"]

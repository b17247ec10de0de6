"""Tag and breathe: the flow stores the call at once, the break when it ends, the mood after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from companion.core.calls import DifficultCall, Reason
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.core.settings import Settings
from companion.ui.break_flow import BreakFlow
from companion.ui.breathing_window import BreathingWindow
from tests.fakes import FakeClock, InMemoryBreaks, InMemoryCalls


class Harness:
    def __init__(self, calls: InMemoryCalls | None = None) -> None:
        self.clock = FakeClock()
        self.calls = calls or InMemoryCalls()
        self.breaks = InMemoryBreaks()
        self.told: list[str] = []
        self.writes: list[DifficultCall | None] = []
        self.count_changes = 0
        self.flow = BreakFlow(
            self.calls,
            self.breaks,
            self.clock,
            Settings(break_seconds=30),
            reduced_motion=lambda: False,
            on_write=self.writes.append,
            on_count_changed=self._count_changed,
            tell=self.told.append,
        )

    def _count_changed(self) -> None:
        self.count_changes += 1

    @property
    def window(self) -> BreathingWindow:
        assert self.flow.window is not None
        return self.flow.window

    def click(self, qtbot: QtBot, name: str) -> None:
        buttons = [
            b
            for b in self.window.findChildren(QAbstractButton)
            if b.isVisible() and name in (b.text(), b.accessibleName())
        ]
        assert buttons, name
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


@pytest.fixture
def harness(qtbot: QtBot) -> Iterator[Harness]:
    made = Harness()
    yield made
    if made.flow.window is not None:
        made.flow.window.discard()


def test_tag_stores_the_call_at_once_and_opens_one_window(harness: Harness) -> None:
    harness.flow.tag_and_breathe(Reason.ANGRY, 3, "CS-1")
    assert [(c.reason, c.intensity, c.case_ref) for c in harness.calls.rows.values()] == [
        (Reason.ANGRY, 3, "CS-1")
    ]
    first = harness.window
    harness.flow.tag_and_breathe()
    assert harness.flow.window is first, "a second tag raises the open break, not a new one"
    assert len(harness.calls.rows) == 2
    assert harness.count_changes == 2


def test_a_whole_break_is_saved_with_both_moods(harness: Harness, qtbot: QtBot) -> None:
    harness.flow.tag_and_breathe()
    harness.window.show()
    harness.click(qtbot, "Mood 2: Low")
    for _ in range(200):
        harness.clock.advance(0.25)
        harness.window.tick()
    assert harness.window.current_page == "after"
    harness.click(qtbot, "Mood 4: Calmer")
    [record] = harness.breaks.rows.values()
    assert record.call_id == 1
    assert (record.mood_before, record.mood_after) == (Mood.LOW, Mood.CALM)
    assert record.outcome.value == "completed"


def test_undo_deletes_the_call_and_closes_without_a_break(harness: Harness, qtbot: QtBot) -> None:
    harness.flow.tag_and_breathe()
    harness.window.show()
    with qtbot.waitSignal(harness.window.closed, timeout=2000):
        harness.click(qtbot, "Undo")
    assert harness.calls.rows == {}
    assert harness.breaks.rows == {}
    assert harness.flow.window is None


def test_write_about_it_hands_over_the_call(harness: Harness, qtbot: QtBot) -> None:
    harness.flow.tag_and_breathe(Reason.DISTRESSING)
    harness.window.show()
    harness.click(qtbot, "Skip")  # the mood check before
    qtbot.keyClick(harness.window, Qt.Key.Key_Escape)  # end the breathing early
    harness.click(qtbot, "Skip")  # the mood check after
    harness.click(qtbot, "Write about it")
    assert [c.reason if c else None for c in harness.writes] == [Reason.DISTRESSING]


class BrokenCalls(InMemoryCalls):
    def add(self, call: DifficultCall) -> DifficultCall:
        raise StorageUnavailable("Your journal file is being used by another program.")


def test_a_storage_failure_is_told_and_the_break_still_starts(qtbot: QtBot) -> None:
    harness = Harness(BrokenCalls())
    harness.flow.tag_and_breathe()
    assert harness.told == ["Your journal file is being used by another program."]
    assert harness.flow.window is not None
    harness.flow.window.discard()

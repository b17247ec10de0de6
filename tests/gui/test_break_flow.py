"""Tag and breathe: the flow stores the call at once, the break when it ends, the mood after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from companion.core.calls import DifficultCall, Reason
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.core.settings import Settings
from companion.ui.breathing.breathing_window import BreathingWindow
from tests.fakes import FakeClock, InMemoryBreaks, InMemoryCalls
from tests.gui.breathing_helpers import break_flow


class Harness:
    def __init__(self, calls: InMemoryCalls | None = None) -> None:
        self.clock = FakeClock()
        self.calls = calls or InMemoryCalls()
        self.breaks = InMemoryBreaks()
        self.told: list[str] = []
        self.writes: list[DifficultCall | None] = []
        self.write_moods: list[Mood | None] = []
        self.count_changes = 0
        self.flow = break_flow(
            self.calls, self.breaks, self.clock, Settings(break_seconds=30), tell=self.told.append
        )
        self.flow.write_wanted.connect(self._write)
        self.flow.count_changed.connect(self._count_changed)

    def _write(self, call: DifficultCall | None, mood: Mood | None) -> None:
        self.writes.append(call)
        self.write_moods.append(mood)

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


def test_tag_stores_the_call_at_once_and_opens_one_window(harness: Harness, qtbot: QtBot) -> None:
    harness.flow.tag_and_breathe(Reason.ANGRY, 3, "CS-1")
    assert [(c.reason, c.intensity, c.case_ref) for c in harness.calls.rows.values()] == [
        (Reason.ANGRY, 3, "CS-1")
    ]
    first = harness.window
    qtbot.waitUntil(lambda: harness.count_changes == 1)
    harness.flow.tag_and_breathe()
    assert harness.flow.window is first, "a second tag raises the open break, not a new one"
    assert len(harness.calls.rows) == 2
    qtbot.waitUntil(lambda: harness.count_changes == 2)


def test_closing_the_window_is_announced_once(harness: Harness, qtbot: QtBot) -> None:
    # Reminders held back while a break window is open go out when it closes (app.py).
    closed: list[bool] = []
    harness.flow.window_closed.connect(lambda: closed.append(True))
    harness.flow.tag_and_breathe()
    harness.window.close()
    assert closed == [True]
    assert harness.flow.window is None


class PaintSpy(QObject):
    """Counts paint events of breathing windows (and their children), application-wide."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), BreathingWindow)
        ):
            self.paints += 1
        return False


def test_the_count_is_refreshed_after_the_first_frame_not_on_the_click(qtbot: QtBot) -> None:
    spy = PaintSpy()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(spy)
    paints_when_counted: list[int] = []
    harness = Harness()
    harness.flow = break_flow(
        harness.calls, harness.breaks, harness.clock, Settings(), tell=harness.told.append
    )
    harness.flow.write_wanted.connect(harness._write)
    harness.flow.count_changed.connect(lambda: paints_when_counted.append(spy.paints))
    try:
        harness.flow.tag_and_breathe()
        assert len(harness.calls.rows) == 1, "the tag itself is stored on the click"
        assert paints_when_counted == []
        qtbot.waitUntil(lambda: len(paints_when_counted) == 1)
        assert paints_when_counted[0] > 0, "counted before the window had painted"
        qtbot.wait(50)
        assert len(paints_when_counted) == 1, "one tag, one refresh"
    finally:
        app.removeEventFilter(spy)
        harness.window.discard()


def test_a_window_closed_before_it_painted_still_refreshes_the_count(qtbot: QtBot) -> None:
    harness = Harness()
    harness.flow.tag_and_breathe()
    harness.window.close()
    assert harness.count_changes == 1
    qtbot.wait(50)
    assert harness.count_changes == 1


class MotionWish:
    """The system's reduced-motion setting, counting how often it is read."""

    def __init__(self) -> None:
        self.reads = 0
        self.reduced = False

    def __call__(self) -> bool:
        self.reads += 1
        return self.reduced


def test_reduced_motion_is_read_when_made_and_after_a_break_not_on_the_click(
    qtbot: QtBot,
) -> None:
    wish = MotionWish()
    flow = break_flow(
        InMemoryCalls(),
        InMemoryBreaks(),
        FakeClock(),
        Settings(mood_check=False),
        reduced_motion=wish,
    )
    assert wish.reads == 1
    flow.tag_and_breathe()
    first = flow.window
    assert first is not None and not first.pacer.reduced_motion
    assert wish.reads == 1, "read on the click"
    wish.reduced = True  # the agent turns animations off while the break is open
    first.close()
    qtbot.waitUntil(lambda: wish.reads == 2)
    flow.tag_and_breathe()
    second = flow.window
    assert second is not None and second is not first
    assert wish.reads == 2
    assert second.pacer.reduced_motion, "the next break follows the new wish"
    second.discard()


def test_a_whole_break_is_saved_with_both_moods(harness: Harness, qtbot: QtBot) -> None:
    harness.flow.tag_and_breathe()
    harness.window.show()
    harness.click(qtbot, "Mood 2: Low")
    for _ in range(200):
        harness.clock.advance(0.25)
        harness.window.tick()
    assert harness.window.current_page == "after"
    harness.click(qtbot, "Mood 4: Calm")
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


def test_a_break_left_at_the_mood_check_is_saved_as_skipped(harness: Harness, qtbot: QtBot) -> None:
    harness.flow.tag_and_breathe(Reason.ANGRY)
    qtbot.keyClick(harness.window, Qt.Key.Key_Escape)
    [record] = harness.breaks.rows.values()
    assert (record.call_id, record.outcome.value, record.actual_seconds) == (1, "skipped", 0.0)
    assert record.mood_before is None
    assert harness.flow.window is None


def test_write_about_it_hands_over_the_call(harness: Harness, qtbot: QtBot) -> None:
    harness.flow.tag_and_breathe(Reason.DISTRESSING)
    harness.window.show()
    harness.click(qtbot, "Skip")  # the mood check before
    qtbot.keyClick(harness.window, Qt.Key.Key_Escape)  # end the breathing early
    harness.click(qtbot, "Skip")  # the mood check after
    harness.click(qtbot, "Write about it")
    assert [c.reason if c else None for c in harness.writes] == [Reason.DISTRESSING]
    assert harness.write_moods == [None]


def test_write_about_it_carries_the_mood_just_given(harness: Harness, qtbot: QtBot) -> None:
    harness.flow.tag_and_breathe()
    harness.click(qtbot, "Mood 2: Low")
    qtbot.keyClick(harness.window, Qt.Key.Key_Escape)
    harness.click(qtbot, "Mood 4: Calm")
    harness.click(qtbot, "Write about it")
    assert harness.write_moods == [Mood.CALM]


class BrokenCalls(InMemoryCalls):
    def add(self, call: DifficultCall) -> DifficultCall:
        raise StorageUnavailable("Your journal file is being used by another program.")


def test_a_storage_failure_is_told_and_the_break_still_starts(qtbot: QtBot) -> None:
    harness = Harness(BrokenCalls())
    harness.flow.tag_and_breathe()
    assert harness.told == ["Your journal file is being used by another program."]
    assert harness.flow.window is not None
    harness.flow.window.discard()


def visible_labels(window: QWidget) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel) if label.isVisible()]


def test_a_second_tag_gets_its_own_undo_and_details_in_the_open_window(
    harness: Harness, qtbot: QtBot
) -> None:
    harness.flow.tag_and_breathe()
    window = harness.window
    harness.click(qtbot, "Start breathing")
    harness.clock.advance(60)
    harness.flow.tag_and_breathe()
    assert harness.flow.window is window
    banners = [text for text in visible_labels(window) if text.startswith("Call tagged")]
    assert banners == ["Call tagged at 10:01\u202fAM ·"]
    harness.click(qtbot, "Add details (optional)")
    harness.click(qtbot, "Intensity 4 of 5")
    assert harness.calls.rows[2].intensity == 4
    assert harness.calls.rows[1].intensity is None
    harness.click(qtbot, "Done")
    [record] = harness.breaks.rows.values()
    assert record.call_id == 1, "the break stays with the call it was opened for"


def test_undoing_the_second_tag_keeps_the_break_for_the_first(
    harness: Harness, qtbot: QtBot
) -> None:
    harness.flow.tag_and_breathe(Reason.ANGRY)
    window = harness.window
    harness.clock.advance(60)
    harness.flow.tag_and_breathe()
    harness.click(qtbot, "Undo")
    assert sorted(harness.calls.rows) == [1]
    assert harness.flow.window is window and window.isVisible()
    assert not any(text.startswith("Call tagged") for text in visible_labels(window))
    harness.click(qtbot, "Start breathing")
    harness.click(qtbot, "Add details (optional)")
    harness.click(qtbot, "Intensity 2 of 5")
    assert harness.calls.rows[1].intensity == 2, "the details are the first call's again"
    harness.click(qtbot, "Done")
    harness.click(qtbot, "Skip")
    harness.click(qtbot, "Write about it")
    [record] = harness.breaks.rows.values()
    assert record.call_id == 1
    assert [c.id if c else None for c in harness.writes] == [1]


def test_a_tag_during_a_break_taken_without_one_links_the_break_to_it(
    harness: Harness, qtbot: QtBot
) -> None:
    harness.flow.breathe()
    harness.click(qtbot, "Start breathing")
    harness.flow.tag_and_breathe(Reason.ABUSIVE)
    assert any(text.startswith("Call tagged") for text in visible_labels(harness.window))
    harness.click(qtbot, "Done")
    [record] = harness.breaks.rows.values()
    assert record.call_id == 1

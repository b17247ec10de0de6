"""One click is enough: the mood page counts down and breathing starts by itself, unless the
agent starts doing something with the page, and then it waits for them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QCursor, QEnterEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from companion.core.breaks import BreakOutcome
from companion.core.moods import Mood
from companion.core.settings import Settings
from companion.ui.breathing.messages import STOPPED_TEXT
from companion.ui.breathing.start_countdown import (
    AUTO_START_ENV,
    AUTO_START_SECONDS,
    auto_start_seconds,
)
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.app_icon import app_icon
from companion.ui.shell.tray import TrayController
from tests.fakes import FakeClock, InMemoryBreaks, InMemoryCalls
from tests.gui.breathing_helpers import Break, MakeBreak, break_flow, break_opener

#: Long enough never to tick by itself: these tests step the countdown themselves.
NEVER_MS = 3_600_000


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


def countdown_text(b: Break) -> list[str]:
    return [text for text in b.visible_text() if text.startswith("Starting in")]


def test_with_no_input_breathing_starts_by_itself_without_a_mood(make_break: MakeBreak) -> None:
    b = make_break(countdown_step_ms=NEVER_MS)
    assert b.window.counting_down
    assert countdown_text(b) == ["Starting in 5 s"]
    for left in (4, 3, 2, 1):
        b.countdown_step()
        assert countdown_text(b) == [f"Starting in {left} s"]
        assert b.window.current_page == "before"
    b.countdown_step()
    assert b.window.current_page == "breathing"
    assert b.frame_timer().isActive()
    b.breathe_for(3.0)
    b.click("Done")
    [record] = b.heard.records
    assert record.mood_before is None
    assert record.actual_seconds == pytest.approx(3.0)


def test_on_its_own_timer_the_countdown_reaches_breathing(
    make_break: MakeBreak, qtbot: QtBot
) -> None:
    b = make_break(auto_start_seconds=2, countdown_step_ms=10)
    qtbot.waitUntil(lambda: b.window.current_page == "breathing", timeout=2000)
    assert not b.window.counting_down


def engage_with_tab(b: Break) -> None:
    b.press(Qt.Key.Key_Tab)


def engage_with_the_pattern(b: Break) -> None:
    """The wheel over the pattern list picks the next pattern."""
    [box] = b.window.findChildren(QComboBox)
    local = QPointF(box.rect().center())
    wheel = QWheelEvent(
        local,
        QPointF(box.mapToGlobal(local)),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(box, wheel)
    assert b.window.pattern.key != "sigh"


def engage_with_why(b: Break) -> None:
    b.click("Why this works")


def engage_with_a_click_on_the_background(b: Break) -> None:
    b.qtbot.mouseClick(b.window, Qt.MouseButton.LeftButton, pos=QPoint(30, 200))


@pytest.mark.parametrize(
    "engage",
    [
        engage_with_tab,
        engage_with_the_pattern,
        engage_with_why,
        engage_with_a_click_on_the_background,
    ],
)
def test_engaging_with_the_page_stops_the_countdown(
    make_break: MakeBreak, engage: Callable[[Break], None]
) -> None:
    b = make_break(countdown_step_ms=NEVER_MS)
    b.countdown_step()
    engage(b)
    assert not b.window.counting_down
    assert not b.countdown_timer().isActive()
    assert STOPPED_TEXT in b.visible_text()
    assert countdown_text(b) == []
    b.countdown_step()  # a tick already queued changes nothing
    b.countdown_step()
    b.countdown_step()
    b.countdown_step()
    assert b.window.current_page == "before"
    b.click("Start breathing")
    assert b.window.current_page == "breathing"


def test_moving_the_pointer_over_the_window_stops_it_but_appearing_under_it_does_not(
    make_break: MakeBreak,
) -> None:
    b = make_break(countdown_step_ms=NEVER_MS)
    start_button = b.button("Start breathing")
    still = QCursor.pos()
    send_pointer_event(start_button, QEvent.Type.Enter)
    send_pointer_event(b.window, QEvent.Type.MouseMove)
    assert b.window.counting_down, "a window that opens under a still pointer is not engaged"
    QCursor.setPos(still + QPoint(40, 30))
    if QCursor.pos() == still:
        pytest.skip("this platform cannot move the pointer")
    send_pointer_event(b.window, QEvent.Type.MouseMove)
    assert not b.window.counting_down


def send_pointer_event(widget: QWidget, kind: QEvent.Type) -> None:
    """What Qt delivers when the pointer is over ``widget`` (buttons up, tracking on)."""
    local = QPointF(widget.rect().center())
    if kind is QEvent.Type.Enter:
        event: QEvent = QEnterEvent(local, local, QPointF(widget.mapToGlobal(local)))
    else:
        event = QMouseEvent(
            kind,
            local,
            QPointF(widget.mapToGlobal(local)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(widget, event)


def test_a_face_still_starts_breathing_with_that_mood(make_break: MakeBreak) -> None:
    b = make_break(countdown_step_ms=NEVER_MS)
    b.countdown_step()
    b.click("Mood 4: Calm")
    assert b.window.current_page == "breathing"
    assert not b.window.counting_down
    b.click("Done")
    assert b.heard.records[0].mood_before is Mood.CALM


def test_no_countdown_when_it_is_turned_off(make_break: MakeBreak) -> None:
    b = make_break(auto_start_seconds=0)
    assert not b.window.counting_down
    assert countdown_text(b) == []


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("0", 0), (" 12 ", 12), ("", None), ("-3", None), ("soon", None), ("2.5", None)],
)
def test_the_environment_pins_the_countdown_only_to_whole_seconds(
    text: str, seconds: int | None
) -> None:
    assert auto_start_seconds({AUTO_START_ENV: text}) == seconds
    assert auto_start_seconds({}) is None  # the settings decide


class FlowHarness:
    """Tray, break flow and repositories wired as app.py wires them, on a fake clock."""

    def __init__(self, step_ms: int, auto_start: int = AUTO_START_SECONDS) -> None:
        self.clock = FakeClock()
        self.calls = InMemoryCalls()
        self.breaks = InMemoryBreaks()
        self.flow = break_flow(
            self.calls,
            self.breaks,
            self.clock,
            Settings(break_seconds=30),
            auto_start_seconds=auto_start,
            countdown_step_ms=step_ms,
        )
        self.tray = TrayController(app_icon(), ShellActions())
        self.tray.actions.quick_tag_requested.connect(lambda: self.flow.tag_and_breathe(None))
        self.tray.actions.break_requested.connect(self.flow.breathe)


@pytest.fixture
def flow(qtbot: QtBot) -> Iterator[FlowHarness]:
    made = FlowHarness(step_ms=10)
    yield made
    if made.flow.window is not None:
        made.flow.window.discard()


def breathe_until_done(flow: FlowHarness, seconds: float) -> None:
    window = flow.flow.window
    assert window is not None
    for _ in range(round(seconds / 0.25)):
        flow.clock.advance(0.25)
        window.tick()


def test_a_tray_click_and_nothing_else_breathes_and_saves_the_break(
    flow: FlowHarness, qtbot: QtBot
) -> None:
    flow.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    window = flow.flow.window
    assert window is not None and window.current_page == "before"
    qtbot.waitUntil(lambda: window.current_page == "breathing", timeout=3000)
    breathe_until_done(flow, 40)
    assert window.current_page == "after"
    [record] = flow.breaks.rows.values()
    [call] = flow.calls.rows.values()
    assert record.call_id == call.id
    assert record.mood_before is None
    assert record.outcome is BreakOutcome.COMPLETED
    assert record.actual_seconds == pytest.approx(27.0)


def test_start_a_breathing_break_from_the_menu_also_starts_by_itself(
    flow: FlowHarness, qtbot: QtBot
) -> None:
    flow.tray.menu.actions()[1].trigger()  # "Start a breathing break"
    window = flow.flow.window
    assert window is not None
    qtbot.waitUntil(lambda: window.current_page == "breathing", timeout=3000)
    breathe_until_done(flow, 2)
    window.close()
    [record] = flow.breaks.rows.values()
    assert record.call_id is None and record.mood_before is None
    assert record.actual_seconds == pytest.approx(2.0)


def test_a_flow_with_the_countdown_off_waits_for_the_agent(qtbot: QtBot) -> None:
    harness = FlowHarness(step_ms=10, auto_start=0)
    harness.flow.breathe()
    window = harness.flow.window
    assert window is not None
    try:
        assert not window.counting_down
        timer = window.findChild(QTimer, "startCountdown")
        assert timer is not None and not timer.isActive()
        assert window.current_page == "before"
    finally:
        window.discard()

"""The breathing window driven with a fake clock: mood, breathing, keys, and the after page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.settings import Settings
from tests.fakes import T0
from tests.gui.breathing_helpers import MakeBreak, break_opener


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


def test_it_is_a_frameless_top_level_window_found_by_title(make_break: MakeBreak) -> None:
    window = make_break().window
    assert window.windowTitle() == "Companion — Breathing break"
    assert window.objectName() == "breathingWindow"
    assert window.windowType() == Qt.WindowType.Window
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.current_page == "before"


def test_shows_centred_on_the_screen_it_is_given(make_break: MakeBreak) -> None:
    window = make_break().window
    screen = QGuiApplication.primaryScreen()
    window.show_centered_on(screen)
    centre, wanted = window.geometry().center(), screen.availableGeometry().center()
    assert abs(centre.x() - wanted.x()) <= 1
    assert abs(centre.y() - wanted.y()) <= 1
    assert window.isVisible()


def test_a_whole_cyclic_sigh_break_runs_to_completion(make_break: MakeBreak) -> None:
    b = make_break(Settings(pattern_key="sigh", break_seconds=30))
    assert b.window.timer.planned_seconds == 27.0
    b.click("Mood 3: Okay")
    assert b.window.current_page == "breathing"
    words: list[str] = []
    for _ in range(200):
        state = b.window.pacer.state
        if state is not None and (not words or words[-1] != state.word):
            words.append(state.word)
        if b.window.current_page != "breathing":
            break
        b.breathe_for(0.25)
    assert words == ["Breathe in", "In again", "Breathe out"] * 3
    assert b.window.current_page == "after"
    assert b.heard.records == [
        BreakRecord(
            started_at=T0,
            pattern_key="sigh",
            planned_seconds=27.0,
            actual_seconds=27.0,
            outcome=BreakOutcome.COMPLETED,
            mood_before=Mood.OKAY,
            planned_at_start_seconds=27.0,
        )
    ]
    assert "Your break is done. Take your time." in b.visible_text()


def test_time_left_counts_down(make_break: MakeBreak) -> None:
    b = make_break(Settings(pattern_key="sigh", break_seconds=60))
    b.click("Start breathing")
    assert b.window.timer.planned_seconds == 63.0  # seven whole breaths of nine seconds
    assert "1:03 left" in b.visible_text()
    b.breathe_for(10.5)
    assert "0:53 left" in b.visible_text()


def test_keyboard_only_break(make_break: MakeBreak) -> None:
    b = make_break()
    b.press(Qt.Key.Key_3)
    assert b.window.current_page == "breathing"
    b.breathe_for(2.0)
    b.press(Qt.Key.Key_Space)
    assert b.window.timer.paused
    assert not b.frame_timer().isActive()
    paused_at = b.window.timer.elapsed(b.clock.monotonic())
    b.breathe_for(5.0)
    assert b.window.timer.elapsed(b.clock.monotonic()) == paused_at
    assert any(text.startswith("Paused") for text in b.visible_text())
    b.press(Qt.Key.Key_Space)
    assert not b.window.timer.paused
    b.breathe_for(1.0)
    assert b.window.timer.elapsed(b.clock.monotonic()) == pytest.approx(paused_at + 1.0)
    b.press(Qt.Key.Key_Escape)
    assert b.window.current_page == "after"
    [record] = b.heard.records
    assert record.outcome is BreakOutcome.ENDED_EARLY
    assert record.actual_seconds == pytest.approx(3.0)
    assert record.mood_before is Mood.OKAY
    b.press(Qt.Key.Key_4)
    assert b.heard.moods_after == [Mood.CALM]
    assert any("Calm" in text for text in b.visible_text())
    b.press(Qt.Key.Key_Escape)
    assert b.heard.closes == 1
    assert not b.window.isVisible()
    assert len(b.heard.records) == 1


def test_tab_reaches_every_button_while_breathing(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=1))
    b.click("Start breathing")
    assert b.window.focusWidget() is b.button("Pause")
    reached: set[QWidget] = set()
    for _ in range(12):
        b.press(Qt.Key.Key_Tab)
        focused = b.window.focusWidget()
        assert focused is not None
        reached.add(focused)
    for name in ("+30 s", "Pause", "Done", "Skip", "Add details (optional)", "Close"):
        assert b.button(name) in reached


def test_plus_30_s_extends_the_plan_by_whole_breaths(make_break: MakeBreak) -> None:
    b = make_break(Settings(pattern_key="sigh", break_seconds=60))
    b.click("Start breathing")
    planned = b.window.timer.planned_seconds
    b.click("+30 s")
    assert planned == 63  # seven 9-second sighs
    assert b.window.timer.planned_seconds == planned + 27  # three more sighs
    assert "1:30 left" in b.visible_text()
    b.click("Done")
    [record] = b.heard.records
    assert (record.planned_at_start_seconds, record.planned_seconds) == (63, 90)


def test_skip_records_a_skipped_break_and_closes(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=4))
    b.click("Mood 2: Low")
    b.breathe_for(3.0)
    b.click("Skip")
    [record] = b.heard.records
    assert record.outcome is BreakOutcome.SKIPPED
    assert record.call_id == 4
    assert record.mood_before is Mood.LOW
    assert record.actual_seconds == pytest.approx(3.0)
    assert not b.window.isVisible()
    assert b.heard.closes == 1


def test_done_then_write_about_it(make_break: MakeBreak) -> None:
    b = make_break()
    b.click("Mood 1: Awful")
    b.breathe_for(1.0)
    b.click("Done")
    assert b.heard.records[0].outcome is BreakOutcome.ENDED_EARLY
    assert "A short pause counts too." in b.visible_text()
    b.click("Skip")
    assert b.heard.moods_after == [None]
    b.click("Write about it")
    assert b.heard.writes == 1
    assert b.heard.closes == 1


def test_closing_mid_breath_records_it_once(make_break: MakeBreak) -> None:
    b = make_break()
    b.click("Start breathing")
    b.breathe_for(4.0)
    b.window.close()
    b.window.close()
    [record] = b.heard.records
    assert record.outcome is BreakOutcome.ENDED_EARLY
    assert b.heard.closes == 1
    assert not b.frame_timer().isActive()


@pytest.mark.parametrize("mood_check", [True, False])
def test_escape_before_breathing_records_a_skipped_break_of_no_time(
    make_break: MakeBreak, mood_check: bool
) -> None:
    b = make_break(Settings(mood_check=mood_check), call=DifficultCall(tagged_at=T0, id=5))
    b.clock.advance(2.0)  # the agent looks at the page, then changes their mind
    b.press(Qt.Key.Key_Escape)
    assert not b.window.isVisible()
    assert b.heard.records == [
        BreakRecord(
            started_at=T0,
            pattern_key="sigh",
            planned_seconds=b.window.timer.planned_seconds,
            actual_seconds=0.0,
            outcome=BreakOutcome.SKIPPED,
            call_id=5,
            planned_at_start_seconds=b.window.timer.planned_seconds,
        )
    ]
    assert b.heard.closes == 1


def test_closing_at_the_mood_check_records_it_once(make_break: MakeBreak) -> None:
    b = make_break()
    b.click("Close")
    b.window.close()
    assert [r.outcome for r in b.heard.records] == [BreakOutcome.SKIPPED]


def test_the_frame_timer_runs_only_while_breathing(make_break: MakeBreak) -> None:
    b = make_break()
    assert not b.frame_timer().isActive()
    b.click("Start breathing")
    assert b.frame_timer().isActive()
    assert b.frame_timer().interval() == 16
    assert b.frame_timer().timerType() == Qt.TimerType.PreciseTimer
    b.click("Pause")
    assert not b.frame_timer().isActive()
    b.click("Resume")
    assert b.frame_timer().isActive()
    b.click("Done")
    assert not b.frame_timer().isActive()


def test_reduced_motion_uses_the_still_pacer_and_a_slower_timer(make_break: MakeBreak) -> None:
    b = make_break(reduced_motion=True)
    b.click("Start breathing")
    assert b.window.pacer.reduced_motion
    assert b.frame_timer().interval() == 100
    b.breathe_for(1.0)
    assert b.window.pacer.state is not None
    assert not b.window.pacer.grab().isNull()


def test_tab_reaches_everything_before_breathing(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=1), show_undo=True)
    assert b.window.focusWidget() is b.button("Mood 3: Okay")
    reached: set[QWidget] = set()
    for _ in range(14):
        b.press(Qt.Key.Key_Tab)
        focused = b.window.focusWidget()
        assert focused is not None
        reached.add(focused)
    names = [f"Mood {int(m)}: {m.label}" for m in Mood]
    for name in (*names, "Skip", "Why this works", "Start breathing", "Undo", "Close"):
        assert b.button(name) in reached
    assert any(w.accessibleName() == "Breathing pattern" for w in reached)


@pytest.mark.parametrize("focused", ["Done", "+30 s", "Skip"])
def test_space_pauses_wherever_the_focus_is_and_enter_presses_the_button(
    make_break: MakeBreak, focused: str
) -> None:
    b = make_break(Settings(pattern_key="sigh", break_seconds=60))
    b.click("Start breathing")
    planned = b.window.timer.planned_seconds
    b.breathe_for(2.0)
    b.button(focused).setFocus()
    b.press(Qt.Key.Key_Space)
    assert b.window.current_page == "breathing"
    assert b.window.timer.paused
    assert b.window.timer.planned_seconds == planned
    b.press(Qt.Key.Key_Space)
    assert not b.window.timer.paused
    assert b.heard.records == []
    b.press(Qt.Key.Key_Return)
    if focused == "+30 s":
        assert b.window.timer.planned_seconds == planned + 27
    elif focused == "Done":
        assert b.window.current_page == "after"
        assert b.heard.records[0].outcome is BreakOutcome.ENDED_EARLY
    else:
        assert b.heard.records[0].outcome is BreakOutcome.SKIPPED


def test_space_types_in_the_note_while_breathing(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=3))
    b.click("Start breathing")
    b.click("Add details (optional)")
    note = next(
        e
        for e in b.window.findChildren(QLineEdit)
        if e.accessibleName().endswith("note about the call")
    )
    note.setFocus()
    b.qtbot.keyClicks(note, "on hold")
    assert note.text() == "on hold"
    assert not b.window.timer.paused


def test_space_on_the_after_page_presses_the_focused_button(make_break: MakeBreak) -> None:
    b = make_break(Settings(mood_check=False))
    b.click("Start breathing")
    b.click("Done")
    b.button("Back to work").setFocus()
    b.press(Qt.Key.Key_Space)
    assert b.heard.closes == 1

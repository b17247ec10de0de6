"""The breathing window's extras: the undo banner, call details, settings and patterns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.core.breathing import BOX, whole_cycles_length
from companion.core.calls import DifficultCall
from companion.core.settings import Settings
from tests.fakes import T0
from tests.gui.breathing_helpers import MakeBreak, break_opener


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


def test_undo_stays_for_as_long_as_the_window_is_open(make_break: MakeBreak) -> None:
    """No time limit on taking a tag back (WCAG 2.2.1): an hour on the fake clock, still there."""
    b = make_break(call=DifficultCall(tagged_at=T0, id=2), show_undo=True)
    assert "Call tagged at 10:00\u202fAM ·" in b.visible_text()
    b.press(Qt.Key.Key_3)  # the mood, by keyboard
    b.breathe_for(b.window.timer.planned_seconds + 1.0, step=1.0)
    assert b.window.current_page == "after"
    b.clock.advance(3600)
    b.window.tick()
    assert "Call tagged at 10:00\u202fAM ·" in b.visible_text()
    b.window.close_button.setFocus()
    b.press(Qt.Key.Key_Tab)
    assert b.window.focusWidget() is b.button("Undo")
    b.press(Qt.Key.Key_Return)
    assert b.heard.undos == 1


def test_undo_asks_the_app_and_forgets_the_call(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=2), show_undo=True)
    b.click("Undo")
    assert b.heard.undos == 1
    b.click("Start breathing")
    b.click("Done")
    assert b.heard.records[0].call_id is None


def test_discard_closes_without_recording(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=2), show_undo=True)
    b.click("Start breathing")
    b.breathe_for(2.0)
    b.window.discard()
    assert b.heard.records == []
    assert b.heard.closes == 1


def test_no_undo_banner_unless_asked(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=2))
    assert not any(text.startswith("Call tagged") for text in b.visible_text())


def test_call_details_reach_the_app(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=6))
    b.click("Start breathing")
    b.click("Add details (optional)")
    b.click("Intensity 4 of 5")
    assert b.heard.calls[-1] == DifficultCall(tagged_at=T0, id=6, intensity=4)


def test_without_mood_check_there_are_no_mood_questions(make_break: MakeBreak) -> None:
    b = make_break(Settings(mood_check=False))
    assert "How are you feeling right now?" not in b.visible_text()
    assert b.window.focusWidget() is b.button("Start breathing")
    b.press(Qt.Key.Key_Return)
    assert b.window.current_page == "breathing"
    b.click("Done")
    assert "How do you feel now?" not in b.visible_text()
    assert b.button("Back to work").isVisible()
    assert b.heard.records[0].mood_before is None
    b.click("Back to work")
    assert b.heard.moods_after == []
    assert b.heard.closes == 1


def test_choosing_a_pattern_changes_the_plan_and_the_why(make_break: MakeBreak) -> None:
    b = make_break(Settings(pattern_key="sigh", break_seconds=75))
    box = next(
        w for w in b.window.findChildren(QWidget) if w.accessibleName() == "Breathing pattern"
    )
    box.setFocus()
    b.press(Qt.Key.Key_Down)
    assert b.window.pattern is BOX
    assert b.window.timer.planned_seconds == whole_cycles_length(BOX, 75)
    assert BOX.summary in b.visible_text()
    assert BOX.why not in b.visible_text()
    b.click("Why this works")
    assert BOX.why in b.visible_text()
    assert BOX.source in b.visible_text()
    b.click("Start breathing")
    b.click("Done")
    assert b.heard.records[0].pattern_key == "box"


def test_the_undo_banner_has_no_timer_and_needs_no_frames(make_break: MakeBreak) -> None:
    """Nothing about it changes on its own: no countdown, no flashing, no frame timer."""
    b = make_break(call=DifficultCall(tagged_at=T0, id=1), show_undo=True)
    banner = b.window.findChild(QWidget, "undoBanner")
    assert banner is not None and banner.isVisible()
    assert banner.findChildren(QTimer) == []
    assert not b.frame_timer().isActive()
    b.window.close()
    assert b.heard.undos == 0

"""'Undo' by keyboard: the second stop for Tab on every page of the break window (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.core.calls import DifficultCall
from tests.fakes import T0
from tests.gui.breathing_helpers import Break, MakeBreak, break_opener


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


def tab_walk(b: Break, presses: int, key: Qt.Key = Qt.Key.Key_Tab) -> list[str]:
    """The accessible names the focus lands on, one Tab (or Shift+Tab) at a time."""
    names = []
    for _ in range(presses):
        if key == Qt.Key.Key_Backtab:
            b.qtbot.keyClick(
                b.window.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier
            )
        else:
            b.press(key)
        focused = b.window.focusWidget()
        assert isinstance(focused, QWidget)
        names.append(focused.accessibleName())
    return names


def test_on_the_mood_check_undo_comes_before_the_faces(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=1), show_undo=True)
    assert b.window.focusWidget() is b.button("Mood 3: Okay")
    assert tab_walk(b, 3, Qt.Key.Key_Backtab) == [
        "Mood 2: Low",
        "Mood 1: Awful",
        "Undo tagging the call",
    ]
    assert tab_walk(b, 1, Qt.Key.Key_Backtab) == ["Close"]
    assert tab_walk(b, 2) == ["Undo tagging the call", "Mood 1: Awful"]


def test_while_breathing_undo_comes_before_the_pacer_s_controls(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=1), show_undo=True)
    b.press(Qt.Key.Key_3)
    assert b.window.current_page == "breathing"
    b.breathe_for(30.0, step=1.0)
    b.window.close_button.setFocus()
    assert tab_walk(b, 3) == ["Undo tagging the call", "Add 30 seconds", "Pause"]


def test_after_the_break_undo_is_still_the_second_stop(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=1), show_undo=True)
    b.press(Qt.Key.Key_3)
    b.press(Qt.Key.Key_Escape)  # ends the breathing early
    assert b.window.current_page == "after"
    b.window.close_button.setFocus()
    [undo] = tab_walk(b, 1)
    assert undo == "Undo tagging the call"


def test_a_second_tag_s_undo_takes_the_same_place(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=1), show_undo=True)
    b.press(Qt.Key.Key_3)
    b.window.show_call(DifficultCall(tagged_at=T0, id=2))
    b.window.close_button.setFocus()
    assert tab_walk(b, 2) == ["Undo tagging the call", "Add 30 seconds"]
    assert tab_walk(b, 1, Qt.Key.Key_Backtab) == ["Undo tagging the call"]
    b.qtbot.keyClick(b.window.focusWidget(), Qt.Key.Key_Return)
    assert b.heard.undos == 1

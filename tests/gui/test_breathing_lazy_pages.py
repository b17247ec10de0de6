"""The breathing window builds only the page it opens on; the others arrive when first shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QScrollArea
from pytestqt.qtbot import QtBot

from companion.core.breathing import BOX, CYCLIC_SIGHING
from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.settings import Settings
from companion.ui.breathing.pacer import PacerWidget
from tests.fakes import T0
from tests.gui.breathing_helpers import Break, MakeBreak, break_opener


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


def button_names(b: Break) -> set[str]:
    return {button.accessibleName() for button in b.window.findChildren(QAbstractButton)}


@pytest.mark.parametrize("mood_check", [True, False])
def test_only_the_first_page_exists_until_it_is_left(
    make_break: MakeBreak, mood_check: bool
) -> None:
    b = make_break(Settings(mood_check=mood_check), call=DifficultCall(tagged_at=T0, id=1))
    assert b.window.findChildren(PacerWidget) == []
    assert "Back to work" not in button_names(b)
    assert "Start breathing" in button_names(b)

    b.press(Qt.Key.Key_3 if mood_check else Qt.Key.Key_Return)

    assert len(b.window.findChildren(PacerWidget)) == 1
    assert "Back to work" not in button_names(b)


def test_the_pages_built_later_work_from_the_keyboard(make_break: MakeBreak) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=3), show_undo=True)
    b.press(Qt.Key.Key_2)
    assert b.window.focusWidget() is b.button("Pause")
    b.breathe_for(1.0)
    b.press(Qt.Key.Key_Space)
    assert b.window.timer.paused
    b.press(Qt.Key.Key_Tab)
    assert b.window.focusWidget() is b.button("Done, end the break now")
    b.press(Qt.Key.Key_Space)  # Space resumes, even on Done
    assert not b.window.timer.paused
    b.press(Qt.Key.Key_Return)  # Enter presses the focused button
    assert b.window.current_page == "after"
    assert b.window.focusWidget() is b.button("Mood 3: Okay")
    b.press(Qt.Key.Key_5)
    assert b.heard.moods_after == [Mood.GOOD]
    assert b.window.focusWidget() is b.button("Back to work")
    b.press(Qt.Key.Key_Tab)
    b.press(Qt.Key.Key_Tab)
    b.press(Qt.Key.Key_Tab)
    assert b.window.focusWidget() is b.button("Write about it")
    b.press(Qt.Key.Key_Return)
    assert b.heard.writes == 1
    assert [r.mood_before for r in b.heard.records] == [Mood.LOW]


def test_after_an_undo_the_breathing_page_has_no_details_to_fill_in(
    make_break: MakeBreak,
) -> None:
    b = make_break(call=DifficultCall(tagged_at=T0, id=2), show_undo=True)
    b.click("Undo")
    b.click("Start breathing")
    assert "Add details about the call" not in button_names(b)
    b.click("Done")
    assert b.heard.records[0].call_id is None


def test_why_this_works_is_built_when_first_opened_and_follows_the_pattern(
    make_break: MakeBreak,
) -> None:
    b = make_break(Settings(pattern_key="sigh", mood_check=False))
    assert b.window.findChildren(QScrollArea) == []
    b.button("Why this works").setFocus()
    b.press(Qt.Key.Key_Space)
    [area] = b.window.findChildren(QScrollArea)
    assert CYCLIC_SIGHING.why in b.visible_text()
    b.press(Qt.Key.Key_Tab)
    assert b.window.focusWidget() is area, "Tab goes from the toggle into the text"
    b.press(Qt.Key.Key_Tab)
    assert b.window.focusWidget() is b.button("Start breathing")
    [box] = b.window.findChildren(QComboBox)
    box.setCurrentIndex(box.findData(BOX.key))
    assert BOX.why in b.visible_text()
    assert BOX.source in b.visible_text()
    b.click("Hide why")
    assert not area.isVisible()
    assert BOX.why not in b.visible_text()

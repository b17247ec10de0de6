"""What every break says for the agent's safety, and 4-7-8's hand-over to normal breathing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from companion.core.breathing import PATTERNS
from companion.core.settings import Settings
from companion.ui.breathing import messages
from tests.gui.breathing_helpers import MakeBreak, break_opener


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


@pytest.mark.parametrize("key", list(PATTERNS))
def test_every_break_says_to_stop_if_dizzy(make_break: MakeBreak, key: str) -> None:
    b = make_break(Settings(pattern_key=key))
    b.click("Start breathing")
    b.breathe_for(1.0)
    assert messages.SAFETY in b.visible_text()
    label = next(
        w for w in b.window.findChildren(QLabel) if w.isVisible() and w.text() == messages.SAFETY
    )
    assert label.accessibleName() == messages.SAFETY
    assert label.wordWrap()


def test_4_7_8_says_breathe_normally_after_four_breaths(make_break: MakeBreak) -> None:
    b = make_break(Settings(pattern_key="478", break_seconds=120))
    b.click("Start breathing")
    b.breathe_for(75.0)
    pacer = b.window.pacer
    assert pacer.state is not None and pacer.state.word == "Breathe out"
    b.breathe_for(2.0)
    assert pacer.state is not None and pacer.state.word == "Breathe normally"
    assert pacer.accessibleDescription() == "Breathe normally"
    b.breathe_for(30.0)
    assert pacer.state is not None and pacer.state.word == "Breathe normally"


def test_4_7_8_plus_30_s_adds_normal_breaths_not_holds(make_break: MakeBreak) -> None:
    b = make_break(Settings(pattern_key="478", break_seconds=75))
    assert b.window.timer.planned_seconds == 76.0  # Weil's four breaths
    b.click("Start breathing")
    b.breathe_for(70.0)
    b.click("Add 30 seconds")
    assert b.window.timer.planned_seconds == 104.0  # four easy 7 s breaths more
    b.breathe_for(33.75)
    assert b.window.pacer.state is not None
    assert b.window.pacer.state.word == "Breathe normally"
    assert b.window.current_page == "breathing"

"""IT's EAP or peer-support contact: one quiet line after the break, never before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from companion.core.calls import DifficultCall
from companion.core.settings import Settings
from tests.fakes import T0, FakeClock, InMemoryBreaks, InMemoryCalls
from tests.gui.breathing_helpers import MakeBreak, break_flow, break_opener

CONTACT = "Employee Assistance: 0800 123 456 <b>24 h</b>"
LINE = f"Need to talk? {CONTACT}"


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


def test_the_contact_shows_after_a_hard_call_as_plain_text(make_break: MakeBreak) -> None:
    b = make_break(
        Settings(mood_check=False), call=DifficultCall(tagged_at=T0, id=1), support_contact=CONTACT
    )
    assert LINE not in b.visible_text()

    b.click("Start breathing")
    assert LINE not in b.visible_text()
    b.click("Done")

    assert LINE in b.visible_text()
    label = b.window.findChild(QLabel, "supportContact")
    assert isinstance(label, QLabel) and label.textFormat() is Qt.TextFormat.PlainText


def test_with_the_mood_check_it_follows_the_answer(make_break: MakeBreak) -> None:
    b = make_break(support_contact=CONTACT)
    b.click("Mood 2: Low")
    b.click("Done")
    assert LINE not in b.visible_text()

    b.click("Mood 3: Okay")

    assert LINE in b.visible_text()


def test_without_a_contact_there_is_no_line(make_break: MakeBreak) -> None:
    b = make_break(Settings(mood_check=False))
    b.click("Start breathing")
    b.click("Done")

    assert not any(text.startswith("Need to talk?") for text in b.visible_text())
    assert b.window.findChild(QLabel, "supportContact") is None


def test_the_break_flow_passes_the_contact_on(qtbot: QtBot) -> None:
    flow = break_flow(
        InMemoryCalls(),
        InMemoryBreaks(),
        FakeClock(),
        Settings(mood_check=False),
        support_contact=CONTACT,
    )
    flow.tag_and_breathe()
    assert flow.window is not None
    qtbot.addWidget(flow.window)
    qtbot.keyClick(flow.window, Qt.Key.Key_Return)  # start breathing
    qtbot.keyClick(flow.window, Qt.Key.Key_Escape)  # end it: the after page

    label = flow.window.findChild(QLabel, "supportContact")

    assert isinstance(label, QLabel) and label.text() == LINE

"""After-care by reason (issue #10): offered after the break, one click away and never in the
way (Back to work keeps the focus); the pages, "Need to talk?", and the reply you won't send."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from companion.core.aftercare import Care, care_after
from companion.core.calls import DifficultCall, Reason
from companion.core.settings import Settings
from companion.ui.care import messages as text
from companion.ui.care.care_window import CareWindow
from companion.ui.care.cool_off import CoolOffWindow
from tests.fakes import T0
from tests.gui.breathing_helpers import MakeBreak, break_opener

HINT = "Press <b>Not Ready</b> in the softphone first."


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


def finished(make_break: MakeBreak, reason: Reason | None) -> object:
    b = make_break(
        Settings(mood_check=False), call=DifficultCall(tagged_at=T0, id=1, reason=reason)
    )
    b.click("Start breathing")
    b.click("Done")
    return b


@pytest.mark.parametrize(
    ("reason", "offer"),
    [
        (Reason.ABUSIVE, Care.REFRAME),
        (Reason.ANGRY, Care.REFRAME),
        (Reason.UNRESOLVED, Care.CALLBACK),
        (Reason.DISTRESSING, Care.DEBRIEF),
    ],
)
def test_each_reason_is_offered_its_care_and_back_to_work_keeps_the_focus(
    make_break: MakeBreak, reason: Reason, offer: Care
) -> None:
    b = finished(make_break, reason)

    assert care_after(reason) is offer
    back = b.button("Back to work")  # type: ignore[attr-defined]
    assert back.hasFocus()  # the offer is one Tab away, never the default
    b.click(text.OFFER[offer])  # type: ignore[attr-defined]
    assert b.heard.cares == [offer]  # type: ignore[attr-defined]


@pytest.mark.parametrize("reason", [None, Reason.ESCALATED, Reason.OTHER])
def test_other_calls_are_offered_nothing_special(make_break: MakeBreak, reason: Reason) -> None:
    b = finished(make_break, reason)
    offers = set(text.OFFER.values())
    shown = {
        button.text()
        for button in b.window.findChildren(QPushButton)
        if button.isVisible()  # type: ignore[attr-defined]
    }
    assert not offers & shown


def test_the_phone_hint_shows_before_breathing_as_plain_text(make_break: MakeBreak) -> None:
    b = make_break(phone_hint=HINT)
    assert HINT in b.visible_text()
    [label] = [lbl for lbl in b.window.findChildren(QLabel) if lbl.text() == HINT]
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert HINT not in make_break().visible_text()


def test_the_reframe_says_what_it_was_and_what_may_be_done(qtbot: QtBot) -> None:
    window = CareWindow(Care.REFRAME, Reason.ABUSIVE)
    qtbot.addWidget(window)
    said = [label.text() for label in window.findChildren(QLabel)]
    assert text.REFRAME[Reason.ABUSIVE] in said and text.NO_LIMITS in said

    theirs = CareWindow(Care.REFRAME, Reason.ANGRY, limits="End it <i>after</i> one warning.")
    qtbot.addWidget(theirs)
    limits = theirs.findChild(QLabel, "limits")
    assert isinstance(limits, QLabel) and limits.text() == "End it <i>after</i> one warning."
    assert limits.textFormat() is Qt.TextFormat.PlainText
    assert text.REFRAME[Reason.ANGRY] in [label.text() for label in theirs.findChildren(QLabel)]


def test_need_to_talk_shows_its_contact_or_where_help_is_usually_found(qtbot: QtBot) -> None:
    none = CareWindow(Care.TALK)
    qtbot.addWidget(none)
    assert none.contact.text() == text.NO_CONTACT
    assert none.windowTitle() == "Companion — Need to talk?"

    theirs = CareWindow(Care.TALK, contact="EAP: 0800 123 456")
    qtbot.addWidget(theirs)
    assert theirs.contact.text() == "EAP: 0800 123 456"
    assert theirs.contact.focusPolicy() is Qt.FocusPolicy.StrongFocus  # Tab reaches the number


def test_a_page_is_closed_with_escape_and_its_first_button_has_the_focus(qtbot: QtBot) -> None:
    window = CareWindow(Care.DEBRIEF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.buttons[0].text() == text.WRITE and window.buttons[0].hasFocus()
    wanted: list[None] = []
    window.write_requested.connect(lambda: wanted.append(None))

    qtbot.keyClick(window.buttons[0], Qt.Key.Key_Return)
    assert wanted == [None] and not window.isVisible()


def test_the_unsent_reply_cannot_be_copied_out(qtbot: QtBot) -> None:
    window = CoolOffWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("what was there")
    window.field.setPlainText("You never listen to anything I say")
    window.field.selectAll()

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for key, held in ((Qt.Key.Key_C, ctrl), (Qt.Key.Key_X, ctrl), (Qt.Key.Key_Insert, ctrl)):
        qtbot.keyClick(window.field, key, held)
    qtbot.keyClick(window.field, Qt.Key.Key_Delete, shift)  # cut, on X11 and Windows

    assert clipboard.text() == "what was there"
    assert window.field.toPlainText() == "You never listen to anything I say"
    assert window.field.contextMenuPolicy() is Qt.ContextMenuPolicy.NoContextMenu
    assert window.field.createMimeDataFromSelection().text() == ""


def test_kept_it_goes_to_the_journal_and_closing_with_words_asks_first(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept: list[str] = []
    window = CoolOffWindow()
    window.keep_requested.connect(kept.append)
    window.show()
    window.field.setPlainText("  I was doing my best.  ")
    window.keep.click()
    assert kept == ["I was doing my best."]

    asked: list[str] = []

    def answer(question: object, parent: object = None, name: str = "") -> bool:
        asked.append(getattr(question, "title", ""))
        return False  # "Keep in my journal", the default

    monkeypatch.setattr("companion.ui.care.cool_off.ask_safely", answer)
    other = CoolOffWindow()
    other.keep_requested.connect(kept.append)
    other.show()
    other.field.setPlainText("Second thoughts")
    other.close()
    assert asked == [text.KEEP_QUESTION] and kept[-1] == "Second thoughts"

    thrown = CoolOffWindow()
    thrown.keep_requested.connect(kept.append)
    thrown.show()
    thrown.field.setPlainText("Gone")
    thrown.throw_away.click()
    assert kept[-1] == "Second thoughts" and len(asked) == 1

"""Optional call details: hidden until asked for, each change sent as a checked call."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from companion.core.calls import DifficultCall, InvalidCallDetail, Reason
from companion.ui.calls.call_details import CallDetailsForm
from tests.fakes import T0


@dataclass(frozen=True)
class RefusingCall(DifficultCall):
    """A call whose details never pass the check, to see how the form shows the reason."""

    def with_details(self, **details: Any) -> DifficultCall:
        raise InvalidCallDetail("That case number is too long to keep.")


def make_form(qtbot: QtBot, call: DifficultCall) -> tuple[CallDetailsForm, list[DifficultCall]]:
    form = CallDetailsForm(call)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    sent: list[DifficultCall] = []
    form.details_changed.connect(sent.append)
    return form, sent


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[tuple[CallDetailsForm, list[DifficultCall]]]:
    yield make_form(qtbot, DifficultCall(tagged_at=T0, id=5))


def test_collapsed_until_asked(form: tuple[CallDetailsForm, list[DifficultCall]]) -> None:
    widget, _ = form
    assert not widget.expanded
    assert not widget.note_edit().isVisible()
    widget.set_expanded(True)
    assert widget.note_edit().isVisible()


def test_the_toggle_opens_the_details(
    qtbot: QtBot, form: tuple[CallDetailsForm, list[DifficultCall]]
) -> None:
    widget, _ = form
    visible = [b for b in widget.findChildren(QPushButton) if b.isVisible()]
    assert [b.text() for b in visible] == ["Add details (optional)"]
    toggle = visible[0]
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert widget.reason_box().isVisible()
    assert toggle.text() == "Hide details"


def test_reason_is_sent_at_once(
    qtbot: QtBot, form: tuple[CallDetailsForm, list[DifficultCall]]
) -> None:
    widget, sent = form
    widget.set_expanded(True)
    box = widget.reason_box()
    assert [box.itemText(i) for i in range(1, box.count())] == [r.label for r in Reason]
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert sent[-1].reason is Reason.ABUSIVE
    assert sent[-1].id == 5


def test_intensity_is_sent_and_a_second_press_clears_it(
    qtbot: QtBot, form: tuple[CallDetailsForm, list[DifficultCall]]
) -> None:
    widget, sent = form
    widget.set_expanded(True)
    qtbot.mouseClick(widget.intensity_button(4), Qt.MouseButton.LeftButton)
    assert sent[-1].intensity == 4
    qtbot.mouseClick(widget.intensity_button(2), Qt.MouseButton.LeftButton)
    assert sent[-1].intensity == 2
    assert not widget.intensity_button(4).isChecked()
    qtbot.mouseClick(widget.intensity_button(2), Qt.MouseButton.LeftButton)
    assert sent[-1].intensity is None


def test_typed_text_is_cleaned_and_sent_on_enter(
    qtbot: QtBot, form: tuple[CallDetailsForm, list[DifficultCall]]
) -> None:
    widget, sent = form
    widget.set_expanded(True)
    qtbot.keyClicks(widget.case_ref_edit(), "  CASE-1234  ")
    assert not sent, "nothing is sent while typing"
    qtbot.keyClick(widget.case_ref_edit(), Qt.Key.Key_Return)
    assert sent[-1].case_ref == "CASE-1234"


def test_commit_sends_pending_text_once(
    qtbot: QtBot, form: tuple[CallDetailsForm, list[DifficultCall]]
) -> None:
    widget, sent = form
    widget.set_expanded(True)
    qtbot.keyClicks(widget.note_edit(), "Caller shouted about the refund")
    widget.commit()
    widget.commit()
    assert [c.note for c in sent] == ["Caller shouted about the refund"]


def test_details_already_known_are_shown(qtbot: QtBot) -> None:
    call = DifficultCall(tagged_at=T0, id=9, reason=Reason.ESCALATED, intensity=3, case_ref="X1")
    widget, sent = make_form(qtbot, call)
    assert widget.reason_box().currentText() == "Escalated"
    assert widget.intensity_button(3).isChecked()
    assert widget.case_ref_edit().text() == "X1"
    widget.commit()
    assert not sent


def test_a_refused_detail_is_explained_inline(qtbot: QtBot) -> None:
    widget, sent = make_form(qtbot, RefusingCall(tagged_at=T0, id=3))
    widget.set_expanded(True)
    qtbot.mouseClick(widget.intensity_button(1), Qt.MouseButton.LeftButton)
    assert not sent
    assert widget.error_text() == "That case number is too long to keep."

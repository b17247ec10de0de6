"""Call details later: the recent hard calls window, and "Call details…" in the journal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QListView, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from companion.core.calls import DifficultCall, Reason
from companion.core.ports import StorageUnavailable
from companion.flows.journaling import JournalFlow
from companion.ui.calls.call_details import CallDetailsForm
from companion.ui.calls.recent_calls import RecentCallsWindow
from companion.ui.journal.journal_windows import JournalWindows
from companion.ui.privacy.capture_shield import CaptureShield
from tests.fakes import InMemoryCalls
from tests.gui.journal_helpers import Services, button, make_services, rows, visible_texts


def list_rows(window: RecentCallsWindow) -> list[str]:
    found = window.findChild(QListWidget, "recentCallsList")
    assert isinstance(found, QListWidget)
    return [found.item(row).text() for row in range(found.count())]


def choose_row(window: RecentCallsWindow, row: int) -> None:
    found = window.findChild(QListWidget, "recentCallsList")
    assert isinstance(found, QListWidget)
    found.setCurrentRow(row)


@pytest.fixture
def services() -> Services:
    return make_services()


def open_window(qtbot: QtBot, services: Services, select: int | None = None) -> RecentCallsWindow:
    window = RecentCallsWindow(services.calls, services.clock)
    qtbot.addWidget(window)
    window.refresh(select)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_calls_are_listed_newest_first_with_what_is_known(
    qtbot: QtBot, services: Services
) -> None:
    services.add_call(5, Reason.ANGRY)
    services.calls.update(services.add_call(30).with_details(intensity=4, case_ref="CS-9"))
    window = open_window(qtbot, services)
    assert list_rows(window) == [
        "Today 10:30\u202fAM · no reason given · 4 of 5 · CS-9",
        "Today 10:05\u202fAM · Angry",
    ]
    assert window.form is not None and window.form.call.id == 2, "the newest is chosen"
    assert window.findChild(CaptureShield) is not None  # left out of screen sharing


def test_details_added_later_are_saved_at_once(qtbot: QtBot, services: Services) -> None:
    services.add_call(5)
    call = services.add_call(10)
    window = open_window(qtbot, services, select=1)
    form = window.form
    assert form is not None and form.call.id == 1
    assert form.reason_box().isVisible(), "no toggle to open first: the fields are there"
    form.reason_box().setCurrentIndex(form.reason_box().findData(Reason.ESCALATED.value))
    qtbot.mouseClick(form.intensity_button(5), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.case_ref_edit(), "CS-4711")
    form.note_edit().setFocus()
    qtbot.keyClicks(form.note_edit(), "Manager took it over")
    choose_row(window, 0)  # moving on keeps what was typed
    shown = [f for f in window.findChildren(CallDetailsForm) if f.isVisible()]
    assert [f.call.id for f in shown] == [2], "one form: the chosen call's"
    stored = services.calls.get(1)
    assert stored is not None
    assert (stored.reason, stored.intensity) == (Reason.ESCALATED, 5)
    assert (stored.case_ref, stored.note) == ("CS-4711", "Manager took it over")
    assert list_rows(window)[1] == "Today 10:05\u202fAM · Escalated · 5 of 5 · CS-4711"
    assert services.calls.get(2) == call


def test_with_no_calls_it_says_how_they_come(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    assert list_rows(window) == []
    assert window.form is None
    assert any("No hard calls tagged yet" in text for text in visible_texts(window))
    assert not button(window, "Remove tag…").isEnabled(), "no call, no tag to remove"


class UnwritableCalls(InMemoryCalls):
    def update(self, call: DifficultCall) -> None:
        raise StorageUnavailable("Your journal file is being used by another program.")


def test_a_save_that_fails_is_told_and_the_choice_stays(qtbot: QtBot, services: Services) -> None:
    calls = UnwritableCalls()
    calls.add(DifficultCall(services.clock.now()))
    window = RecentCallsWindow(calls, services.clock)
    qtbot.addWidget(window)
    window.refresh()
    window.show()
    form = window.form
    assert form is not None
    qtbot.mouseClick(form.intensity_button(3), Qt.MouseButton.LeftButton)
    assert any("being used by another program" in text for text in visible_texts(window))
    assert form.intensity_button(3).isChecked()


@pytest.fixture
def flow(services: Services) -> Iterator[JournalFlow]:
    made = JournalFlow(
        JournalWindows(services.journal, services.drafts, services.calls, services.clock)
    )
    yield made
    made.close_windows()


def call_buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.text() == "Call details…"]


def test_an_entry_about_a_call_opens_that_calls_details(
    qtbot: QtBot, services: Services, flow: JournalFlow
) -> None:
    services.add_call(5, Reason.ANGRY)
    for minutes in range(10, 40):  # that call is older than the list shows on its own
        services.add_call(minutes)
    services.add_entry("He shouted about the refund.", 7, call_id=1)
    services.add_entry("Lunch was good.", 8)
    flow.show_journal()
    journal = flow.window
    assert journal is not None
    qtbot.waitExposed(journal)
    [lunch, refund] = rows(journal)
    assert "Lunch" in lunch and "refund" in refund
    assert not any(b.isVisible() for b in call_buttons(journal)), "lunch was not about a call"
    entry_list = journal.findChild(QListView, "journalList")
    assert isinstance(entry_list, QListView)
    entry_list.setCurrentIndex(entry_list.model().index(1, 0))

    qtbot.mouseClick(button(journal, "Call details…"), Qt.MouseButton.LeftButton)

    calls_window = flow.calls_window
    assert calls_window is not None and calls_window.isVisible()
    form = calls_window.form
    assert form is not None and form.call.id == 1
    form.reason_box().setCurrentIndex(form.reason_box().findData(Reason.ABUSIVE.value))
    stored = services.calls.get(1)
    assert stored is not None and stored.reason is Reason.ABUSIVE
    assert "Abusive" in rows(journal)[1], "the journal shows the reason given later"

"""Open callbacks are listed in the journal window, so a promise is never out of sight."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from companion.flows.journaling import JournalFlow
from companion.ui.journal.journal_windows import JournalWindows
from tests.gui.journal_helpers import make_services


def banner_text(flow: JournalFlow) -> str | None:
    assert flow.window is not None
    banner = flow.window.findChild(QFrame, "callbacksBanner")
    assert banner is not None
    label = banner.findChild(QLabel)
    assert label is not None
    return label.text() if banner.isVisible() else None


def test_open_callbacks_show_in_the_journal_and_go_when_done(qtbot: QtBot) -> None:
    services = make_services()
    waiting = ["15:30 case 4711 (overdue)", "16:00 Mrs Díaz"]
    flow = JournalFlow(
        JournalWindows(services.journal, services.drafts, services.calls, services.clock),
        open_callbacks=lambda: list(waiting),
    )
    flow.show_journal()
    assert flow.window is not None
    qtbot.addWidget(flow.window)
    assert banner_text(flow) == "Callbacks waiting: 15:30 case 4711 (overdue) · 16:00 Mrs Díaz"
    waiting.clear()
    flow.show_journal()
    assert banner_text(flow) is None

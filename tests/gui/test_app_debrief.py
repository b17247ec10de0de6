"""“Debrief summary…” from the tray menu and the no-tray window opens the summary over the
journal; nothing of it is loaded before it is asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from companion.app_debrief import attach_debrief
from companion.core.calls import DifficultCall, Reason
from companion.store.storage import open_storage
from companion.ui.shell import messages
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.actions_window import ActionsWindow
from companion.ui.shell.app_icon import app_icon
from companion.ui.shell.tray import TrayController
from tests.fakes import T0, FakeClock
from tests.gui.app_helpers import close_everything, data_dir, start_app  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


def test_the_action_opens_the_summary_of_this_week_from_the_journal(
    data_dir: Path,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("companion.system.clock.SystemClock", FakeClock)  # read when first asked
    storage = open_storage(data_dir)
    companion = start_app(storage, data_dir)
    try:
        storage.calls.add(DifficultCall(T0, reason=Reason.ANGRY, note="private"))
        launcher = attach_debrief(companion, storage)
        companion.shell.actions.debrief.trigger()
        dialog = shown_debrief(qtbot)
        assert launcher is not None
        text = dialog.text.toPlainText()  # type: ignore[attr-defined]
        assert "Hard calls I tagged: 1" in text and "private" not in text
    finally:
        close_everything(companion)


def shown_debrief(qtbot: QtBot) -> QWidget:
    def shown() -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "debriefDialog" and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def test_the_tray_menu_and_the_window_list_it(qapp: QApplication) -> None:
    actions = ShellActions()
    menu = TrayController(app_icon(), actions).menu
    assert messages.DEBRIEF in [action.text() for action in menu.actions()]
    window = ActionsWindow(app_icon(), actions)
    assert actions.debrief in window.more_menu.actions()
    window.deleteLater()


def test_starting_the_app_loads_nothing_of_the_debrief_but_its_wiring() -> None:
    probe = (
        "import sys, companion.app_start;"
        "print(sorted(m for m in sys.modules if 'debrief' in m or 'records_export' in m))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['companion.app_debrief']"


def test_from_the_recent_calls_window_the_chosen_call_is_the_summary(
    data_dir: Path,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("companion.system.clock.SystemClock", FakeClock)
    storage = open_storage(data_dir)
    companion = start_app(storage, data_dir)
    try:
        first = storage.calls.add(DifficultCall(T0, reason=Reason.ANGRY))
        storage.calls.add(DifficultCall(T0, reason=Reason.ABUSIVE))
        attach_debrief(companion, storage)
        companion.journal.show_recent_calls(first.id)
        calls_window = companion.journal.calls_window
        assert calls_window is not None
        button = next(
            b
            for b in calls_window.findChildren(QPushButton)  # type: ignore[attr-defined]
            if b.text() == "Debrief summary…"
        )
        button.click()
        dialog = shown_debrief(qtbot)
        dialog.ticks["reasons"].click()  # type: ignore[attr-defined]
        text = dialog.text.toPlainText()  # type: ignore[attr-defined]
        assert text.startswith("Debrief summary: 1 hard call I chose") and "Angry 1" in text
    finally:
        close_everything(companion)

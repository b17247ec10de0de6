"""CompanionApp.handle routes each command (second launch, softphone, CLI) to what it names.

The whole app is built as app.py builds it, on a private data folder, without a tray (the
offscreen platform has none), so the small actions window stands in for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from companion.app import CompanionApp
from companion.core.calls import Reason
from companion.core.commands import Action, Command, Outcome, Reply
from companion.store.storage import Storage, open_storage
from companion.system import paths
from companion.system.single_instance import InstanceServer, server_name
from companion.ui.reminders.messages import TOAST_TITLE
from companion.ui.settings.settings_window import SettingsWindow
from companion.ui.shell.app_icon import app_icon
from companion.ui.shell.tray import TrayController
from tests.fakes import FakeClock
from tests.gui.app_helpers import close_everything
from tests.gui.test_tray_notifier import ShownTrayIcon
from tests.unit.system.ipc_helpers import exchange

BREAK_TITLE = "Companion — Breathing break"


class QuitRecorder:
    """Stands in for the QApplication: the test's own event loop must not be told to quit."""

    def __init__(self) -> None:
        self.quits = 0

    def quit(self) -> None:
        self.quits += 1


@dataclass
class Running:
    app: CompanionApp
    storage: Storage
    qt: QuitRecorder
    socket: str
    clock: FakeClock

    def handle(self, action: Action, **details: object) -> Reply:
        return self.app.handle(Command(action, **details))  # type: ignore[arg-type]


def shown(title: str) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == title]


@pytest.fixture
def running(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Iterator[Running]:
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    data_dir = paths.data_dir()
    storage = open_storage(data_dir)
    name = server_name(data_dir)
    server = InstanceServer(name)
    assert server.listen()
    clock = FakeClock()
    monkeypatch.setattr("companion.app.SystemClock", lambda: clock)
    qt = QuitRecorder()
    app = CompanionApp(qt, server, storage, None, app_icon())  # type: ignore[arg-type]
    yield Running(app, storage, qt, name, clock)
    # As every app test ends: windows closed while the journal is open (a break in progress
    # is saved then), the app and its timers deleted, none left to fire over a closed journal
    # in a later test (one did: a break window hidden here recorded its break there).
    close_everything(app)


def test_without_a_tray_the_actions_window_is_up_and_show_brings_it_back(
    running: Running, qtbot: QtBot
) -> None:
    [window] = shown("Companion")
    window.showMinimized()
    window.hide()  # the agent put it away
    assert running.handle(Action.SHOW) == Reply(Outcome.OK)
    assert window.isVisible() and not window.isMinimized()


def test_a_second_launch_over_the_socket_reaches_handle(running: Running, qtbot: QtBot) -> None:
    [window] = shown("Companion")
    window.hide()
    assert exchange(qtbot, running.socket, Command(Action.SHOW).to_json()) == b"ok\n"
    assert window.isVisible()


def test_tag_stores_the_call_with_its_details_and_opens_the_break(running: Running) -> None:
    reply = running.handle(Action.TAG, reason=Reason.ABUSIVE, intensity=4, case_ref="CS-1")
    assert reply == Reply(Outcome.OK)
    call = running.storage.calls.latest()
    assert call is not None
    assert (call.reason, call.intensity, call.case_ref) == (Reason.ABUSIVE, 4, "CS-1")
    assert len(shown(BREAK_TITLE)) == 1


def test_break_opens_a_break_without_a_call(running: Running) -> None:
    assert running.handle(Action.BREAK) == Reply(Outcome.OK)
    assert len(shown(BREAK_TITLE)) == 1
    assert running.storage.calls.latest() is None


def test_journal_opens_the_journal(running: Running) -> None:
    assert running.handle(Action.JOURNAL) == Reply(Outcome.OK)
    assert len(shown("Companion — Journal")) == 1


def test_callback_is_kept_for_later(running: Running) -> None:
    assert running.handle(Action.CALLBACK, when="in 2h", case_ref="CS-4711") == Reply(Outcome.OK)
    [callback] = running.storage.reminders.open_callbacks()
    assert callback.case_ref == "CS-4711"


def test_settings_opens_the_settings(running: Running) -> None:
    assert running.handle(Action.SETTINGS) == Reply(Outcome.OK)
    assert any(
        w.isVisible() and "Settings" in w.windowTitle() for w in QApplication.topLevelWidgets()
    )


def test_quit_saves_the_break_in_progress_and_leaves(running: Running, qtbot: QtBot) -> None:
    running.handle(Action.TAG)
    [window] = shown(BREAK_TITLE)
    assert running.handle(Action.QUIT) == Reply(Outcome.OK)
    assert running.qt.quits == 1
    assert not window.isVisible()
    latest = running.storage.breaks.latest()
    assert latest is not None and latest.outcome.value == "skipped"


def app_timer(running: Running, name: str) -> QTimer:
    found = running.app.findChild(QTimer, name)
    assert isinstance(found, QTimer), name
    return found


def count_line(window: QWidget) -> str:
    [label] = [w for w in window.findChildren(QLabel) if w.objectName() == "countLabel"]
    return label.text()


def test_after_midnight_the_count_starts_again_without_polling(
    running: Running, qtbot: QtBot
) -> None:
    [window] = shown("Companion")
    running.handle(Action.TAG)
    qtbot.waitUntil(lambda: count_line(window) == "1 hard call tagged today")
    midnight = app_timer(running, "midnightTimer")
    assert midnight.isSingleShot() and midnight.isActive()
    running.clock.advance(14 * 3600 + 1)  # 10:00 UTC to just past midnight
    midnight.timeout.emit()
    assert count_line(window) == "No hard calls tagged today"


# WORKAROUND: showing a tray icon on the offscreen platform makes Qt's QSystemTrayIcon try to
# connect to a signal that platform lacks; the warning is the platform's, not ours.
@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_a_tray_that_appears_later_takes_over_from_the_window(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    [window] = shown("Companion")
    recheck = app_timer(running, "trayRecheck")
    assert recheck.isActive() and recheck.interval() == 5_000
    recheck.timeout.emit()  # no tray yet: it waits longer
    assert recheck.interval() == 15_000 and window.isVisible()
    monkeypatch.setattr(TrayController, "is_available", staticmethod(lambda: True))
    recheck.timeout.emit()
    assert not window.isVisible()
    [tray] = running.app.findChildren(TrayController)
    labels = [action.text() for action in tray.menu.actions()]
    assert "Journal…" in labels and "Call back later…" in labels
    assert "No hard calls tagged today" in tray.icon.toolTip()
    assert running.handle(Action.SHOW) == Reply(Outcome.OK)
    assert len(shown("Companion — Journal")) == 1, "with a tray, show opens the journal"
    assert not window.isVisible()


@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_a_tray_that_appears_later_shows_notices_and_messages_in_its_balloon(
    running: Running, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """Autostart before the panel: once the tray is there, what the desktop's notifications
    can't show goes to its balloon (not a toast), and so do the app's own messages."""
    # No session bus: the desktop's notifiers fail, so the notice falls to Companion's own.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    monkeypatch.setattr("companion.ui.shell.tray.QSystemTrayIcon", ShownTrayIcon)
    monkeypatch.setattr(TrayController, "is_available", staticmethod(lambda: True))
    app_timer(running, "trayRecheck").timeout.emit()
    [tray] = running.app.findChildren(TrayController)
    icon = tray.icon
    assert isinstance(icon, ShownTrayIcon)

    running.handle(Action.CALLBACK, when="whenever")  # a message the app tells the agent
    assert icon.balloons and "Try a time like" in icon.balloons[-1][1]

    running.handle(Action.SETTINGS)
    [settings] = shown("Companion — Settings")
    assert isinstance(settings, SettingsWindow)
    settings.test_button.click()
    assert settings.test_result.text() == "Sent through tray balloon."
    assert icon.balloons[-1][1].startswith("This is how reminders will look.")
    assert shown(TOAST_TITLE) == []

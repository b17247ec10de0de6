"""The app's whole notification chain (build_notifiers) against a fake notification server:
what the desktop shows, and what Companion shows itself when the desktop can't."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from companion.core.notices import NoticeAction
from companion.core.reminder_texts import callback_notice, nudge_notice
from companion.core.reminders import Callback
from companion.notify.chain import NO_SERVICE_NOTE
from companion.ui.reminders.notifiers import Notifiers, build_notifiers
from companion.ui.reminders.toast import Toast
from tests.fakes import T0
from tests.gui.test_tray_notifier import ShownTrayIcon
from tests.notification_fixtures import StartServer

ICON = Path("/usr/lib/companion/_internal/resources/companion.svg")
NUDGE = nudge_notice(3, 72.0)
CALLBACK = callback_notice(Callback(due_at=T0, text="", created_at=T0, id=7, case_ref="CS-4711"))
WAIT_MS = 15_000


class App:
    """The chain as app.py builds it, and what the agent answered through any of its parts
    (by the notice's topic: Companion's own ways may have added a line to its body)."""

    def __init__(self, bus: QDBusConnection | None, tray: ShownTrayIcon | None = None) -> None:
        self.answers: list[tuple[str, NoticeAction]] = []
        self.parent = QObject()
        self.notifiers: Notifiers = build_notifiers(
            ICON,
            tray,
            lambda notice, action: self.answers.append((notice.topic, action)),
            self.parent,
            platform="linux",
            bus=lambda: bus,
        )

    def toast(self) -> Toast | None:
        return next((t for t in _toasts() if t.isVisible()), None)


def _toasts() -> list[Toast]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, Toast)]


@pytest.fixture
def make_app(connection: QDBusConnection) -> Iterator[Callable[..., App]]:
    """Apps on the test bus (made after the test's server, as at a desktop's start)."""
    made: list[App] = []

    def make(tray: ShownTrayIcon | None = None) -> App:
        made.append(App(connection, tray))
        return made[-1]

    yield make
    for one in made:
        close(one)


def close(made: App) -> None:
    if made.notifiers.buttons is not None:
        made.notifiers.buttons.stop()
    for toast in _toasts():
        toast.close()
    shiboken6.delete(made.parent)


def toast_text(toast: Toast) -> str:
    body = toast.findChild(QLabel, "toastBody")
    assert body is not None
    return body.text()


def click(toast: Toast, label: str) -> None:
    [button] = [b for b in toast.findChildren(QPushButton) if b.text() == label]
    button.click()


def test_with_a_notification_server_the_desktop_shows_it_and_the_answer_comes_back(
    qtbot: QtBot, start_server: StartServer, make_app: Callable[..., App]
) -> None:
    server = start_server(name="gnome-shell")
    app = make_app()
    delivery = app.notifiers.chain.notify(CALLBACK)
    qtbot.waitUntil(lambda: len(server.notifications()) == 1, timeout=WAIT_MS)
    assert delivery.ok and delivery.backend == "desktop notifications (D-Bus)"
    qtbot.waitUntil(lambda: app.notifiers.buttons is not None and app.notifiers.buttons.waiting)

    server.invoke(server.notifications()[0]["id"], "snooze")
    qtbot.waitUntil(lambda: app.answers == [("callback", NoticeAction.SNOOZE)], timeout=WAIT_MS)
    assert app.toast() is None and not app.notifiers.no_service_note.given


def test_without_a_server_companion_pops_it_up_with_its_buttons_and_says_why_once(
    qtbot: QtBot, make_app: Callable[..., App]
) -> None:
    app = make_app()
    app.notifiers.chain.notify(NUDGE)
    qtbot.waitUntil(lambda: app.toast() is not None, timeout=WAIT_MS)
    toast = app.toast()
    assert toast is not None
    qtbot.addWidget(toast)
    assert toast_text(toast) == f"{NUDGE.body}\n\n{NO_SERVICE_NOTE}"
    click(toast, "Start a break")
    assert app.answers == [("nudge", NoticeAction.START_BREAK)]

    app.notifiers.chain.notify(CALLBACK)
    qtbot.waitUntil(lambda: app.toast() is not None, timeout=WAIT_MS)
    again = app.toast()
    assert again is not None and toast_text(again) == CALLBACK.body  # said once only


def test_a_server_without_buttons_leaves_the_nudge_to_companion_without_the_note(
    qtbot: QtBot, start_server: StartServer, make_app: Callable[..., App]
) -> None:
    server = start_server(name="dunst", capabilities=["body"])
    app = make_app()
    app.notifiers.chain.notify(NUDGE)
    qtbot.waitUntil(lambda: app.toast() is not None, timeout=WAIT_MS)
    toast = app.toast()
    assert toast is not None and toast_text(toast) == NUDGE.body
    assert not app.notifiers.no_service_note.given  # the desktop does have notifications

    app.notifiers.chain.notify(CALLBACK)  # must be seen: the desktop's banner, no buttons
    qtbot.waitUntil(lambda: len(server.notifications()) == 1, timeout=WAIT_MS)
    assert server.notifications()[0]["summary"] == CALLBACK.title


def test_the_tray_balloon_shows_what_the_server_refused_and_a_click_opens_it(
    qtbot: QtBot, start_server: StartServer, make_app: Callable[..., App]
) -> None:
    start_server(notify_error="org.freedesktop.DBus.Error.Failed")
    tray = ShownTrayIcon()
    app = make_app(tray)
    app.notifiers.chain.notify(CALLBACK)
    qtbot.waitUntil(lambda: len(tray.balloons) == 1, timeout=WAIT_MS)
    assert tray.balloons[0] == (CALLBACK.title, f"{CALLBACK.body}\n\n{NO_SERVICE_NOTE}")
    tray.messageClicked.emit()
    assert app.answers == [("callback", NoticeAction.OPEN)]


def test_without_a_session_bus_the_chain_goes_on_at_once(qtbot: QtBot) -> None:
    tray = ShownTrayIcon()
    made = App(None, tray)
    try:
        delivery = made.notifiers.chain.notify(NUDGE)
        assert delivery.backend == "tray balloon" and len(tray.balloons) == 1
    finally:
        close(made)


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_on_windows_and_macos_the_tray_icon_is_the_systems_notification(
    qtbot: QtBot, platform: str
) -> None:
    """There the tray's message is a native notification: nothing to apologise for."""
    tray, parent = ShownTrayIcon(), QObject()
    notifiers = build_notifiers(ICON, tray, lambda n, a: None, parent, platform=platform)
    delivery = notifiers.chain.notify(CALLBACK)
    assert notifiers.buttons is None and delivery.backend == "tray balloon"
    assert tray.balloons == [(CALLBACK.title, CALLBACK.body)]
    assert not notifiers.no_service_note.given

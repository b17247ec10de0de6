"""The tray balloon: a click opens what the balloon on screen is about, and nothing else."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from companion.core.notices import Notice, NoticeAction
from companion.ui.reminders.tray_notifier import TrayBalloonNotifier

NUDGE = Notice("A breather?", "That was a tough run.", topic="nudge")


class ShownTrayIcon(QSystemTrayIcon):
    """A tray icon that is on screen and shows balloons (offscreen there is no tray):
    it keeps what it was asked to show; the test clicks with ``messageClicked``."""

    def __init__(self, icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(QIcon() if icon is None else icon, parent)
        self.balloons: list[tuple[str, str]] = []

    def isVisible(self) -> bool:
        return True

    def supportsMessages(self) -> bool:
        return True

    def showMessage(self, title: str, body: str, *args: object) -> None:  # type: ignore[override]
        self.balloons.append((title, body))


def balloon() -> tuple[TrayBalloonNotifier, ShownTrayIcon, list[tuple[str, NoticeAction]]]:
    icon, answered = ShownTrayIcon(), []
    notifier = TrayBalloonNotifier(icon, lambda n, a: answered.append((n.topic, a)))
    return notifier, icon, answered


def test_clicking_a_reminder_balloon_opens_it_once(qtbot: QtBot) -> None:
    notifier, icon, answered = balloon()
    assert notifier.notify(NUDGE).ok
    icon.messageClicked.emit()
    icon.messageClicked.emit()
    assert answered == [("nudge", NoticeAction.OPEN)]


def test_clicking_a_plain_message_after_a_reminder_opens_nothing(qtbot: QtBot) -> None:
    notifier, icon, answered = balloon()
    notifier.notify(NUDGE)
    assert notifier.tell("Companion", "Your settings could not be saved.")
    icon.messageClicked.emit()  # on the message, not on the nudge it replaced
    assert answered == []
    assert icon.balloons[-1] == ("Companion", "Your settings could not be saved.")


def test_without_a_tray_that_shows_messages_neither_kind_is_shown(qtbot: QtBot) -> None:
    icon = QSystemTrayIcon(QIcon())  # offscreen: never visible, no messages
    notifier = TrayBalloonNotifier(icon, lambda n, a: None)
    assert not notifier.notify(NUDGE).ok
    assert not notifier.tell("Companion", "Hello")

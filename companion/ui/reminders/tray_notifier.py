"""Notifications as the tray icon's balloon; a click on it opens what the notice is about."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QSystemTrayIcon

from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice, NoticeAction
from companion.ui.reminders import messages

ActionHandler = Callable[[Notice, NoticeAction], None]
#: A plain message (a warning, a confirmation) stays up this long.
TELL_SECONDS = 8


class TrayBalloonNotifier:
    """``QSystemTrayIcon.showMessage``: no buttons, but clicking it counts as "open".

    The icon has one balloon and one ``messageClicked`` for all its messages, so every
    message goes through here: a click answers the notice that balloon shows, and a plain
    message (``tell``) has nothing to open.
    """

    name = messages.BALLOON_NAME

    def __init__(self, icon: QSystemTrayIcon, on_action: ActionHandler) -> None:
        self._icon = icon
        self._on_action = on_action
        self._last: Notice | None = None
        icon.messageClicked.connect(self._on_message_clicked)

    def notify(self, notice: Notice) -> Delivery:
        if not self._can_show():
            return Delivery(self.name, False, messages.NO_BALLOON)
        self._show(notice, notice.title, notice.body, EXPIRY_SECONDS)
        return Delivery(self.name, True)

    def tell(self, title: str, text: str) -> bool:
        """A message with nothing to open (a warning, a confirmation); False if none shows."""
        if not self._can_show():
            return False
        self._show(None, title, text, TELL_SECONDS)
        return True

    def _can_show(self) -> bool:
        return self._icon.isVisible() and self._icon.supportsMessages()

    def _show(self, notice: Notice | None, title: str, body: str, seconds: int) -> None:
        self._last = notice
        self._icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, seconds * 1000)

    def _on_message_clicked(self) -> None:
        if self._last is not None:
            notice, self._last = self._last, None  # one click answers it once
            self._on_action(notice, NoticeAction.OPEN)

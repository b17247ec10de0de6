"""Notifications as the tray icon's balloon; a click on it opens what the notice is about."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QSystemTrayIcon

from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice, NoticeAction

ActionHandler = Callable[[Notice, NoticeAction], None]


class TrayBalloonNotifier:
    """``QSystemTrayIcon.showMessage``: no buttons, but clicking it counts as "open"."""

    name = "tray balloon"

    def __init__(self, icon: QSystemTrayIcon, on_action: ActionHandler) -> None:
        self._icon = icon
        self._on_action = on_action
        self._last: Notice | None = None
        icon.messageClicked.connect(self._on_message_clicked)

    def notify(self, notice: Notice) -> Delivery:
        if not (self._icon.isVisible() and self._icon.supportsMessages()):
            return Delivery(self.name, False, "no tray icon that can show messages")
        self._last = notice
        self._icon.showMessage(
            notice.title, notice.body, QSystemTrayIcon.MessageIcon.Information,
            EXPIRY_SECONDS * 1000,
        )  # fmt: skip
        return Delivery(self.name, True)

    def _on_message_clicked(self) -> None:
        if self._last is not None:
            self._on_action(self._last, NoticeAction.OPEN)

"""The tray icon: one click after a hard call, and a menu for everything else."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from companion.system import milestones
from companion.ui.shell import messages
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.messages import tooltip_for


class TrayController(QObject):
    """Owns the QSystemTrayIcon and its menu, which shows ``actions``; decides nothing.

    A left click (Trigger) is the whole core loop in one gesture: tag and breathe.
    """

    def __init__(self, icon: QIcon, actions: ShellActions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self._menu = self._build_menu()
        self._tray = QSystemTrayIcon(icon, self)
        self._tray.setContextMenu(self._menu)
        self._tray.activated.connect(self._on_activated)
        self.set_today_count(0)

    @staticmethod
    def is_available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def menu(self) -> QMenu:
        return self._menu

    @property
    def icon(self) -> QSystemTrayIcon:
        return self._tray

    def show(self) -> None:
        self._tray.show()

    def hide(self) -> None:
        self._tray.hide()

    def set_today_count(self, count: int) -> None:
        self._tray.setToolTip(tooltip_for(count))

    def _build_menu(self) -> QMenu:
        actions = self.actions
        menu = QMenu()
        tag_menu = menu.addMenu(messages.TAG_MENU)
        tag_menu.addActions(list(actions.tags))
        menu.addActions([actions.breathe, actions.journal, actions.calls, actions.insights])
        menu.addSeparator()
        menu.addActions([actions.talk, actions.debrief])
        menu.addSeparator()
        menu.addAction(actions.quit)
        return menu

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            milestones.reached("tray_activated")
            self.actions.quick_tag.trigger()

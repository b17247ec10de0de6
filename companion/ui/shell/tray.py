"""The tray icon: one click after a hard call, and a menu for everything else."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from companion.core.calls import Reason
from companion.system import milestones


def tooltip_for(today_count: int) -> str:
    if today_count == 0:
        counted = "No hard calls tagged today"
    elif today_count == 1:
        counted = "1 hard call tagged today"
    else:
        counted = f"{today_count} hard calls tagged today"
    return f"Companion — {counted}\nClick after a hard call to take a breath."


class TrayController(QObject):
    """Owns the QSystemTrayIcon and its menu; emits intents, decides nothing.

    A left click (Trigger) is the whole core loop in one gesture: tag and breathe.
    """

    quick_tag_requested = Signal()
    tag_requested = Signal(object)
    break_requested = Signal()
    journal_requested = Signal()
    calls_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        menu = QMenu()
        tag_menu = menu.addMenu("Tag a difficult call")
        for reason in Reason:
            action = QAction(reason.label, tag_menu)
            action.triggered.connect(lambda _=False, r=reason: self.tag_requested.emit(r))
            tag_menu.addAction(action)
        menu.addAction("Start a breathing break").triggered.connect(self.break_requested.emit)
        menu.addAction("Journal…").triggered.connect(self.journal_requested.emit)
        menu.addAction("Recent hard calls…").triggered.connect(self.calls_requested.emit)
        menu.addSeparator()
        menu.addAction("Quit").triggered.connect(self.quit_requested.emit)
        return menu

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            milestones.reached("tray_activated")
            self.quick_tag_requested.emit()

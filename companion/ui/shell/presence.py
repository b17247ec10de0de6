"""Where the agent reaches Companion: the tray icon, else a small window until a tray appears."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu

from companion.flows.schedules import TrayWatcher
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.actions_window import ActionsWindow
from companion.ui.shell.tray import TrayController

log = logging.getLogger(__name__)


class ShellPresence(QObject):
    """The tray icon or, on a desktop without a tray, the small actions window; both show the
    same ``actions``.

    Autostart may come before the panel: while the window stands in, the tray is watched for,
    and when one appears its icon takes over (``tray_arrived``) and the window goes.
    """

    tray_arrived = Signal(object)  # the new TrayController

    def __init__(
        self,
        icon: QIcon,
        tray: TrayController | None,
        actions: ShellActions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.actions = actions
        self.tray = tray
        self.window = None if tray is not None else ActionsWindow(icon, actions)
        self._icon = icon
        # Looked up at each check, not bound now: the GUI tests stand in a tray that way.
        self._watch = TrayWatcher(lambda: TrayController.is_available(), parent=self)
        self._watch.appeared.connect(self._move_to_tray)
        if tray is not None:
            tray.setParent(self)

    @property
    def menu(self) -> QMenu | None:
        """Where other features add their entries: the tray's menu, or the window's "More"."""
        if self.window is not None:
            return self.window.more_menu
        return self.tray.menu if self.tray is not None else None

    def start(self) -> None:
        if self.window is not None:
            log.info("no system tray on this desktop; showing the Companion window instead")
            self.window.show()
            self._watch.start()

    def set_today_count(self, count: int) -> None:
        if self.tray is not None:
            self.tray.set_today_count(count)
        if self.window is not None:
            self.window.set_today_count(count)

    def bring_forward(self) -> bool:
        """Show the window, if that is where Companion lives; False with a tray icon."""
        if self.window is None:
            return False
        self.window.bring_forward()
        return True

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()

    def _move_to_tray(self) -> None:
        log.info("a system tray is here now; moving Companion to it")
        tray = TrayController(self._icon, self.actions, self)
        tray.show()
        self.tray = tray
        if self.window is not None:
            self.window.hide()
            self.window = None
        self.tray_arrived.emit(tray)

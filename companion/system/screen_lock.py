"""Tells when the desktop locks its screen, for the optional app lock.

Linux: the screensavers' ``ActiveChanged(bool)`` signal on the session bus, from GNOME
(org.gnome.ScreenSaver) and from KDE Plasma, Xfce, Cinnamon and others that implement
org.freedesktop.ScreenSaver. Only listened to, never called: nothing starts and nothing wakes
up while the screen stays as it is. Windows and macOS: not yet (WTS session notifications and
com.apple.screenIsLocked); there the lock after minutes without input still applies.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

#: (path, interface) pairs that emit ActiveChanged(bool).
SCREENSAVERS = (
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
)


def screen_lock_heard_here() -> bool:
    """Whether this platform's screen lock can be heard at all (Linux desktops that announce
    it on the session bus); Settings says so only where it can be true."""
    return sys.platform.startswith("linux") and QDBusConnection.sessionBus().isConnected()


class ScreenLockWatcher(QObject):
    """Emits ``locked`` each time a screensaver on the bus says it became active."""

    locked = Signal()

    def __init__(
        self,
        bus: Callable[[], QDBusConnection] = QDBusConnection.sessionBus,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        connection = bus()
        self.listening = connection.isConnected() and all(
            # PySide6 6.11 takes SLOT()'s str here; its stub says bytes, which it refuses.
            connection.connect("", path, interface, "ActiveChanged", self, SLOT("_on_active(bool)"))  # type: ignore[call-overload]
            for path, interface in SCREENSAVERS
        )

    @Slot(bool)
    def _on_active(self, active: bool) -> None:
        if active:
            self.locked.emit()

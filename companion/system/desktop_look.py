"""The desktop's colour wishes from the XDG desktop portal: dark style and high contrast.

Qt 6.11 asks the portal itself only with its ``xdgdesktopportal`` platform theme (tried with a
stand-in portal: ``color-scheme`` 1 became ``Qt.ColorScheme.Dark``, ``contrast`` 1
``HighContrast``). On GNOME it otherwise picks its gtk3 theme, which reported Light while the
portal said dark, or its gnome theme, which asked the portal nothing; the packaged app has no
gtk3 theme at all (build.spec). So Companion reads ``org.freedesktop.appearance`` from
``org.freedesktop.portal.Settings`` too, and listens for ``SettingChanged``.

Both calls are asynchronous: the GUI thread never waits for the portal. ``ReadOne`` is the
portal's version 2 method; version 1 (Debian 12's xdg-desktop-portal 1.16) only has ``Read``,
whose answer is wrapped in one more variant.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusPendingCallWatcher,
    QDBusVariant,
)

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.Settings"
NAMESPACE = "org.freedesktop.appearance"
#: color-scheme: 0 no preference, 1 dark, 2 light. contrast: 0 no preference, 1 high.
KEYS = ("color-scheme", "contrast")
ANSWER_WITHIN_MS = 2000


@dataclass(frozen=True)
class PortalLook:
    """What the portal said; None where it said nothing (no portal, or no such key)."""

    dark: bool | None = None
    high_contrast: bool | None = None


def _unwrap(value: object) -> object:
    while isinstance(value, QDBusVariant):
        value = value.variant()
    return value


class DesktopPortalLook(QObject):
    """Emits ``changed`` with a :class:`PortalLook` each time the portal answers or changes."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.look = PortalLook()
        self._bus = QDBusConnection.sessionBus()
        self._asking: dict[QDBusPendingCallWatcher, tuple[str, str]] = {}
        if not self._bus.isConnected():
            return
        # PySide6 6.11 takes SLOT()'s str here; its stub says bytes, which it refuses.
        slot = SLOT("_on_setting_changed(QDBusMessage)")
        self._bus.connect(SERVICE, PATH, INTERFACE, "SettingChanged", self, slot)  # type: ignore[call-overload]
        for key in KEYS:
            self._ask("ReadOne", key)

    def _ask(self, method: str, key: str) -> None:
        message = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, method)
        message.setArguments([NAMESPACE, key])
        watcher = QDBusPendingCallWatcher(self._bus.asyncCall(message, ANSWER_WITHIN_MS), self)
        self._asking[watcher] = (method, key)
        watcher.finished.connect(self._on_answer)

    def _on_answer(self, _watcher: QDBusPendingCallWatcher) -> None:
        watcher = self.sender()
        if not isinstance(watcher, QDBusPendingCallWatcher) or watcher not in self._asking:
            return
        method, key = self._asking.pop(watcher)
        watcher.deleteLater()
        if watcher.isError():
            error = watcher.error().name()
            if method == "ReadOne" and error == "org.freedesktop.DBus.Error.UnknownMethod":
                self._ask("Read", key)  # a version 1 portal
            else:
                log.info("the desktop portal did not say %s: %s", key, error)
            return
        arguments = watcher.reply().arguments()
        if arguments:
            self._take(key, _unwrap(arguments[0]))

    @Slot(QDBusMessage)
    def _on_setting_changed(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if len(arguments) == 3 and arguments[0] == NAMESPACE and arguments[1] in KEYS:
            self._take(str(arguments[1]), _unwrap(arguments[2]))

    def _take(self, key: str, value: object) -> None:
        if not isinstance(value, int):
            return
        if key == "color-scheme":
            self.look = PortalLook({1: True, 2: False}.get(value), self.look.high_contrast)
        else:
            self.look = PortalLook(self.look.dark, value == 1)
        self.changed.emit(self.look)

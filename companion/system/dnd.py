"""Is the desktop in Do Not Disturb? Asked only when a reminder is due (or Settings opens).

- Linux and BSD: the notification server's ``Inhibited`` property on org.freedesktop.Notifications
  (KDE Plasma's extension of the specification, offered by some other servers); else, by the
  server's name
  (GetServerInformation), dunst's own pause (``dunstctl set-paused``: its org.dunstproject.cmd0
  ``paused`` property) or GNOME Shell's switch (the gsetting org.gnome.desktop.notifications
  show-banners, false in Do Not Disturb). Any other server: unknown.
- Windows: SHQueryUserNotificationState (shell32): presentation mode, a full-screen program or
  game, quiet time, or a locked screen mean "not now".
- macOS: unknown. Focus has no documented way for an app to read it without the Intents
  framework's Focus-status permission; macOS itself holds banners back while it is on.
"""

from __future__ import annotations

import ctypes
import enum
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

from companion.core.ports import DoNotDisturb
from companion.system.gsettings import GSettingsReader

NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
PROPERTIES = "org.freedesktop.DBus.Properties"
DUNST = "org.dunstproject.cmd0"
GNOME_NOTIFICATIONS = "org.gnome.desktop.notifications"
#: A local round trip takes well under a millisecond; a server that hangs must not hold the
#: GUI thread for long (each question waits at most this long, once per due reminder).
TIMEOUT_MS = 300


class NotificationServerDnd:
    """Asks the session bus's notification server; never starts one that is not running."""

    def __init__(
        self,
        bus: Callable[[], QDBusConnection] = QDBusConnection.sessionBus,
        show_banners: Callable[[], bool | None] | None = None,
        timeout_ms: int = TIMEOUT_MS,
    ) -> None:
        self._bus = bus
        self._show_banners = show_banners or _gnome_show_banners(GSettingsReader())
        self._timeout_ms = timeout_ms

    def is_on(self) -> bool | None:
        bus = self._bus()
        if not bus.isConnected():
            return None
        inhibited = self._property(bus, NOTIFICATIONS, "Inhibited")
        if inhibited is not None:
            return inhibited
        server = self._server_name(bus)
        if server == "dunst":
            return self._property(bus, DUNST, "paused")
        if server == "gnome-shell":
            banners = self._show_banners()
            return None if banners is None else not banners
        return None

    def _call(self, bus: QDBusConnection, interface: str, method: str, *args: str) -> list[Any]:
        """The reply's arguments; [] for an error, no server or no answer in time."""
        message = QDBusMessage.createMethodCall(
            NOTIFICATIONS, NOTIFICATIONS_PATH, interface, method
        )
        message.setArguments(list(args))
        message.setAutoStartService(False)  # asking must not start a notification daemon
        reply = bus.call(message, QDBus.CallMode.Block, self._timeout_ms)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            return []
        return list(reply.arguments())

    def _property(self, bus: QDBusConnection, interface: str, name: str) -> bool | None:
        found = self._call(bus, PROPERTIES, "Get", interface, name)
        value = found[0].variant() if found and isinstance(found[0], QDBusVariant) else None
        return value if isinstance(value, bool) else None

    def _server_name(self, bus: QDBusConnection) -> str | None:
        found = self._call(bus, NOTIFICATIONS, "GetServerInformation")
        return found[0] if found and isinstance(found[0], str) else None


def _gnome_show_banners(reader: GSettingsReader) -> Callable[[], bool | None]:
    return lambda: reader.boolean(GNOME_NOTIFICATIONS, "show-banners")


class UserNotificationState(enum.IntEnum):
    """QUERY_USER_NOTIFICATION_STATE (shellapi.h), as SHQueryUserNotificationState returns it."""

    NOT_PRESENT = 1  # a screen saver, a locked machine or fast user switching
    BUSY = 2  # a full-screen program, or presentation settings applied
    RUNNING_D3D_FULL_SCREEN = 3  # a full-screen Direct3D program (a game)
    PRESENTATION_MODE = 4  # presentation mode, e.g. from the Windows Mobility Center
    ACCEPTS_NOTIFICATIONS = 5  # nothing of the above: notifications are welcome
    QUIET_TIME = 6  # the first hour after a new user's first sign-in (Windows 7 and later)
    APP = 7  # a Windows Store app runs full-screen (Windows 8 and later)


def windows_do_not_disturb(shell32: Any) -> bool | None:
    """Anything but "accepts notifications" is not a moment for a nudge; a state this code
    does not know, or a failing call, is unknown. Windows' Focus Assist itself has no
    documented state to read; Windows holds banners back itself while it is on."""
    state = ctypes.c_int(0)
    try:
        result = shell32.SHQueryUserNotificationState(ctypes.pointer(state))
    except AttributeError:  # a Windows without it (before Vista)
        return None
    if result != 0:  # an HRESULT: S_OK is 0
        return None
    try:
        known = UserNotificationState(state.value)
    except ValueError:
        return None
    return known is not UserNotificationState.ACCEPTS_NOTIFICATIONS


class _WindowsDnd:
    def __init__(self, shell32: Any) -> None:
        self._shell32 = shell32

    def is_on(self) -> bool | None:
        return windows_do_not_disturb(self._shell32)


class _Unknown:
    """macOS, and anything else: Companion can't tell."""

    def is_on(self) -> bool | None:
        return None


def desktop_do_not_disturb(platform: str = sys.platform) -> DoNotDisturb:
    """This platform's way to tell, or one that always says "can't tell"."""
    if platform == "win32":
        windll: Any = getattr(ctypes, "windll", None)
        return _Unknown() if windll is None else _WindowsDnd(windll.shell32)
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return NotificationServerDnd()
    return _Unknown()

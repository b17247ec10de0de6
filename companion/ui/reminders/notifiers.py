"""The notification chain the app delivers reminders through: the desktop's, then its own.

On Linux the desktop's notification server through Qt's own D-Bus comes first (buttons and
clicks included; companion.notify.dbus_notifier), then plyer where it can work. On Windows
and macOS the tray icon's messages are the system's own notifications, so Companion's own
ways are the whole chain there: the tray balloon (a click opens the right window), else a
small pop-up with the buttons. ``--self-test`` describes the same system part
(``companion.notify.chain.system_notifiers``) without showing anything.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from companion.core.notices import Delivery, Notice
from companion.core.ports import Notifier
from companion.notify.chain import FallbackNotifier, InAppFallback, OnceNote, system_notifiers
from companion.ui.reminders.toast import ActionHandler, ToastNotifier
from companion.ui.reminders.tray_notifier import TrayBalloonNotifier

if TYPE_CHECKING:  # QtDBus is loaded on Linux only
    from PySide6.QtDBus import QDBusConnection

    from companion.notify.dbus_notifier import DBusNotifier

SessionBus = Callable[[], "QDBusConnection | None"]


@dataclass(frozen=True)
class Notifiers:
    """The chain, and the parts of it the app talks to directly."""

    chain: FallbackNotifier
    #: The desktop's notifications with buttons (Linux): stopped at shut-down, asked whether
    #: a notice that may still be answered is out.
    buttons: DBusNotifier | None
    #: The tray balloon, which the app's own messages go through too (None without a tray).
    balloon: TrayBalloonNotifier | None
    #: Said once, on the first notice Companion has to show itself.
    no_service_note: OnceNote
    #: Companion's own ways (balloon, toast): ``own.use_tray`` when a tray appears late.
    own: OwnNotifiers


class OwnNotifiers:
    """Companion's own ways of showing a notice: the tray balloon, else a toast (None: the
    balloon alone). A tray that appears after start-up (autostart before the panel) is added
    with ``use_tray``."""

    name = "Companion's own"

    def __init__(self, toast: Notifier | None, balloon: TrayBalloonNotifier | None) -> None:
        self._toast = toast
        self.balloon = balloon
        self._chain = self._ways()

    def _ways(self) -> FallbackNotifier:
        balloon = [self.balloon] if self.balloon else []
        return FallbackNotifier([*balloon, *([self._toast] if self._toast else [])])

    def use_tray(self, tray_icon: QSystemTrayIcon, on_action: ActionHandler) -> TrayBalloonNotifier:
        """From now on the balloon of ``tray_icon`` comes first; returns it (for ``tell``)."""
        balloon = TrayBalloonNotifier(tray_icon, on_action)
        self.balloon = balloon
        self._chain = self._ways()
        return balloon

    def notify(self, notice: Notice) -> Delivery:
        return self._chain.notify(notice)


def build_notifiers(
    icon: Path,
    tray_icon: QSystemTrayIcon | None,
    on_action: ActionHandler,
    parent: QObject,
    platform: str = sys.platform,
    bus: SessionBus | None = None,
) -> Notifiers:
    """D-Bus (Linux), plyer (Linux, with dbus-python), then the tray balloon, else a toast."""
    balloon = None if tray_icon is None else TrayBalloonNotifier(tray_icon, on_action)
    own = OwnNotifiers(ToastNotifier(on_action), balloon)
    note = OnceNote()
    if not platform.startswith("linux"):
        # The tray icon's messages are the system's notifications here: nothing to explain
        # until Companion has to use its own pop-up.
        tray = OwnNotifiers(None, balloon)
        chain = FallbackNotifier([tray, InAppFallback([ToastNotifier(on_action)], note)])
        return Notifiers(chain, None, balloon, note, tray)
    from companion.notify.dbus_notifier import DBusNotifier
    from companion.notify.notification_server import session_bus

    in_app = InAppFallback([own], note)
    # What the server could not show goes to Companion's own ways, saying why once; a notice
    # whose buttons it can't offer goes there too, without that note (the desktop does have
    # notifications).
    desktop = DBusNotifier(
        icon,
        on_action,
        bus=(bus or session_bus)(),
        fallback=in_app,
        answerable=own,
        parent=parent,
    )
    chain = FallbackNotifier([*system_notifiers(icon, desktop=desktop, platform=platform), in_app])
    return Notifiers(chain, desktop, balloon, note, own)

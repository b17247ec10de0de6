"""The notification chain the app delivers reminders through: the desktop's, then its own.

plyer takes only plain notices (it can't show buttons or report a click): one with actions
goes to notify-send with buttons on Linux, and to the tray balloon (a click opens the right
window) or the toast (buttons) on Windows and macOS. ``--self-test`` describes the same
system part (``companion.notify.chain.system_notifiers``) without showing anything.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from companion.core.notices import Delivery, Notice
from companion.core.ports import Notifier
from companion.notify.chain import FallbackNotifier, InAppFallback, OnceNote, system_notifiers
from companion.notify.notify_send import NotifySendNotifier
from companion.notify.notify_send_actions import ActionNotifySend
from companion.ui.toast import ActionHandler, ToastNotifier
from companion.ui.tray_notifier import TrayBalloonNotifier


@dataclass(frozen=True)
class Notifiers:
    """The chain, and the parts of it the app talks to directly."""

    chain: FallbackNotifier
    #: notify-send with buttons (Linux): stopped at shut-down, asked whether a notice is open.
    buttons: ActionNotifySend | None
    #: The tray balloon, which the app's own messages go through too (None without a tray).
    balloon: TrayBalloonNotifier | None
    #: Said once, on the first notice Companion has to show itself.
    no_service_note: OnceNote
    #: Companion's own ways (balloon, toast): ``own.use_tray`` when a tray appears late.
    own: OwnNotifiers


class OwnNotifiers:
    """Companion's own ways of showing a notice: the tray balloon, else a toast. A tray that
    appears after start-up (autostart before the panel) is added with ``use_tray``."""

    name = "Companion's own"

    def __init__(self, toast: Notifier, balloon: TrayBalloonNotifier | None) -> None:
        self._toast = toast
        self.balloon = balloon
        self._chain = FallbackNotifier([*([balloon] if balloon else []), toast])

    def use_tray(self, tray_icon: QSystemTrayIcon, on_action: ActionHandler) -> TrayBalloonNotifier:
        """From now on the balloon of ``tray_icon`` comes first; returns it (for ``tell``)."""
        self.balloon = TrayBalloonNotifier(tray_icon, on_action)
        self._chain = FallbackNotifier([self.balloon, self._toast])
        return self.balloon

    def notify(self, notice: Notice) -> Delivery:
        return self._chain.notify(notice)


def build_notifiers(
    icon: Path,
    tray_icon: QSystemTrayIcon | None,
    on_action: ActionHandler,
    parent: QObject,
    platform: str = sys.platform,
) -> Notifiers:
    """plyer, notify-send (Linux), then Companion's own: the tray balloon, else a toast."""
    balloon = None if tray_icon is None else TrayBalloonNotifier(tray_icon, on_action)
    own = OwnNotifiers(ToastNotifier(on_action), balloon)
    note = OnceNote()
    in_app = InAppFallback([own], note)
    buttons = None
    if platform.startswith("linux"):
        # Buttons through notify-send answer later; if it fails, the same notice without
        # buttons, then the tray or a toast, show it instead (see notify_send_actions).
        buttons = ActionNotifySend(
            icon,
            on_action,
            parent=parent,
            fallback=FallbackNotifier([NotifySendNotifier(icon), in_app]),
        )
    chain = FallbackNotifier([*system_notifiers(icon, buttons=buttons, platform=platform), in_app])
    return Notifiers(chain, buttons, balloon, note, own)

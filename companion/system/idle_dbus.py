"""Idle time from the desktop's own D-Bus service: GNOME's Mutter, or org.freedesktop.ScreenSaver.

On Wayland no program can watch the agent's input, but the compositor can and says so:
GNOME's ``org.gnome.Mutter.IdleMonitor`` (``GetIdletime``, milliseconds; it answers any caller,
seen on GNOME Shell 43.9) and KDE's ``org.freedesktop.ScreenSaver`` (``GetSessionIdleTime``,
milliseconds from KIdleTime, kscreenlocker's interface.cpp). GNOME has no ScreenSaver service,
KDE no IdleMonitor, so each desktop answers the first or the second question.

The call blocks, for at most ``TIMEOUT_MS``. It is made only when a reminder falls due (a few
times an hour, never on a timer), the reminder flow needs the answer there and then to decide
whether to wait, and a compositor answers in well under a millisecond; a service that hangs
costs a quarter of a second once and counts as unknown. Called on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

log = logging.getLogger(__name__)

#: The longest the GUI thread waits for one service's answer.
TIMEOUT_MS = 250


@dataclass(frozen=True)
class IdleService:
    """One D-Bus method that answers "milliseconds since the last input"."""

    label: str
    name: str
    path: str
    interface: str
    method: str


GNOME_MUTTER = IdleService(
    "GNOME",
    "org.gnome.Mutter.IdleMonitor",
    "/org/gnome/Mutter/IdleMonitor/Core",
    "org.gnome.Mutter.IdleMonitor",
    "GetIdletime",
)
FREEDESKTOP_SCREENSAVER = IdleService(
    "ScreenSaver",
    "org.freedesktop.ScreenSaver",
    "/org/freedesktop/ScreenSaver",
    "org.freedesktop.ScreenSaver",
    "GetSessionIdleTime",
)
SERVICES = (GNOME_MUTTER, FREEDESKTOP_SCREENSAVER)


class DBusIdle:
    """Asks each service in turn; the first good answer wins, none means unknown."""

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        services: Sequence[IdleService] = SERVICES,
        timeout_ms: int = TIMEOUT_MS,
    ) -> None:
        self._bus = bus
        self._services = tuple(services)
        self._timeout_ms = timeout_ms
        #: The service that answered last (its label), for "idle time from GNOME".
        self.source: str | None = None
        self._told: set[str] = set()

    def seconds(self) -> float | None:
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            self.source = None
            return None
        for service in self._services:
            milliseconds = self._ask(bus, service)
            if milliseconds is not None:
                self.source = service.label
                return milliseconds / 1000
        self.source = None
        return None

    def _ask(self, bus: QDBusConnection, service: IdleService) -> int | None:
        message = QDBusMessage.createMethodCall(
            service.name, service.path, service.interface, service.method
        )
        reply = bus.call(message, QDBus.CallMode.Block, self._timeout_ms)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            self._tell_once(service, reply.errorName() or "no answer")
            return None
        arguments = reply.arguments()
        value = arguments[0] if arguments else None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self._tell_once(service, f"an answer that is not a time: {value!r}")
            return None
        return value

    def _tell_once(self, service: IdleService, why: str) -> None:
        """Log each service's first failure only: a missing service is normal, not news."""
        if service.name not in self._told:
            self._told.add(service.name)
            log.info("idle time: %s did not answer (%s)", service.name, why)

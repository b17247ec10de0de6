"""The desktop's notification server on the session bus: who it is, what it can, when it goes.

Everything is asked asynchronously (QtDBus pending calls, answered on the GUI thread), once,
and again only when the service's owner changes (a server started, restarted or replaced).
A server that does not answer within ``answer_within_ms`` counts as absent for now: nothing
waits for it.
"""

from __future__ import annotations

import enum
import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusPendingCallWatcher,
    QDBusServiceWatcher,
)

from companion.core.i18n import N_
from companion.notify.presentation import ServerInfo

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
#: How long a notification server may take to answer before Companion shows the notice itself.
ANSWER_WITHIN_MS = 5000
#: How long a late answer is still listened for (D-Bus's usual timeout): a notice that a slow
#: server shows after Companion showed it elsewhere is then closed again.
LATE_ANSWER_MS = 25_000


def session_bus_problem(env: Mapping[str, str] | None = None) -> str | None:
    """Why there is no session bus to connect to (None: there is one), without connecting.

    Without an address (or the systemd user bus socket) libdbus would try to launch a bus of
    its own (``dbus-launch``), which is never wanted here.
    """
    env = os.environ if env is None else env
    runtime = env.get("XDG_RUNTIME_DIR")
    user_bus = Path(runtime, "bus") if runtime else None
    if env.get("DBUS_SESSION_BUS_ADDRESS") or (user_bus is not None and user_bus.exists()):
        return None
    return N_("no session bus")


def session_bus() -> QDBusConnection | None:
    """The session bus, when there is one that answers."""
    if session_bus_problem() is not None:
        return None
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        log.info("no session bus: %s", bus.lastError().message() or "could not connect")
        return None
    return bus


def method_call(member: str) -> QDBusMessage:
    return QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, member)


class ServerState(enum.Enum):
    ASKING = "asking"
    READY = "ready"
    ABSENT = "absent"


class NotificationServer(QObject):
    """``GetServerInformation`` and ``GetCapabilities``, read once and when the owner changes.

    ``settled`` fires when an ask ends (``state`` is then READY with ``info``, or ABSENT with
    ``problem``); ``vanished`` when the server that was there left the bus or was replaced
    (the notices it showed went with it).
    """

    settled = Signal()
    vanished = Signal()

    def __init__(
        self, bus: QDBusConnection, answer_within_ms: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._answer_within_ms = answer_within_ms
        self.state = ServerState.ABSENT
        self.info: ServerInfo | None = None
        self.problem = "not asked yet"
        #: Each question in flight, with the ask it belongs to (older asks' answers are stale).
        self._asking: dict[QDBusPendingCallWatcher, tuple[str, int]] = {}
        self._answers: dict[str, list[object]] = {}
        self._ask_number = 0
        self._too_slow = QTimer(self)
        self._too_slow.setSingleShot(True)
        self._too_slow.timeout.connect(self._on_too_slow)
        self._owner = QDBusServiceWatcher(
            SERVICE, bus, QDBusServiceWatcher.WatchModeFlag.WatchForOwnerChange, self
        )
        self._owner.serviceOwnerChanged.connect(self._on_owner_changed)

    def ask(self) -> None:
        """Ask who the server is and what it can (unless an ask is under way)."""
        if self.state is not ServerState.ASKING:
            self._ask_again()

    def _ask_again(self) -> None:
        """A new ask; answers to an older one still in flight are then ignored."""
        self.state = ServerState.ASKING
        self._ask_number += 1
        self._answers = {}
        for member in ("GetServerInformation", "GetCapabilities"):
            watcher = QDBusPendingCallWatcher(
                self._bus.asyncCall(method_call(member), LATE_ANSWER_MS), self
            )
            self._asking[watcher] = (member, self._ask_number)
            watcher.finished.connect(self._on_answer)
        self._too_slow.start(self._answer_within_ms)

    def _on_answer(self, _watcher: QDBusPendingCallWatcher) -> None:
        watcher = self.sender()
        if not isinstance(watcher, QDBusPendingCallWatcher) or watcher not in self._asking:
            return
        member, number = self._asking.pop(watcher)
        watcher.deleteLater()
        if number != self._ask_number or self.state is not ServerState.ASKING:
            return  # an older ask's answer, or one that came after we stopped waiting
        if watcher.isError():
            error = watcher.error()
            self._settle(None, f"{member}: {error.name()}: {error.message()}")
            return
        self._answers[member] = list(watcher.reply().arguments())
        if len(self._answers) == 2:
            self._settle(self._info(), "")

    def _info(self) -> ServerInfo:
        name, vendor, version, *_spec = map(str, self._answers["GetServerInformation"])
        capabilities = self._answers["GetCapabilities"][0]
        found = capabilities if isinstance(capabilities, list) else []
        return ServerInfo(name, vendor, version, frozenset(str(c) for c in found))

    def _on_too_slow(self) -> None:
        if self.state is ServerState.ASKING:
            seconds = self._answer_within_ms / 1000
            self._settle(None, f"the notification service did not answer within {seconds:g} s")

    def _settle(self, info: ServerInfo | None, problem: str) -> None:
        self._too_slow.stop()
        self.info, self.problem = info, problem
        self.state = ServerState.READY if info is not None else ServerState.ABSENT
        if info is not None:
            capabilities = ", ".join(sorted(info.capabilities))
            log.info("notification server: %s (%s)", info.describe(), capabilities)
        self.settled.emit()

    def _on_owner_changed(self, _service: str, old: str, new: str) -> None:
        if old:
            log.info("the notification server left the bus%s", " (replaced)" if new else "")
            self.vanished.emit()
        self.info = None
        if new:
            self._ask_again()  # a new server: who is it, and what can it do?
        elif self.state is not ServerState.ASKING:
            self.state, self.problem = ServerState.ABSENT, "the notification service left the bus"

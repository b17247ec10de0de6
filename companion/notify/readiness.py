"""Which way a notice would go on this desktop, found without showing one (for --self-test)."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from companion.notify.chain import SystemNotifier, system_notifiers
from companion.notify.plyer_notifier import PlyerNotifier, plyer_backend

if TYPE_CHECKING:  # QtDBus is loaded on Linux only
    from PySide6.QtDBus import QDBusConnection

#: What the app falls back on when no system notifier would take a notice.
IN_APP_FALLBACK = "the tray balloon, else a small Companion pop-up"
#: Windows and macOS: the tray icon's messages are the system's own notifications there.
TRAY_NOTICES = "the tray icon's notifications (the system's own), else a small Companion pop-up"
#: How long --self-test waits for the notification server's name and capabilities.
ASK_TIMEOUT_MS = 3000
ServiceState = Callable[[Mapping[str, str]], str]


class BuildIncomplete(RuntimeError):
    """The build can't do what it should here: a packaging bug, not the desktop's doing."""


def describe_notifications(
    icon: Path,
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    notifiers: list[SystemNotifier] | None = None,
    service_state: ServiceState | None = None,
) -> str:
    """One line: the notifier the app's chain tries first, why the ones before it step aside,
    and on Linux which D-Bus notification service answers.

    Raises ``BuildIncomplete`` when Qt's D-Bus can't write Notify's arguments (the Qt library
    the build carries) or plyer's backend module is missing where plyer is used; a desktop
    without notifications is reported, not a failure.
    """
    env = os.environ if env is None else env
    linux = platform.startswith("linux")
    chain = system_notifiers(icon, platform=platform) if notifiers is None else notifiers
    _check_build(chain, linux)
    if not linux:
        return TRAY_NOTICES
    chosen, skipped = None, []
    for notifier in chain:
        reason = notifier.unavailable()
        if reason is None:
            chosen = notifier.name
            break
        skipped.append(f"{notifier.name} skipped: {reason}")
    first = f"{chosen} first" if chosen else f"{IN_APP_FALLBACK} (no system notifier here)"
    state = (service_state or notification_service)(env)
    return "; ".join([first, *skipped, f"D-Bus notification service: {state}"])


def _check_build(chain: list[SystemNotifier], linux: bool) -> None:
    if linux:
        from companion.notify.dbus_args import marshalling_problem

        problem = marshalling_problem()
        if problem is not None:
            raise BuildIncomplete(f"Qt's D-Bus can't write a notification's arguments ({problem})")
    for notifier in chain:
        backend = plyer_backend("linux") if isinstance(notifier, PlyerNotifier) else None
        if backend is None:
            continue
        try:
            importlib.import_module(backend)
        except ImportError as error:
            raise BuildIncomplete(f"plyer's backend {backend} is missing ({error})") from error


def notification_service(env: Mapping[str, str]) -> str:
    """Which notification server is on the session bus (or can be started on demand).

    Without a session bus address (or the systemd user bus socket) it does not connect at all:
    libdbus would otherwise try to autolaunch a bus for this check. Unlike the app (which
    never waits), this asks and waits: --self-test has no window to keep responsive.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtDBus import QDBusConnection

    from companion.notify.notification_server import SERVICE, session_bus_problem

    problem = session_bus_problem(env)
    if problem is not None:
        return problem
    _app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return f"no session bus ({bus.lastError().message() or 'could not connect'})"
    interface = bus.interface()
    if interface.isServiceRegistered(SERVICE).value():
        return f"{SERVICE} is running ({_server_identity(bus)})"
    if SERVICE in (interface.activatableServiceNames().value() or []):
        return f"{SERVICE} starts on demand"
    return "none on the session bus"


def _server_identity(bus: QDBusConnection) -> str:
    """E.g. "dunst 1.9.0, with buttons", as the running server says (waiting, with a limit)."""
    from PySide6.QtDBus import QDBus, QDBusMessage

    from companion.notify.notification_server import method_call

    info = bus.call(method_call("GetServerInformation"), QDBus.CallMode.Block, ASK_TIMEOUT_MS)
    caps = bus.call(method_call("GetCapabilities"), QDBus.CallMode.Block, ASK_TIMEOUT_MS)
    if QDBusMessage.MessageType.ErrorMessage in (info.type(), caps.type()):
        return f"it did not say who it is: {info.errorMessage() or caps.errorMessage()}"
    name, _vendor, version, *_ = [str(part) for part in info.arguments()]
    buttons = "with buttons" if "actions" in (caps.arguments() or [[]])[0] else "no buttons"
    return f"{name} {version}, {buttons}"

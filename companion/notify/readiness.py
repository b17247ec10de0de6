"""Which way a notice would go on this desktop, found without showing one (for --self-test)."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from companion.notify.chain import SystemNotifier, system_notifiers
from companion.notify.plyer_notifier import plyer_backend

NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"
#: What the app falls back on when no system notifier would take a notice.
IN_APP_FALLBACK = "the tray balloon, else a small Companion pop-up"
ServiceState = Callable[[Mapping[str, str]], str]


class BuildIncomplete(RuntimeError):
    """The frozen build lacks a module it needs: a packaging bug, not the desktop's doing."""


def describe_notifications(
    icon: Path,
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    notifiers: list[SystemNotifier] | None = None,
    service_state: ServiceState | None = None,
) -> str:
    """One line: the notifier the app's chain tries first, why the ones before it step aside,
    and on Linux whether notify-send and a D-Bus notification service are there.

    Raises ``BuildIncomplete`` when plyer's backend module is missing (the hidden import
    build.spec must add); a desktop without notifications is reported, not a failure.
    """
    env = os.environ if env is None else env
    backend = plyer_backend(platform)
    if backend is not None:
        try:
            importlib.import_module(backend)
        except ImportError as error:
            raise BuildIncomplete(f"plyer's backend {backend} is missing ({error})") from error
    chain = system_notifiers(icon, platform=platform) if notifiers is None else notifiers
    chosen, skipped = None, []
    for notifier in chain:
        reason = notifier.unavailable()
        if reason is None:
            chosen = notifier.name
            break
        skipped.append(f"{notifier.name} skipped: {reason}")
    first = f"{chosen} first" if chosen else f"{IN_APP_FALLBACK} (no system notifier here)"
    parts = [first, *skipped]
    if platform.startswith("linux"):
        program = shutil.which("notify-send", path=env.get("PATH"))
        parts.append(f"notify-send: {program or 'not installed'}")
        state = (service_state or notification_service)(env)
        parts.append(f"D-Bus notification service: {state}")
    return "; ".join(parts)


def notification_service(env: Mapping[str, str]) -> str:
    """Whether a notification daemon is on the session bus, or can be started on demand.

    Without a session bus address (or the systemd user bus socket) it does not connect at all:
    libdbus would otherwise try to autolaunch a bus for this check.
    """
    runtime = env.get("XDG_RUNTIME_DIR")
    user_bus = Path(runtime, "bus") if runtime else None
    if not env.get("DBUS_SESSION_BUS_ADDRESS") and not (user_bus and user_bus.exists()):
        return "no session bus"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtDBus import QDBusConnection

    _app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return f"no session bus ({bus.lastError().message() or 'could not connect'})"
    interface = bus.interface()
    if interface.isServiceRegistered(NOTIFICATIONS_SERVICE).value():
        return f"{NOTIFICATIONS_SERVICE} is running"
    if NOTIFICATIONS_SERVICE in (interface.activatableServiceNames().value() or []):
        return f"{NOTIFICATIONS_SERVICE} starts on demand"
    return "none on the session bus"

"""--self-test's notifier line: the chain the app builds, asked (never sent) which would go."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from companion.core.notices import Delivery, Notice
from companion.notify import dbus_args, readiness
from companion.notify.chain import system_notifiers
from companion.notify.dbus_notifier import DBusNotifier
from companion.notify.plyer_notifier import PlyerNotifier
from companion.notify.readiness import (
    IN_APP_FALLBACK,
    TRAY_NOTICES,
    BuildIncomplete,
    describe_notifications,
    notification_service,
)
from tests.fake_notification_server import FakeNotificationServer, PrivateBus, missing_tools

ICON = Path("companion.svg")


class Stub:
    """A notifier that says whether it could show a notice, and fails the test if asked to."""

    def __init__(self, name: str, reason: str | None) -> None:
        self.name = name
        self._reason = reason

    def unavailable(self) -> str | None:
        return self._reason

    def notify(self, notice: Notice) -> Delivery:
        raise AssertionError("the self-test must not show a notification")


def service(state: str):  # type: ignore[no-untyped-def]
    def ask(env: Mapping[str, str]) -> str:
        return state

    return ask


def test_the_first_notifier_that_would_work_is_named_with_why_others_stepped_aside() -> None:
    chain = [Stub("desktop notifications (D-Bus)", "no session bus"), Stub("plyer", None)]

    line = describe_notifications(
        ICON, platform="linux", env={}, notifiers=chain, service_state=service("up")
    )

    assert line == (
        "plyer first; desktop notifications (D-Bus) skipped: no session bus; "
        "D-Bus notification service: up"
    )


def test_without_a_system_notifier_the_in_app_fallback_is_named() -> None:
    chain = [Stub("desktop notifications (D-Bus)", "no session bus")]

    line = describe_notifications(
        ICON, platform="linux", env={}, notifiers=chain, service_state=service("no session bus")
    )

    assert line.startswith(f"{IN_APP_FALLBACK} (no system notifier here)")
    assert line.endswith("D-Bus notification service: no session bus")


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_use_the_tray_icon_and_report_no_linux_parts(platform: str) -> None:
    line = describe_notifications(ICON, platform=platform)

    assert line == TRAY_NOTICES


def test_a_qt_that_cannot_write_notify_arguments_is_a_broken_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dbus_args, "marshalling_problem", lambda: "libQt6DBus.so.6: missing")

    with pytest.raises(BuildIncomplete, match="Qt's D-Bus can't write"):
        describe_notifications(ICON, platform="linux", notifiers=[], service_state=service(""))


def test_a_missing_plyer_backend_is_a_broken_build_where_plyer_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(readiness, "plyer_backend", lambda platform: "plyer.platforms.gone")

    with pytest.raises(BuildIncomplete, match=r"plyer\.platforms\.gone"):
        describe_notifications(
            ICON,
            platform="linux",
            notifiers=[PlyerNotifier(ICON, "linux")],
            service_state=service(""),
        )
    assert describe_notifications(ICON, platform="linux", notifiers=[], service_state=service(""))


def test_the_chain_is_the_one_the_app_builds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)  # no dbus-python
    [check] = system_notifiers(ICON, platform="linux")
    assert check.name == DBusNotifier.name == "desktop notifications (D-Bus)"
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert check.unavailable() == "no session bus"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/bus")
    assert check.unavailable() is None  # and Qt can write Notify's arguments here


def test_without_a_session_bus_nothing_is_connected_or_launched(tmp_path: Path) -> None:
    assert notification_service({"XDG_RUNTIME_DIR": str(tmp_path)}) == "no session bus"
    assert notification_service({}) == "no session bus"


def test_the_running_server_says_who_it_is(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: object
) -> None:
    """--self-test asks the real server (here the fake one, as dunst) its name and buttons."""
    if missing_tools():
        pytest.skip(f"missing: {', '.join(missing_tools())} (run `make desktop-tools`)")
    bus = PrivateBus(tmp_path / "bus").start()
    server = FakeNotificationServer(bus.address, tmp_path, name="dunst", version="1.9.0")
    try:
        server.start()
        state = _in_a_child(bus.address)
    finally:
        server.stop()
        bus.stop()
    assert state == "org.freedesktop.Notifications is running (dunst 1.9.0, with buttons)"


def _in_a_child(address: str) -> str:
    """QDBusConnection.sessionBus() is made once a process: ask from a fresh one."""
    code = (
        "from companion.notify.readiness import notification_service;"
        "import os; print(notification_service(os.environ))"
    )
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()

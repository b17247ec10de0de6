"""The screen lock, heard from the bus: GNOME's and freedesktop's ActiveChanged signals, sent
with dbus-send on a private bus as the screensavers send them."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from companion.system.screen_lock import SCREENSAVERS, ScreenLockWatcher


def send_active_changed(address: str, path: str, interface: str, active: bool) -> None:
    subprocess.run(
        [
            "dbus-send",
            f"--bus={address}",
            "--type=signal",
            path,
            f"{interface}.ActiveChanged",
            f"boolean:{'true' if active else 'false'}",
        ],
        check=True,
        timeout=30,
    )


@pytest.mark.skipif(shutil.which("dbus-send") is None, reason="needs dbus-send (package dbus)")
@pytest.mark.parametrize(("path", "interface"), SCREENSAVERS)
def test_a_screensaver_becoming_active_is_a_lock_and_inactive_is_not(
    qtbot: QtBot, bus_address: str, connection: QDBusConnection, path: str, interface: str
) -> None:
    watcher = ScreenLockWatcher(lambda: connection)
    assert watcher.listening
    heard: list[None] = []
    watcher.locked.connect(lambda: heard.append(None))

    send_active_changed(bus_address, path, interface, False)
    with qtbot.waitSignal(watcher.locked, timeout=10_000):
        send_active_changed(bus_address, path, interface, True)

    assert len(heard) == 1  # the "false" before it, sent first, was no lock


def test_without_a_bus_it_listens_to_nothing(qapp: object) -> None:
    gone = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "screen-lock-none")
    assert not ScreenLockWatcher(lambda: gone).listening
    QDBusConnection.disconnectFromBus("screen-lock-none")

"""Idle time from a desktop's D-Bus service, against stand-ins on a private bus of their own.

The stand-ins (fake_idle_service.py) own the real services' names, paths and interfaces:
GNOME's org.gnome.Mutter.IdleMonitor and KDE's org.freedesktop.ScreenSaver. The real GNOME
Shell answers in tests/e2e/test_gnome.py.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection

from companion.system.idle import IdleTime
from companion.system.idle_dbus import TIMEOUT_MS, DBusIdle

HERE = Path(__file__).parent
WAYLAND = {"WAYLAND_DISPLAY": "wayland-0"}
START_TIMEOUT = 20.0
_names = itertools.count()

Serve = Callable[..., subprocess.Popen[str]]


def no_library_lookups(name: str) -> str | None:
    raise AssertionError(f"looked for lib{name}: XScreenSaver must not be asked on Wayland")


@pytest.fixture
def bus_address(tmp_path: Path) -> Iterator[str]:
    """A private session bus of this test's own (dbus-daemon), gone at the end."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is missing (run `make desktop-tools`)")
    read_fd, write_fd = os.pipe()
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", f"--print-address={write_fd}"],
        pass_fds=[write_fd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        address = pipe.readline().strip()
    try:
        assert address, "dbus-daemon gave no address"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)


@pytest.fixture
def connection(qapp: object, bus_address: str) -> Iterator[QDBusConnection]:
    """Our own connection to the private bus, as DBusIdle gets the session bus in the app."""
    name = f"idle-test-{next(_names)}"
    bus = QDBusConnection.connectToBus(bus_address, name)
    assert bus.isConnected()
    yield bus
    QDBusConnection.disconnectFromBus(name)


@pytest.fixture
def serve(bus_address: str) -> Iterator[Serve]:
    """serve(kind, mode, ms=0): a stand-in service on the private bus, ready when returned."""
    started: list[subprocess.Popen[str]] = []

    def start(kind: str, mode: str, milliseconds: int = 0) -> subprocess.Popen[str]:
        script = str(HERE / "fake_idle_service.py")
        args = [sys.executable, script, bus_address, kind, mode, str(milliseconds)]
        service = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        started.append(service)
        assert service.stdout is not None
        line = service.stdout.readline().strip()  # "ready", or EOF if it died
        assert line == "ready", f"the {kind} stand-in did not start"
        return service

    yield start
    for service in started:
        service.terminate()
        service.wait(10)
        if service.stdout is not None:
            service.stdout.close()


def asked(service: subprocess.Popen[str]) -> int:
    """How often the stand-in was asked (it prints a line per call), once it has exited."""
    service.terminate()
    out, _ = service.communicate(timeout=10)
    return out.split().count("asked")


def test_kde_screensaver_answers_in_milliseconds(connection: QDBusConnection, serve: Serve) -> None:
    service = serve("screensaver", "answer", 4200)
    idle = IdleTime("linux", WAYLAND, no_library_lookups, DBusIdle(connection))
    assert idle.seconds() == pytest.approx(4.2)
    assert idle.source == "ScreenSaver"
    assert idle.known()
    assert asked(service) == 2  # once per question: nothing is cached or polled


def test_gnome_is_asked_first_and_its_answer_is_taken(
    connection: QDBusConnection, serve: Serve
) -> None:
    gnome = serve("gnome", "answer", 90_000)
    screensaver = serve("screensaver", "answer", 5)
    idle = IdleTime("linux", WAYLAND, no_library_lookups, DBusIdle(connection))
    assert idle.seconds() == pytest.approx(90.0)
    assert idle.source == "GNOME"
    assert (asked(gnome), asked(screensaver)) == (1, 0)


def test_without_any_service_idle_time_is_unknown(connection: QDBusConnection) -> None:
    idle = IdleTime("linux", WAYLAND, no_library_lookups, DBusIdle(connection))
    assert idle.seconds() is None
    assert idle.source is None
    assert not idle.known()


@pytest.mark.parametrize("mode", ["absent", "text"])
def test_a_service_that_fails_or_answers_nonsense_is_passed_over(
    connection: QDBusConnection, serve: Serve, mode: str
) -> None:
    """GNOME's name is there but the call fails (no such object) or, for the ScreenSaver,
    answers with text: neither is taken for a time; the next service, or unknown."""
    serve("gnome", "absent")
    broken = serve("screensaver", mode)
    idle = IdleTime("linux", WAYLAND, no_library_lookups, DBusIdle(connection))
    assert idle.seconds() is None
    assert asked(broken) == (1 if mode == "text" else 0)


def test_a_hung_service_costs_at_most_the_timeout(
    connection: QDBusConnection, serve: Serve
) -> None:
    serve("gnome", "slow", 1000)
    later = serve("screensaver", "answer", 7000)
    idle = IdleTime("linux", WAYLAND, no_library_lookups, DBusIdle(connection))
    started = time.monotonic()
    assert idle.seconds() == pytest.approx(7.0)  # the next service answers
    waited = time.monotonic() - started
    assert waited < TIMEOUT_MS / 1000 + 1.0  # not the stand-in's two seconds
    assert asked(later) == 1


def test_a_lost_session_bus_is_unknown(qapp: object) -> None:
    gone = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "idle-test-gone")
    try:
        assert not gone.isConnected()
        assert DBusIdle(gone).seconds() is None
    finally:
        QDBusConnection.disconnectFromBus("idle-test-gone")

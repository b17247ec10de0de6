"""Idle time: unknown where it can't be told (Wayland, no X, no libXss); Windows' tick counts."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pytest

from companion.system.idle import IdleTime, is_wayland, windows_idle
from companion.system.idle_dbus import DBusIdle

DAY_MS = 24 * 3600 * 1000


def no_library_lookups(name: str) -> str | None:
    raise AssertionError(f"looked for lib{name}: XScreenSaver must not be asked here")


@pytest.mark.parametrize(
    "environ",
    [
        {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"},
        {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"},
    ],
)
def test_under_wayland_with_xwayland_xscreensaver_is_never_asked(environ: dict[str, str]) -> None:
    """The desktop's D-Bus service is asked instead (test_idle_dbus.py); with none, unknown."""
    idle = IdleTime("linux", environ, no_library_lookups, DBusIdle(services=()))
    assert is_wayland(environ)
    assert idle.seconds() is None
    assert idle.seconds() is None  # and XScreenSaver is not tried later either
    assert not idle.known()


def test_an_x11_session_is_not_taken_for_wayland() -> None:
    assert not is_wayland({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"})


def test_without_a_display_or_libxss_and_no_desktop_service_it_is_unknown() -> None:
    nothing = DBusIdle(services=())
    assert IdleTime("linux", {}, no_library_lookups, nothing).seconds() is None
    missing = IdleTime("linux", {"DISPLAY": ":0"}, lambda name: None, nothing)
    assert missing.seconds() is None
    assert missing.source is None


class CFunction:
    """Stands in for a ctypes foreign function: the result goes through ``restype``, which is
    ctypes' default ``c_int`` until the caller declares it, as with the real thing."""

    def __init__(self, result: Callable[..., int]) -> None:
        self.restype: Any = ctypes.c_int
        self.argtypes: Any = None
        self._result = result

    def __call__(self, *args: Any) -> Any:
        return self.restype(self._result(*args)).value


class FakeWindows:
    """user32.GetLastInputInfo and kernel32's tick counts, ``uptime_ms`` after boot."""

    def __init__(self, uptime_ms: int, idle_ms: int) -> None:
        last_input = (uptime_ms - idle_ms) % (1 << 32)  # a DWORD, as GetTickCount's
        self.user32 = type("user32", (), {})()
        self.kernel32 = type("kernel32", (), {})()
        self.user32.GetLastInputInfo = CFunction(
            lambda ref: setattr(ref._obj, "dwTime", last_input) or 1
        )
        self.kernel32.GetTickCount64 = CFunction(lambda: uptime_ms)
        self.kernel32.GetTickCount = CFunction(lambda: uptime_ms % (1 << 32))

    def idle(self) -> float | None:
        return windows_idle(self.user32, self.kernel32)


@pytest.mark.parametrize(
    ("uptime_ms", "idle_ms"),
    [
        (5 * 60 * 1000, 2_000),  # a fresh boot
        (30 * DAY_MS, 5_000),  # past 2**31 ms: a signed GetTickCount is negative
        ((1 << 32) + 2_000, 7_000),  # 49.7 days: the last input was before the wrap
        ((1 << 32) + 10_000, 7_000),  # both after the wrap
        (60 * DAY_MS, 4 * 3600 * 1000),  # away for four hours on a long-running PC
    ],
)
def test_windows_idle_is_right_after_24_and_49_days_of_uptime(uptime_ms: int, idle_ms: int) -> None:
    assert FakeWindows(uptime_ms, idle_ms).idle() == idle_ms / 1000


def test_windows_idle_is_unknown_when_get_last_input_info_fails() -> None:
    windows = FakeWindows(1000, 0)
    windows.user32.GetLastInputInfo = CFunction(lambda ref: 0)
    assert windows.idle() is None

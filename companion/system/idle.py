"""How long since the agent last touched keyboard or mouse: X11, Windows, macOS; else unknown.

Asked only when a reminder is due, never on a timer of its own. ``None`` means "can't tell",
which counts as present (Wayland, no X connection, a missing library).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys

log = logging.getLogger(__name__)


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


class _LastInputInfo(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]


class IdleTime:
    """Seconds since the last input, from whatever this desktop offers."""

    def __init__(self, platform: str = sys.platform) -> None:
        self._platform = platform
        self._x11: tuple[ctypes.CDLL, ctypes.CDLL, int] | None = None
        self._x11_failed = False

    def seconds(self) -> float | None:
        if self._platform.startswith("linux") or self._platform.startswith("freebsd"):
            return self._x11_idle()
        if self._platform == "win32":
            return _windows_idle()
        if self._platform == "darwin":
            return _macos_idle()
        return None

    def _x11_idle(self) -> float | None:
        connection = self._x11_connection()
        if connection is None:
            return None
        xlib, xss, display = connection
        info = xss.XScreenSaverAllocInfo()
        if not info:
            return None
        try:
            root = xlib.XDefaultRootWindow(display)
            if not xss.XScreenSaverQueryInfo(display, root, info):
                return None
            return float(ctypes.cast(info, ctypes.POINTER(_XScreenSaverInfo)).contents.idle) / 1000
        finally:
            xlib.XFree(info)

    def _x11_connection(self) -> tuple[ctypes.CDLL, ctypes.CDLL, int] | None:
        if self._x11 is not None or self._x11_failed:
            return self._x11
        self._x11_failed = True
        if not os.environ.get("DISPLAY"):
            return None
        names = ctypes.util.find_library("X11"), ctypes.util.find_library("Xss")
        if None in names:
            log.info("idle time unknown: libX11 or libXss is missing")
            return None
        try:
            xlib, xss = ctypes.CDLL(names[0]), ctypes.CDLL(names[1])
        except OSError as error:
            log.info("idle time unknown: %s", error)
            return None
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XFree.argtypes = [ctypes.c_void_p]
        xss.XScreenSaverAllocInfo.restype = ctypes.c_void_p
        xss.XScreenSaverQueryInfo.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        display = xlib.XOpenDisplay(None)
        if not display:
            return None
        self._x11, self._x11_failed = (xlib, xss, display), False
        return self._x11


def _windows_idle() -> float | None:
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return None
    info = _LastInputInfo()
    info.cbSize = ctypes.sizeof(info)
    if not windll.user32.GetLastInputInfo(ctypes.byref(info)):
        return None
    return float(windll.kernel32.GetTickCount() - info.dwTime) / 1000


def _macos_idle() -> float | None:
    path = ctypes.util.find_library("ApplicationServices")
    if path is None:
        return None
    services = ctypes.CDLL(path)
    function = services.CGEventSourceSecondsSinceLastEventType
    function.restype = ctypes.c_double
    function.argtypes = [ctypes.c_int, ctypes.c_uint32]
    # kCGEventSourceStateCombinedSessionState = 0, kCGAnyInputEventType = ~0
    return float(function(0, 0xFFFFFFFF))

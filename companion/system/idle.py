"""How long since the agent last touched keyboard or mouse: X11, Windows, macOS, and on Wayland
(or without libXss) the desktop's own D-Bus service; else unknown.

Asked only when a reminder is due, never on a timer of its own. ``None`` means "can't tell",
which counts as present (no X connection and no desktop service that answers): a reminder
then goes at its time rather than waiting for a return Companion could never see.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from companion.system.idle_dbus import DBusIdle

log = logging.getLogger(__name__)

#: The sonames the .deb depends on (libx11-6, libxss1), the same on every glibc distribution.
LINUX_SONAMES = {"X11": "libX11.so.6", "Xss": "libXss.so.1"}


def linux_soname(name: str) -> str | None:
    """The file to load for ``lib<name>``: ctypes.util.find_library would run ``ldconfig -p``,
    a program started on the GUI thread when the first reminder falls due (seen with strace)."""
    return LINUX_SONAMES.get(name)


#: GetLastInputInfo's dwTime is GetTickCount's 32-bit millisecond count, which wraps.
_TICKS_WRAP = 1 << 32


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


def is_wayland(environ: Mapping[str, str]) -> bool:
    """A Wayland session, even one with XWayland (DISPLAY set as well).

    WORKAROUND: under XWayland, XScreenSaver only sees input that goes to X windows, so the
    agent typing into a Wayland-native app looks idle for hours and every reminder would
    wait forever (https://github.com/slgobinath/SafeEyes/issues/286). Unknown is better.
    """
    return bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"


class IdleTime:
    """Seconds since the last input, from whatever this desktop offers.

    Called on the GUI thread. ``seconds`` may raise OSError when the platform call itself
    fails (a lost X connection, a Windows SEH error); callers treat that as unknown. On
    Linux, XScreenSaver first (an X11 session), then ``desktop`` (GNOME's and KDE's D-Bus
    services, ``companion.system.idle_dbus``; the session bus unless one is given).
    """

    def __init__(
        self,
        platform: str = sys.platform,
        environ: Mapping[str, str] = os.environ,
        find_library: Callable[[str], str | None] = linux_soname,
        desktop: DBusIdle | None = None,
    ) -> None:
        self._platform = platform
        self._environ = environ
        self._find_library = find_library
        self._desktop = desktop
        self._x11: tuple[ctypes.CDLL, ctypes.CDLL, int] | None = None
        self._x11_failed = False
        #: Where the last answer came from ("X11", "GNOME", ...); None while unknown.
        self.source: str | None = None

    def seconds(self) -> float | None:
        found, source = self._ask()
        self.source = None if found is None else source
        return found

    def known(self) -> bool:
        """Whether idle time can be told here, asked now (for Settings: "unknown" otherwise)."""
        return self.seconds() is not None

    def _ask(self) -> tuple[float | None, str | None]:
        if self._platform.startswith("linux") or self._platform.startswith("freebsd"):
            x11 = self._x11_idle()
            if x11 is not None:
                return x11, "X11"
            desktop = self._desktop_service()
            return desktop.seconds(), desktop.source
        if self._platform == "win32":
            windll: Any = getattr(ctypes, "windll", None)
            if windll is None:
                return None, None
            return windows_idle(windll.user32, windll.kernel32), "Windows"
        if self._platform == "darwin":
            return _macos_idle(), "macOS"
        return None, None

    def _desktop_service(self) -> DBusIdle:
        if self._desktop is None:
            from companion.system.idle_dbus import DBusIdle  # QtDBus: only where it is used

            self._desktop = DBusIdle()
        return self._desktop

    def close(self) -> None:
        """Let go of the X connection (the app does not need to: it ends with the session)."""
        if self._x11 is not None:
            xlib, _, display = self._x11
            xlib.XCloseDisplay(display)
            self._x11, self._x11_failed = None, True

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
        if is_wayland(self._environ):
            log.info("idle time from the desktop: a Wayland session (XScreenSaver can't see it)")
            return None
        display_name = self._environ.get("DISPLAY")
        if not display_name:
            return None
        names = self._find_library("X11"), self._find_library("Xss")
        if names[0] is None or names[1] is None:
            log.info("idle time unknown: libX11 or libXss is missing")
            return None
        try:
            xlib, xss = ctypes.CDLL(names[0]), ctypes.CDLL(names[1])
        except OSError as error:
            log.info("idle time unknown: %s", error)
            return None
        _declare_x11(xlib, xss)
        display = xlib.XOpenDisplay(display_name.encode())
        if not display:
            return None
        self._x11, self._x11_failed = (xlib, xss, display), False
        return self._x11


def _declare_x11(xlib: ctypes.CDLL, xss: ctypes.CDLL) -> None:
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    xss.XScreenSaverAllocInfo.restype = ctypes.c_void_p
    xss.XScreenSaverQueryInfo.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]


def windows_idle(user32: Any, kernel32: Any) -> float | None:
    """GetLastInputInfo against GetTickCount64, modulo 2**32 as dwTime is 32 bits.

    GetTickCount with ctypes' default (signed int) result turns negative after 24.8 days of
    uptime and wraps after 49.7; the 64-bit count does neither, and the modulo keeps the
    difference right when dwTime itself has wrapped.
    """
    info = _LastInputInfo()
    info.cbSize = ctypes.sizeof(info)
    if not user32.GetLastInputInfo(ctypes.byref(info)):
        return None
    kernel32.GetTickCount64.restype = ctypes.c_uint64
    kernel32.GetTickCount64.argtypes = []
    now = int(kernel32.GetTickCount64())
    return float((now - info.dwTime) % _TICKS_WRAP) / 1000


def _find_library(name: str) -> str | None:
    """ctypes.util loads subprocess (2.2 MB with it): imported when first asked (macOS)."""
    import ctypes.util

    return ctypes.util.find_library(name)


def _macos_idle() -> float | None:
    path = _find_library("ApplicationServices")
    if path is None:
        return None
    services = ctypes.CDLL(path)
    function = services.CGEventSourceSecondsSinceLastEventType
    function.restype = ctypes.c_double
    function.argtypes = [ctypes.c_int, ctypes.c_uint32]
    # kCGEventSourceStateCombinedSessionState = 0, kCGAnyInputEventType = ~0
    return float(function(0, 0xFFFFFFFF))

"""A shortcut from anywhere (issue #11): Ctrl+Alt+H tags a hard call and starts a break from
whatever application has the focus, for agents who work from the keyboard or a screen reader.

- **X11**: ``XGrabKey`` on the root window, over a connection of Companion's own (Qt's is
  xcb's), read by a QSocketNotifier: nothing is polled and nothing runs until the key is
  pressed. The key is grabbed with each combination of Caps Lock and Num Lock, as X11 needs.
  Another program holding it (X's BadAccess) makes the shortcut unavailable, and Settings says
  so. Held down, the key acts once (XKB's detectable auto-repeat).
- **Windows**: ``RegisterHotKey`` with ``MOD_NOREPEAT``; ``WM_HOTKEY`` comes to this thread's
  message queue, where a native event filter sees it (``WindowsShortcut``, tested through a
  fake of user32 that behaves as Microsoft documents it).
- **Wayland**: the desktop portal's GlobalShortcuts, where the desktop has it
  (system/portal_shortcut.py); the desktop binds the key and may let the agent pick another.
- **macOS, and Wayland desktops without the portal**: none here; README shows how to bind
  ``companion tag`` to a desktop shortcut.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QCoreApplication,
    QObject,
    QSocketNotifier,
    Signal,
)

from companion.core.i18n import N_, _

if TYPE_CHECKING:
    from companion.system.portal_shortcut import PortalShortcut

log = logging.getLogger(__name__)

#: What the shortcut is, as Settings and README name it.
SHORTCUT_TEXT = "Ctrl+Alt+H"
X11_KEYSYM = b"h"
_CONTROL_MASK, _MOD1_MASK, _LOCK_MASK, _MOD2_MASK = 4, 8, 2, 16
_KEY_PRESS, _KEY_RELEASE = 2, 3
_BAD_ACCESS = 10
_GRAB_MODE_ASYNC = 1

#: Windows (winuser.h).
MOD_ALT, MOD_CONTROL, MOD_NOREPEAT = 0x0001, 0x0002, 0x4000
WM_HOTKEY = 0x0312
VK_H = 0x48
HOTKEY_ID = 0x4348  # any id in 0x0000-0xBFFF is an application's own

TAKEN = N_("Another program already uses {shortcut}, so Companion can't.")
NOT_HERE = N_(
    "This desktop doesn't let Companion listen for {shortcut} (see README to set one up)."
)


class _XErrorEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("resourceid", ctypes.c_ulong),
        ("serial", ctypes.c_ulong),
        ("error_code", ctypes.c_ubyte),
        ("request_code", ctypes.c_ubyte),
        ("minor_code", ctypes.c_ubyte),
    ]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_XErrorEvent))


class X11Shortcut(QObject):
    """``pressed`` each time Ctrl+Alt+H goes down (not again while it is held)."""

    pressed = Signal()

    def __init__(self, display_name: str, library: str = "libX11.so.6") -> None:
        super().__init__()
        self._display_name = display_name
        self._library = library
        self._xlib: ctypes.CDLL | None = None
        self._display: int | None = None
        self._notifier: QSocketNotifier | None = None
        self._held = False

    def start(self) -> str | None:
        """Grab the key; None when it is ours, else why not (for Settings)."""
        try:
            xlib = ctypes.CDLL(self._library)
        except OSError as error:
            log.info("no global shortcut: %s", error)
            return _(NOT_HERE).format(shortcut=SHORTCUT_TEXT)
        _declare(xlib)
        display = xlib.XOpenDisplay(self._display_name.encode())
        if not display:
            return _(NOT_HERE).format(shortcut=SHORTCUT_TEXT)
        self._xlib, self._display = xlib, display
        keycode = xlib.XKeysymToKeycode(display, xlib.XStringToKeysym(X11_KEYSYM))
        root = xlib.XDefaultRootWindow(display)
        errors: list[int] = []

        def on_error(_display: int, event: Any) -> int:
            errors.append(int(event.contents.error_code))
            return 0

        handler = _ERROR_HANDLER(on_error)
        previous = xlib.XSetErrorHandler(handler)
        try:
            for locks in (0, _LOCK_MASK, _MOD2_MASK, _LOCK_MASK | _MOD2_MASK):
                xlib.XGrabKey(
                    display, keycode, _CONTROL_MASK | _MOD1_MASK | locks, root, 1,
                    _GRAB_MODE_ASYNC, _GRAB_MODE_ASYNC,
                )  # fmt: skip
            xlib.XSync(display, 0)
        finally:
            xlib.XSetErrorHandler(previous)
        if _BAD_ACCESS in errors:
            log.info("%s is grabbed by another program", SHORTCUT_TEXT)
            self.stop()
            return _(TAKEN).format(shortcut=SHORTCUT_TEXT)
        xlib.XkbSetDetectableAutoRepeat(display, 1, None)
        self._notifier = QSocketNotifier(
            xlib.XConnectionNumber(display), QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._read_events)
        self._read_events()  # anything Xlib queued before the notifier existed
        log.info("global shortcut %s is on", SHORTCUT_TEXT)
        return None

    def stop(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._xlib is not None and self._display is not None:
            self._xlib.XCloseDisplay(self._display)  # ends its grabs too
        self._xlib = self._display = None

    def _read_events(self) -> None:
        xlib, display = self._xlib, self._display
        if xlib is None or display is None:
            return
        event = (ctypes.c_long * 24)()
        while xlib.XPending(display):
            xlib.XNextEvent(display, event)
            kind = ctypes.cast(event, ctypes.POINTER(ctypes.c_int))[0]
            if kind == _KEY_PRESS and not self._held:
                self._held = True
                self.pressed.emit()
            elif kind == _KEY_RELEASE:
                self._held = False


def _declare(xlib: ctypes.CDLL) -> None:
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XStringToKeysym.restype = ctypes.c_ulong
    xlib.XStringToKeysym.argtypes = [ctypes.c_char_p]
    xlib.XKeysymToKeycode.restype = ctypes.c_ubyte
    xlib.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    xlib.XGrabKey.argtypes = [
        ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int,
        ctypes.c_int, ctypes.c_int,
    ]  # fmt: skip
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XSetErrorHandler.restype = ctypes.c_void_p
    xlib.XSetErrorHandler.argtypes = [ctypes.c_void_p]
    xlib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    xlib.XPending.argtypes = [ctypes.c_void_p]
    xlib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    xlib.XkbSetDetectableAutoRepeat.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]


class _HotKeyFilter(QAbstractNativeEventFilter):
    def __init__(self, on_hotkey: Callable[[], None]) -> None:
        super().__init__()
        self._on_hotkey = on_hotkey

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if bytes(event_type) == b"windows_generic_MSG":
            msg = ctypes.cast(int(message), ctypes.POINTER(_MSG)).contents
            if msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID:
                self._on_hotkey()
                return True, 0
        return False, 0


class _MSG(ctypes.Structure):
    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_ulong),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    ]


class WindowsShortcut(QObject):
    """RegisterHotKey for this thread (hWnd NULL): WM_HOTKEY arrives in its message queue."""

    pressed = Signal()

    def __init__(self, user32: Any, app: QCoreApplication | None = None) -> None:
        super().__init__()
        self._user32 = user32
        self._app = app or QCoreApplication.instance()
        self._filter: _HotKeyFilter | None = None

    def start(self) -> str | None:
        if not self._user32.RegisterHotKey(
            None, HOTKEY_ID, MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, VK_H
        ):
            return _(TAKEN).format(shortcut=SHORTCUT_TEXT)  # ERROR_HOTKEY_ALREADY_REGISTERED
        self._filter = _HotKeyFilter(self.pressed.emit)
        if self._app is not None:
            self._app.installNativeEventFilter(self._filter)
        return None

    def stop(self) -> None:
        if self._filter is not None:
            self._user32.UnregisterHotKey(None, HOTKEY_ID)
            if self._app is not None:
                self._app.removeNativeEventFilter(self._filter)
            self._filter = None


def shortcut_for(
    platform: str = sys.platform, environ: Mapping[str, str] | None = None, qt_platform: str = ""
) -> X11Shortcut | WindowsShortcut | PortalShortcut | None:
    """This desktop's way to listen for the shortcut, or None where there is none.

    A Wayland session gets the portal even when Companion runs on XWayland: an X11 grab there
    hears the key only while another XWayland window has the focus.
    """
    environ = os.environ if environ is None else environ
    if platform == "win32":
        return WindowsShortcut(ctypes.windll.user32)  # type: ignore[attr-defined]
    if not platform.startswith("linux"):
        return None
    if qt_platform.startswith("wayland") or environ.get("XDG_SESSION_TYPE") == "wayland":
        from companion.system.portal_shortcut import PortalShortcut

        return PortalShortcut()
    if qt_platform == "xcb" and environ.get("DISPLAY"):
        return X11Shortcut(environ["DISPLAY"])
    return None

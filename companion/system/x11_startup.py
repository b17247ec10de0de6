"""An X11 window told which launch it answers: the _NET_STARTUP_ID property.

The startup-notification specification lets a window name the startup id its launch got; the
window manager then treats it as that launch's window, with the launcher's timestamp for focus
stealing prevention (mutter reads the property on a mapped window too and activates it,
``reload_net_startup_id`` in src/x11/window-props.c). GTK does the same for a second instance
(``gtk_window_set_startup_id``). Qt has no public way to do it after start-up, so this sets the
property with Xlib through ctypes on a short connection of its own: it happens once per command
from another launch, never on a timer.
"""

from __future__ import annotations

import ctypes
import logging
import os
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

_PROP_MODE_REPLACE = 0
_FORMAT_8_BITS = 8


def set_startup_id(
    window_id: int,
    startup_id: str,
    environ: Mapping[str, str] = os.environ,
    find_library: Callable[[str], str | None] | None = None,
) -> bool:
    """Write ``startup_id`` as ``window_id``'s _NET_STARTUP_ID; False when X can't be reached."""
    display_name = environ.get("DISPLAY")
    if find_library is None:
        import ctypes.util  # with subprocess behind it: 2.2 MB the idle tray does without

        find_library = ctypes.util.find_library
    path = find_library("X11")
    if not display_name or path is None:
        return False
    try:
        xlib = ctypes.CDLL(path)
    except OSError as error:
        log.info("startup id not set: %s", error)
        return False
    _declare(xlib)
    display = xlib.XOpenDisplay(display_name.encode())
    if not display:
        return False
    try:
        name = xlib.XInternAtom(display, b"_NET_STARTUP_ID", False)
        utf8 = xlib.XInternAtom(display, b"UTF8_STRING", False)
        data = startup_id.encode("utf-8")
        xlib.XChangeProperty(
            display, window_id, name, utf8, _FORMAT_8_BITS, _PROP_MODE_REPLACE, data, len(data)
        )
        xlib.XFlush(display)
    finally:
        xlib.XCloseDisplay(display)
    return True


def _declare(xlib: ctypes.CDLL) -> None:
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XChangeProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_int,
        ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
    ]  # fmt: skip
    xlib.XFlush.argtypes = [ctypes.c_void_p]

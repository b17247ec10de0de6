"""Keeps a private window out of screenshots, recordings and screen sharing, where the OS can.

- Windows 10 version 2004 (build 19041) and later: ``SetWindowDisplayAffinity`` with
  ``WDA_EXCLUDEFROMCAPTURE`` leaves the window out of captures. Older Windows treat that value
  as ``WDA_MONITOR``: the window is captured as a black box. Microsoft's own words are that
  this is "not a security feature" and comes with "no guarantee" (a camera pointed at the
  screen, for one); our sentences say "hidden from screen sharing", never "protected".
  https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-setwindowdisplayaffinity
- macOS: ``NSWindow.sharingType = NSWindowSharingNone`` is set, but Apple calls it a legacy
  value that macOS no longer honours for ScreenCaptureKit (macOS 15 and later ignore it), so
  nothing is promised there.
- Linux: X11 and Wayland offer an application no such request; nothing is promised.

The Windows and macOS calls can't run on the Linux machine the tests run on; the tests drive
them through fakes of the documented calls (tests/unit/system/test_capture_exclusion.py).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from enum import Enum
from typing import Any

log = logging.getLogger(__name__)

WDA_MONITOR = 0x01
WDA_EXCLUDEFROMCAPTURE = 0x11
#: The first Windows 10 build that leaves the window out instead of blacking it out (2004).
FIRST_EXCLUDING_BUILD = 19041
NS_WINDOW_SHARING_NONE = 0


class Capture(Enum):
    """What screen sharing and screenshots show of a private window on this computer."""

    #: Left out of captures and screen sharing (Windows 10 2004 and later).
    HIDDEN = "hidden"
    #: Captured as a black box (older Windows).
    BLACKED_OUT = "blacked out"
    #: Asked, but the OS may ignore it (macOS).
    ASKED = "asked"
    #: Shown like any other window (Linux, or the call failed).
    SHOWN = "shown"


def what_captures_show(platform: str = sys.platform, windows_build: int | None = None) -> Capture:
    """What this computer promises for private windows, for the sentence in Settings."""
    if platform == "win32":
        build = _windows_build() if windows_build is None else windows_build
        return Capture.HIDDEN if build >= FIRST_EXCLUDING_BUILD else Capture.BLACKED_OUT
    if platform == "darwin":
        return Capture.ASKED
    return Capture.SHOWN


def exclude_from_capture(
    window_id: int,
    platform: str = sys.platform,
    *,
    set_affinity: Callable[[int, int], bool] | None = None,
    set_sharing_none: Callable[[int], bool] | None = None,
    windows_build: int | None = None,
) -> Capture:
    """Ask the OS to leave the top-level window ``window_id`` (``QWidget.winId()``: an HWND
    on Windows, an NSView on macOS) out of captures; what captures will show of it now."""
    if platform == "win32":
        call = set_affinity or _windows_set_affinity()
        if not call(window_id, WDA_EXCLUDEFROMCAPTURE):
            log.info("the window could not be hidden from screen capture")
            return Capture.SHOWN
        return what_captures_show(platform, windows_build)
    if platform == "darwin":
        call_mac = set_sharing_none or _mac_set_sharing_none()
        return Capture.ASKED if call_mac(window_id) else Capture.SHOWN
    return Capture.SHOWN


def _windows_build() -> int:
    version: Any = getattr(sys, "getwindowsversion", None)
    return int(version().build) if version is not None else 0


def _windows_set_affinity() -> Callable[[int, int], bool]:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
    function = user32.SetWindowDisplayAffinity
    function.argtypes = (wintypes.HWND, wintypes.DWORD)
    function.restype = wintypes.BOOL

    def call(window_id: int, affinity: int) -> bool:
        return bool(function(wintypes.HWND(window_id), affinity))

    return call


def _mac_set_sharing_none() -> Callable[[int], bool]:  # pragma: no cover - macOS only
    import ctypes
    import ctypes.util

    objc = ctypes.CDLL(ctypes.util.find_library("objc"))
    objc.sel_registerName.restype = ctypes.c_void_p
    objc.sel_registerName.argtypes = (ctypes.c_char_p,)
    address = ctypes.cast(objc.objc_msgSend, ctypes.c_void_p).value
    if address is None:
        return lambda window_id: False
    # objc_msgSend must be called through the exact prototype of each message on arm64.
    get_window = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(address)
    set_sharing = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong)(address)

    def call(window_id: int) -> bool:
        window = get_window(window_id, objc.sel_registerName(b"window"))
        if not window:
            return False
        set_sharing(window, objc.sel_registerName(b"setSharingType:"), NS_WINDOW_SHARING_NONE)
        return True

    return call

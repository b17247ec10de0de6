"""Tells, before Qt starts, whether there is a screen to show windows on, and which kind."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from companion.core.i18n import N_, _

# Marked with N_ and translated where returned, as every sentence constant in system/: some
# of these modules load before the language is installed (companion.system.language).
NO_DISPLAY_MESSAGE = N_(
    "Companion needs a graphical desktop and none was found (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set); to try it without one, run it under a virtual screen: "
    "xvfb-run -a make run"
)
NO_COMPOSITOR_MESSAGE = N_(
    "Companion needs a graphical desktop, but WAYLAND_DISPLAY names a Wayland desktop that "
    "is not running ({socket} is missing) and there is no X display either. Log in to a "
    "desktop session, or try it on a virtual screen: xvfb-run -a make run"
)
NO_X_SERVER_MESSAGE = N_(
    "Companion needs a graphical desktop, but the X display {display} is not running "
    "({socket} is missing). Log in to a desktop session, or try it on a virtual screen: "
    "xvfb-run -a make run"
)
_LOCAL_X = re.compile(r"^(?:unix)?:(\d+)(?:\.\d+)?$")
Exists = Callable[[Path], bool]


def display_problem(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    exists: Exists = Path.exists,
) -> str | None:
    """A one-sentence explanation when Qt would abort for lack of a display, else None.

    Qt's own failure is a cryptic "could not connect to display" followed by an abort, so
    the CLI asks first: a WAYLAND_DISPLAY left over with no compositor behind it, or a local
    DISPLAY with no X server, is caught here. Windows and macOS always have a display.
    """
    env = os.environ if env is None else env
    if not platform.startswith("linux") and not platform.startswith("freebsd"):
        return None
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return None
    wayland, display = env.get("WAYLAND_DISPLAY"), env.get("DISPLAY")
    if not wayland and not display:
        return _(NO_DISPLAY_MESSAGE)
    if wayland and _wayland_alive(env, exists):
        return None
    if display:
        socket = _x_socket(display)
        if socket is not None and not exists(socket):
            return _(NO_X_SERVER_MESSAGE).format(display=display, socket=socket)
        return None
    return _(NO_COMPOSITOR_MESSAGE).format(socket=_wayland_socket(env))


def platform_override(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    exists: Exists = Path.exists,
) -> str | None:
    """ "xcb" when WAYLAND_DISPLAY points at nothing but an X display is there, so Qt does not
    try (and abort on) the dead Wayland socket first; None to let Qt choose."""
    env = os.environ if env is None else env
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("WAYLAND_DISPLAY") and env.get("DISPLAY") and not _wayland_alive(env, exists):
        return "xcb"
    return None


def _wayland_socket(env: Mapping[str, str]) -> Path:
    name = Path(env.get("WAYLAND_DISPLAY", "wayland-0"))
    if name.is_absolute():
        return name
    return Path(env.get("XDG_RUNTIME_DIR", "/run/user/unknown")) / name


def _wayland_alive(env: Mapping[str, str], exists: Exists) -> bool:
    return exists(_wayland_socket(env))


def _x_socket(display: str) -> Path | None:
    """The local X server's socket for ":1" or "unix:1"; None for remote ones (ssh -X)."""
    match = _LOCAL_X.match(display)
    return None if match is None else Path(f"/tmp/.X11-unix/X{match.group(1)}")

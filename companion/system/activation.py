"""A launcher's leave to take the focus, handed on to the desktop as a fresh launch would get it.

Wayland compositors give a window the focus only with an xdg-activation token that a launcher
made from the agent's own input (a key in a softphone, a click on the tray icon); X11 window
managers use the startup id's timestamp the same way. A command sent by a second launch
carries its own process's tokens (``Command.activation_token``, ``Command.startup_id``). While
the running app handles it, :func:`launched_with` puts them in this process's environment,
where Qt looks: its Wayland plugin reads XDG_ACTIVATION_TOKEN when a window asks to be
activated and then unsets it (``QWaylandXdgSurface::requestActivate`` in the xdg-shell
integration, qwaylandxdgshell.cpp; PySide6 6.11.3's libxdg-shell.so names the variable), and
Qt's tray sets it when the panel provides one (``ProvideXdgActivationToken``). X11 has no such
hook in Qt after start-up: ``companion.ui.shell.window_activation`` writes the startup id on the
window itself (see ``companion.system.x11_startup``).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from companion.core.commands import ACTIVATION_TOKEN_VARIABLE, STARTUP_ID_VARIABLE, Command

__all__ = [
    "ACTIVATION_TOKEN_VARIABLE",
    "STARTUP_ID_VARIABLE",
    "Environment",
    "ProcessEnvironment",
    "forget_launch_tokens",
    "has_activation_token",
    "launched_with",
    "take_startup_id",
]

#: Qt's platform names (QGuiApplication.platformName()) for the two Linux desktops.
WAYLAND = "wayland"
X11 = "xcb"


class Environment(Protocol):
    """The few mapping operations used here; a dict stands in for the process in tests."""

    def get(self, key: str, default: None = None, /) -> str | None: ...

    def __setitem__(self, key: str, value: str, /) -> None: ...

    def pop(self, key: str, default: None = None, /) -> str | None: ...


class ProcessEnvironment:
    """The C library's environment, the one Qt reads and writes.

    ``os.environ`` is Python's copy, taken at start-up: it does not see what Qt puts there
    (the tray's ``qputenv`` of the panel's token) nor what Qt removes once it used a token.
    Writes go through ``os.environ`` (which calls putenv), removals through unsetenv too.
    """

    def get(self, key: str, default: None = None, /) -> str | None:
        if sys.platform == "win32":
            return os.environ.get(key)
        libc = ctypes.CDLL(None)
        libc.getenv.restype = ctypes.c_char_p
        libc.getenv.argtypes = [ctypes.c_char_p]
        raw: bytes | None = libc.getenv(key.encode())
        return None if raw is None else raw.decode("utf-8", errors="replace")

    def __setitem__(self, key: str, value: str, /) -> None:
        os.environ[key] = value

    def pop(self, key: str, default: None = None, /) -> str | None:
        value = self.get(key)
        os.environ.pop(key, None)
        if hasattr(os, "unsetenv"):
            os.unsetenv(key)
        return value


PROCESS_ENVIRONMENT = ProcessEnvironment()


@contextmanager
def launched_with(
    command: Command, platform_name: str, environ: Environment = PROCESS_ENVIRONMENT
) -> Iterator[None]:
    """While the block runs, the environment holds ``command``'s token and nothing older.

    On Wayland the token is the activation token, or the startup id: GLib before 2.76 (Debian
    12's 2.74) passes a Wayland launcher's token only as DESKTOP_STARTUP_ID. On X11 it is the
    startup id. A token nobody used (the command opened no window) is dropped at the end, so
    no later window, and no program Companion starts, gets a stale one.
    """
    forget_launch_tokens(environ)
    if platform_name == WAYLAND:
        token = command.activation_token or command.startup_id
        if token:
            environ[ACTIVATION_TOKEN_VARIABLE] = token
    elif platform_name == X11 and command.startup_id:
        environ[STARTUP_ID_VARIABLE] = command.startup_id
    try:
        yield
    finally:
        forget_launch_tokens(environ)


def forget_launch_tokens(environ: Environment = PROCESS_ENVIRONMENT) -> None:
    """Drop this process's launch tokens: the first command carries them (see cli.main)."""
    environ.pop(ACTIVATION_TOKEN_VARIABLE, None)
    environ.pop(STARTUP_ID_VARIABLE, None)


def has_activation_token(environ: Environment = PROCESS_ENVIRONMENT) -> bool:
    """Whether Qt's Wayland plugin will find a token when a window next asks for the focus."""
    return bool(environ.get(ACTIVATION_TOKEN_VARIABLE))


def take_startup_id(environ: Environment = PROCESS_ENVIRONMENT) -> str | None:
    """The X11 startup id waiting for the next window, used once."""
    return environ.pop(STARTUP_ID_VARIABLE, None) or None

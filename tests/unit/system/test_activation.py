"""A forwarded command's token is this process's while it is handled, and nobody's after."""

from __future__ import annotations

import os

from companion.core.commands import Action, Command
from companion.system.activation import (
    ProcessEnvironment,
    forget_launch_tokens,
    has_activation_token,
    launched_with,
    take_startup_id,
)

TOKEN = "b165cecc-bf6c-4f40-990a-b9d33d22f9b9_TIME0"
STARTUP = "gnome-shell/Companion/23460-1-vm_TIME6545286"


def test_on_wayland_the_token_is_there_while_the_command_runs_and_gone_after() -> None:
    environ = {"XDG_ACTIVATION_TOKEN": "stale_TIME1"}  # the tray's, never used
    with launched_with(Command(Action.TAG, activation_token=TOKEN), "wayland", environ):
        assert environ == {"XDG_ACTIVATION_TOKEN": TOKEN}
        assert has_activation_token(environ)
    assert environ == {}


def test_on_wayland_a_startup_id_serves_as_the_token() -> None:
    """GLib 2.74 (Debian 12) gives a Wayland launcher's token only as DESKTOP_STARTUP_ID."""
    environ: dict[str, str] = {}
    with launched_with(Command(Action.BREAK, startup_id=TOKEN), "wayland", environ):
        assert environ == {"XDG_ACTIVATION_TOKEN": TOKEN}
    assert environ == {}


def test_without_a_token_a_stale_one_does_not_serve() -> None:
    environ = {"XDG_ACTIVATION_TOKEN": "stale_TIME1", "DESKTOP_STARTUP_ID": "old_TIME2"}
    with launched_with(Command(Action.BREAK), "wayland", environ):
        assert not has_activation_token(environ)
    assert environ == {}


def test_on_x11_the_startup_id_waits_for_the_window_and_is_used_once() -> None:
    environ: dict[str, str] = {}
    command = Command(Action.TAG, activation_token=TOKEN, startup_id=STARTUP)
    with launched_with(command, "xcb", environ):
        assert environ == {"DESKTOP_STARTUP_ID": STARTUP}
        assert take_startup_id(environ) == STARTUP
        assert take_startup_id(environ) is None


def test_elsewhere_nothing_is_put_in_the_environment() -> None:
    environ: dict[str, str] = {}
    command = Command(Action.TAG, activation_token=TOKEN, startup_id=STARTUP)
    for platform in ("windows", "cocoa", "offscreen"):
        with launched_with(command, platform, environ):
            assert environ == {}


def test_the_process_environment_is_the_c_librarys_where_qt_looks() -> None:
    """What Qt's qputenv sets (the tray's token) is seen, and a removal reaches the C side."""
    process = ProcessEnvironment()
    os.putenv("XDG_ACTIVATION_TOKEN", "from_qt_TIME3")  # as qputenv: os.environ can't see it
    try:
        assert "XDG_ACTIVATION_TOKEN" not in os.environ
        assert process.get("XDG_ACTIVATION_TOKEN") == "from_qt_TIME3"
        forget_launch_tokens(process)
        assert process.get("XDG_ACTIVATION_TOKEN") is None
        process["DESKTOP_STARTUP_ID"] = STARTUP
        assert process.get("DESKTOP_STARTUP_ID") == STARTUP
    finally:
        forget_launch_tokens(process)
    assert process.get("DESKTOP_STARTUP_ID") is None

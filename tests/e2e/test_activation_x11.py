"""On X11 the launcher's startup id goes on the window a forwarded command opens or raises.

The window manager then treats the window as that launch's, with the launcher's timestamp for
focus stealing prevention (mutter activates a mapped window whose _NET_STARTUP_ID changes).
The test desktop runs no window manager, so what is checked is the property the WM reads.
"""

from __future__ import annotations

import subprocess

from tests.e2e.desktop import APP, Desktop, Spawn
from tests.e2e.test_app import BREAK_TITLE, start_app

FIRST = "xterm-4242-hotkey_TIME81234"
SECOND = "xbindkeys-77-softphone_TIME99871"


def startup_id(desktop: Desktop, window: int) -> str:
    return desktop.run("xprop", "-id", str(window), "_NET_STARTUP_ID").strip()


def tag_launched_with(desktop: Desktop, startup: str) -> None:
    """`companion tag` as a launcher runs it: with DESKTOP_STARTUP_ID in its environment."""
    done = subprocess.run(
        [*APP, "tag"],
        env=desktop.env | {"DESKTOP_STARTUP_ID": startup},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_startup_id_of_each_tag_goes_on_the_break_window(
    desktop: Desktop, spawn: Spawn
) -> None:
    start_app(desktop, spawn)
    tag_launched_with(desktop, FIRST)
    window = desktop.find_window(BREAK_TITLE)
    assert startup_id(desktop, window) == f'_NET_STARTUP_ID(UTF8_STRING) = "{FIRST}"'

    tag_launched_with(desktop, SECOND)  # the window is open: it is raised
    assert desktop.find_window(BREAK_TITLE) == window
    assert startup_id(desktop, window) == f'_NET_STARTUP_ID(UTF8_STRING) = "{SECOND}"'

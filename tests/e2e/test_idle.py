"""Idle time through XScreenSaver on a real X server (Xvfb): it grows, and input resets it."""

from __future__ import annotations

import time

from companion.system.idle import IdleTime
from tests.e2e.desktop import Desktop

#: Long enough that the idle time read after it can't be confused with one read after input.
QUIET_S = 2.0


def test_x11_idle_time_grows_while_nobody_touches_it_and_input_resets_it(
    bare_desktop: Desktop,
) -> None:
    idle = IdleTime("linux", {"DISPLAY": bare_desktop.display})
    try:
        start = idle.seconds()
        assert start is not None and start >= 0
        time.sleep(QUIET_S)
        quiet = idle.seconds()
        assert quiet is not None and quiet >= start + QUIET_S - 0.1  # X counts milliseconds
        bare_desktop.run("xdotool", "mousemove", "100", "100")  # the agent is back
        back = idle.seconds()
        assert back is not None and back < quiet
    finally:
        idle.close()

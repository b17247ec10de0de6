"""Idle time through XScreenSaver on a real X server (Xvfb): it grows, and input resets it."""

from __future__ import annotations

import itertools
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
        time.sleep(QUIET_S)  # nobody touches this display: its idle time must grow this much
        quiet = idle.seconds()
        assert quiet is not None and quiet >= start + QUIET_S - 0.1  # X counts milliseconds
        # The agent is back. Each try moves the pointer somewhere else (a move to where it
        # already is would be no input at all), until the idle time shows it.
        corners = itertools.cycle(["100", "300"])

        def reset() -> bool:
            back = idle.seconds()
            return back is not None and back < quiet

        bare_desktop.until(
            lambda: bare_desktop.run("xdotool", "mousemove", next(corners), "100"),
            reset,
            "the idle time to reset",
        )
    finally:
        idle.close()

"""Tells, before Qt starts, whether there is a screen to show windows on."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY_MESSAGE = (
    "Companion needs a graphical desktop and none was found (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set); to try it without one, run it under a virtual screen: "
    "xvfb-run -a make run"
)


def display_problem(
    env: Mapping[str, str] | None = None, platform: str = sys.platform
) -> str | None:
    """A one-sentence explanation when Qt would abort for lack of a display, else None.

    Qt's own failure is a cryptic "could not connect to display" followed by an abort, so
    the CLI asks first. Windows and macOS always have a display for a logged-in user.
    """
    env = os.environ if env is None else env
    if not platform.startswith("linux") and not platform.startswith("freebsd"):
        return None
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY_MESSAGE

"""Whether the operating system asks apps to reduce motion, where that can be read."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys


def system_prefers_reduced_motion() -> bool:
    """Best effort and quick; unknown means False (animations on, the agent can turn them off).

    Qt 6 does not expose this preference, so each platform's own switch is read:
    GNOME's enable-animations, Windows' client-area animation flag, macOS' reduceMotion.
    ``COMPANION_REDUCED_MOTION=1`` forces it (handy for testing and for kiosks).
    """
    forced = os.environ.get("COMPANION_REDUCED_MOTION")
    if forced is not None:
        return forced.strip().lower() in ("1", "true", "yes", "on")
    if sys.platform == "win32":
        return _windows_animations_off()
    if sys.platform == "darwin":
        return _command_says(["defaults", "read", "com.apple.universalaccess", "reduceMotion"], "1")
    return _command_says(
        ["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"], "false"
    )


def _command_says(command: list[str], expected: str) -> bool:
    if shutil.which(command[0]) is None:
        return False
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1.0, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0 and result.stdout.strip() == expected


def _windows_animations_off() -> bool:  # pragma: no cover - Windows only
    spi_getclientareaanimation = 0x1042
    enabled = ctypes.c_bool(True)
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    ok = windll.user32.SystemParametersInfoW(
        spi_getclientareaanimation, 0, ctypes.byref(enabled), 0
    )
    return bool(ok) and not enabled.value

"""Whether the operating system asks apps to reduce motion, where that can be read."""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QProcess

#: Runs a command and returns its output, or None when it is missing, fails or hangs.
Runner = Callable[[Sequence[str]], str | None]
_TIMEOUT_MS = 1000

GNOME_ANIMATIONS = ("gsettings", "get", "org.gnome.desktop.interface", "enable-animations")
MACOS_REDUCE_MOTION = ("defaults", "read", "com.apple.universalaccess", "reduceMotion")


def run_command(command: Sequence[str]) -> str | None:
    """The command's output when it ran and succeeded within a second; None otherwise.

    Run through Qt's QProcess, which is loaded anyway: the subprocess module would add 1.5 MB
    to the idle tray for this one question at start-up.
    """
    if shutil.which(command[0]) is None:
        return None
    process = QProcess()
    process.start(command[0], list(command[1:]))
    if not process.waitForFinished(_TIMEOUT_MS):  # failed to start, or hangs
        process.kill()
        process.waitForFinished(_TIMEOUT_MS)
        return None
    if process.exitStatus() != QProcess.ExitStatus.NormalExit or process.exitCode() != 0:
        return None
    return bytes(process.readAllStandardOutput().data()).decode(errors="replace")


def system_prefers_reduced_motion(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    run: Runner = run_command,
) -> bool:
    """Best effort and quick; unknown means False (animations on, the agent can turn them off).

    Qt 6 does not expose this preference, so each platform's own switch is read: Windows'
    client-area animation flag, macOS' reduceMotion, and elsewhere GNOME's enable-animations
    or KDE's animation speed set to "instant" (either one asking is enough).
    ``COMPANION_REDUCED_MOTION=1`` forces it (handy for testing and for kiosks).
    """
    env = os.environ if env is None else env
    forced = env.get("COMPANION_REDUCED_MOTION")
    if forced is not None:
        return forced.strip().lower() in ("1", "true", "yes", "on")
    if platform == "win32":
        return _windows_animations_off()
    if platform == "darwin":
        return _answer(run(MACOS_REDUCE_MOTION)) == "1"
    return kde_animations_off(_config_home(env)) or _answer(run(GNOME_ANIMATIONS)) == "false"


def kde_animations_off(config_home: Path) -> bool:
    """KDE's "Animation speed: Instant": ``AnimationDurationFactor=0`` in [KDE] of kdeglobals.

    Read as a file (no process); a missing or unreadable file, or an odd value, means no.
    """
    try:
        text = (config_home / "kdeglobals").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "KDE" and "=" in line:
            key, _, value = line.partition("=")
            if key.strip() == "AnimationDurationFactor":
                try:
                    return float(value.strip()) == 0.0
                except ValueError:
                    return False
    return False


def _config_home(env: Mapping[str, str]) -> Path:
    configured = env.get("XDG_CONFIG_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path(env.get("HOME") or Path.home()) / ".config"


def _answer(output: str | None) -> str | None:
    return None if output is None else output.strip()


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

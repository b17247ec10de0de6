"""The break window's modules load after start-up, not with the tray and not on the first click."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from companion.system.clock import SystemClock
from companion.ui.breathing.break_windows import BreathingWindows
WINDOW = "companion.ui.breathing.breathing_window"
windows = BreathingWindows(SystemClock())
print(WINDOW in sys.modules)
windows.warm()
print(WINDOW in sys.modules)
"""


def test_the_factory_loads_the_window_module_only_when_warmed() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.split() == ["False", "True"]

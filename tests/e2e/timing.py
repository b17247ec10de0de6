"""How long end-to-end waits may take: every deadline is scaled for a slow or loaded machine.

A deadline is a limit, not a delay: waits return as soon as their condition holds, so a
generous factor costs nothing when all is well and saves a flaky failure on a busy 2-core CI
machine. ``COMPANION_TEST_SLOWNESS`` sets the factor (default 3 under CI=true, else 2).
"""

from __future__ import annotations

import os


def slowness() -> float:
    """The factor every end-to-end deadline is multiplied by."""
    chosen = os.environ.get("COMPANION_TEST_SLOWNESS")
    if chosen:
        return max(float(chosen), 1.0)
    return 3.0 if os.environ.get("CI") == "true" else 2.0


def patience(seconds: float) -> float:
    """``seconds`` as a deadline on this machine (never a sleep)."""
    return seconds * slowness()

"""What every app on a test desktop runs with, so no test depends on the wall clock.

A desktop's programs get a clock that starts at ``PINNED_START`` (a Wednesday morning) and then
runs at real speed, hours from any shift's end, from midnight (the day's backup, the tray's new
day) and from a weekend; settings with no reminder at all unless a test writes its own
(``Desktop.write_settings``); no countdown that starts a break by itself while a test's key is
on its way; no IT policy from the machine the tests run on; and a trace of the app's milestones
(``bench/trace.py``) that tells a test when an action has arrived.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import trace
from companion.system.clock import OFFSET_ENV
from companion.system.policy_file import POLICY_FILE_ENV
from companion.ui.breathing.start_countdown import AUTO_START_ENV

#: Local time on the apps' clock when the desktop starts: a working day, inside the default
#: shift (09:00-17:00) and seven hours from its end.
PINNED_START = datetime(2026, 3, 4, 10, 0)
#: No nudge, no end-of-shift reflection, no overdue list: only callbacks a test sets.
PINNED_SETTINGS: Mapping[str, Any] = {"reminders": {"enabled": False}}
#: For tests of reminders: every day, all day (and the clock keeps them far from 23:59).
ALL_DAY_REMINDERS: Mapping[str, Any] = {
    "reminders": {
        "enabled": True,
        "shift_start": "00:00",
        "shift_end": "23:59",
        "working_days": list(range(7)),
        "reflection": False,
        "away_minutes": 30,
    }
}


def pinned_env(root: Path) -> dict[str, str]:
    """The variables that pin a desktop's programs; the clock starts at PINNED_START now."""
    offset = PINNED_START.astimezone() - datetime.now(UTC)
    return {
        OFFSET_ENV: f"{offset.total_seconds():.3f}",
        AUTO_START_ENV: "0",
        POLICY_FILE_ENV: str(root / "no-policy.toml"),  # never there: no policy at all
        **trace.environment(root / "trace.txt"),
    }


def write_settings(data_dir: Path, settings: Mapping[str, Any]) -> Path:
    """``settings`` as the agent's settings file in ``data_dir``, replacing what was there."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "settings.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    return path


def trace_events(path: Path) -> list[str]:
    """The names of the moments the desktop's apps traced so far, oldest first."""
    return [line.event for line in trace.read(path)]

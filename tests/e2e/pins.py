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
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import trace
from companion.core.journal_key import JournalKey
from companion.store import driver
from companion.system.clock import OFFSET_ENV
from companion.system.key_file import key_file_path, read_key_file
from companion.system.paths import DATA_DIR_ENV
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


#: The journal's key in a key file beside the data folder (``<data>-key/journal.key``, made
#: at the first start): a test desktop has no keyring, and the encrypted journal is then what
#: every test drives. The keyring's own way is tested with gnome-keyring on its own bus.
PINNED_PROTECTION: Mapping[str, Any] = {"journal_protection": "key_file"}


def write_settings(data_dir: Path, settings: Mapping[str, Any]) -> Path:
    """``settings`` as the agent's settings file in ``data_dir``, replacing what was there;
    the key file unless ``settings`` say how the journal is kept."""
    settings = {**PINNED_PROTECTION, **settings}
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "settings.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    return path


def read_journal(data_dir: Path, target: Path | None = None) -> sqlite3.Connection:
    """A read-only connection to the journal in ``data_dir`` (or to ``target``, a copy of
    it), keyed with its key file when there is one: what a test reads, never writes."""
    path = target or data_dir / "journal.db"
    return driver.connect(f"{path.absolute().as_uri()}?mode=ro", journal_key(data_dir), uri=True)


def journal_key(data_dir: Path) -> JournalKey | None:
    """The key in the key file of the data folder ``data_dir`` (None: no key file yet)."""
    key_path = key_file_path({DATA_DIR_ENV: str(data_dir)})
    return read_key_file(key_path).key if key_path.exists() else None


def trace_events(path: Path) -> list[str]:
    """The names of the moments the desktop's apps traced so far, oldest first."""
    return [line.event for line in trace.read(path)]

"""A screen reader hears the break: the countdown once, then each step of the breath.

Heard through AT-SPI, as Orca would: the desktop gets an accessibility bus, a listener under
the system Python (tests/e2e/announcement_listener.py) writes down every ``object:announcement``,
and the app runs with Qt's accessibility on. The settings, not the test pin, set the automatic
start (3 s) and turn the step tone on; a stand-in ``paplay`` first on PATH writes down the tones
it is asked to play.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from companion.ui.breathing.start_countdown import AUTO_START_ENV
from tests.e2e.desktop import APP, ChildProcess, Desktop, Spawn
from tests.e2e.pins import PINNED_SETTINGS
from tests.e2e.timing import patience

SYSTEM_PYTHON = "/usr/bin/python3"
LISTENER = Path(__file__).with_name("announcement_listener.py")
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
BREAK_TITLE = "Companion — Breathing break"
A11Y_ADDRESS = (
    "dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
    "org.a11y.Bus.GetAddress",
)  # fmt: skip

Heard = list[dict[str, str]]


def _missing() -> str | None:
    if not Path(BUS_LAUNCHER).exists() or shutil.which("dbus-send") is None:
        return "missing: at-spi2-core (at-spi-bus-launcher) or dbus-send"
    done = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60, check=False
    )
    return "missing: python3-pyatspi for /usr/bin/python3" if done.returncode else None


@pytest.fixture
def listening(desktop: Desktop, tmp_path: Path) -> Path:
    """An accessibility bus on the desktop's session and a listener on it; where it writes."""
    reason = _missing()
    if reason is not None:
        pytest.skip(reason)
    desktop.spawn([BUS_LAUNCHER, "--launch-immediately"], name="at-spi-bus-launcher")

    def bus_up() -> bool:
        done = subprocess.run(A11Y_ADDRESS, env=desktop.env, capture_output=True, check=False)
        return done.returncode == 0

    desktop.wait_for(bus_up, "the accessibility bus", patience(20))
    out = tmp_path / "announcements.jsonl"
    desktop.spawn([SYSTEM_PYTHON, str(LISTENER), str(out)], name="announcement-listener")
    desktop.wait_for(lambda: bool(read(out)), "the listener to listen", patience(30))
    return out


def read(path: Path) -> Heard:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.endswith("}")]  # whole lines only


def stand_in_player(folder: Path) -> Path:
    """``paplay`` that only writes down the file it is given; its log."""
    folder.mkdir()
    log = folder / "played.txt"
    script = folder / "paplay"
    script.write_text(f'#!/bin/sh\necho "$1" >> "{log}"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return log


def start_companion(desktop: Desktop, spawn: Spawn, bin_dir: Path) -> ChildProcess:
    env = {key: value for key, value in desktop.env.items() if key != AUTO_START_ENV}
    env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', os.defpath)}"
    app = spawn(APP, env, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))
    return app


def tones_asked(log: Path, at_least: int) -> list[str] | None:
    lines = log.read_text(encoding="utf-8").split() if log.exists() else []
    return lines if len(lines) >= at_least else None


def said(heard: Heard, text: str) -> list[dict[str, str]]:
    return [event for event in heard if event.get("text", "").startswith(text)]


def test_a_screen_reader_hears_the_countdown_and_each_step(
    desktop: Desktop, spawn: Spawn, listening: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    desktop.write_settings({**PINNED_SETTINGS, "auto_start_seconds": 3, "phase_sound": True})
    tones = stand_in_player(tmp_path / "bin")
    start_companion(desktop, spawn, tmp_path / "bin")
    result = desktop.run_app("break")
    assert result.returncode == 0, result.stderr
    desktop.find_window(BREAK_TITLE)

    # Nobody touches anything: the countdown is said once, and breathing starts by itself.
    [countdown] = desktop.wait_for(
        lambda: said(read(listening), "Starting in 3 s") or None, "the countdown", patience(20)
    )
    assert (countdown["app"], countdown["role"]) == ("Companion", "label")
    first = desktop.wait_for(
        lambda: said(read(listening), "Breathe out") or None, "a breath out", patience(30)
    )
    desktop.screenshot_window(BREAK_TITLE, artifacts_dir / "announcements_break.png")
    heard = read(listening)[1:]  # after {"listening": true}
    assert [event["text"] for event in heard][:3] == [
        "Starting in 3 s",
        "Breathe in, then in again. 1 minute 12 seconds left",
        "Breathe out",
    ]
    assert {(e["app"], e["name"]) for e in heard[1:]} == {("Companion", "Breathing guide")}, first
    assert len(said(heard, "Starting in")) == 1, "the countdown is said once, not each second"
    # The tone of each step, asked of the platform's player: in, in again, out.
    played = desktop.wait_for(lambda: tones_asked(tones, 3), "three tones", patience(20))
    # Each stand-in player writes when it runs; a loaded machine may run two out of order.
    assert sorted(Path(name).name.split("-")[1] for name in played[:3]) == [
        "exhale",
        "inhale",
        "inhale",
    ]
    desktop.key_until("Escape", BREAK_TITLE, lambda: not desktop.search(BREAK_TITLE) or None,
                      "the break to end", every=2.0)  # fmt: skip

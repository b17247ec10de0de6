"""The shortcut from anywhere on Wayland: the XDG desktop portal's GlobalShortcuts (issue #11).

The real xdg-desktop-portal frontend (Debian 12's 1.16, which has GlobalShortcuts version 1)
runs on a private bus with a stand-in *backend* (tests/e2e/fake_shortcuts_backend.py): no
desktop here has a backend (GNOME 43 has none; KDE's needs Plasma's kglobalaccel), so the
stand-in answers as the documented backend interface says, the way a desktop's dialog would
end: bound as asked, bound to another key, or declined. The frontend checks and relays every
call and signal, so Companion's requests are checked by the real thing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from companion.system.global_shortcut import NOT_HERE, SHORTCUT_TEXT
from companion.system.portal_shortcut import BOUND_ELSEWHERE, DECLINED
from tests.e2e.shortcuts_portal import (
    BACKEND,
    DESKTOP,
    FRONTEND,
    SYSTEM_PYTHON,
    missing,
    portal_dir,
)
from tests.e2e.timing import patience

HERE = Path(__file__).parent


def run_probe(tmp_path: Path, behaviour: str | None) -> list[str]:
    """The frontend (with the backend unless ``behaviour`` is None) and the probe, on a bus of
    their own; the probe's lines."""
    backend_out = tmp_path / "backend.out"
    portals = portal_dir(tmp_path, with_backend=behaviour is not None)
    probe_flags = "--backend" if behaviour else ""
    start_backend = (
        f"{SYSTEM_PYTHON} {BACKEND} {behaviour} > {backend_out} 2>&1 &\n"
        f"until grep -q ready {backend_out}; do\n"
        "  kill -0 $! 2>/dev/null || exit 3; sleep 0.05\n"
        "done\n"
        if behaviour
        else ""
    )
    script = (
        start_backend
        + f"XDG_DESKTOP_PORTAL_DIR={portals} XDG_CURRENT_DESKTOP={DESKTOP} {FRONTEND} &\n"
        + f"{sys.executable} {HERE / 'portal_shortcut_probe.py'} 2 {probe_flags}\n"
        + "status=$?; kill $(jobs -p) 2>/dev/null; exit $status\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parents[1])}
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=patience(60),
    )
    log = backend_out.read_text() if backend_out.exists() else ""
    assert result.returncode == 0, result.stderr + log
    return result.stdout.splitlines()


@pytest.fixture(autouse=True)
def _needs_the_portal() -> None:
    reason = missing()
    if reason:
        pytest.skip(reason)


def test_bound_as_asked_each_press_tags_and_closing_ends_the_session(tmp_path: Path) -> None:
    lines = run_probe(tmp_path, "accept")
    assert lines == [
        "bound Ctrl+Alt+H",
        "pressed None",
        "pressed token-1",  # the desktop's activation token, where Qt looks for it
        "note None",
        "sessions (uint32 0,)",
    ]


def test_bound_to_another_key_settings_names_it(tmp_path: Path) -> None:
    lines = run_probe(tmp_path, "other")
    assert lines[:3] == ["bound Super+F9", "pressed None", "pressed token-1"]
    assert lines[3] == "note " + BOUND_ELSEWHERE.format(trigger="Super+F9")


def test_declined_settings_says_so(tmp_path: Path) -> None:
    lines = run_probe(tmp_path, "decline")
    assert lines == ["failed " + DECLINED, "sessions (uint32 0,)"]


def test_a_portal_without_global_shortcuts_says_this_desktop_cant(tmp_path: Path) -> None:
    lines = run_probe(tmp_path, None)
    assert lines == ["failed " + NOT_HERE.format(shortcut=SHORTCUT_TEXT), "sessions -"]

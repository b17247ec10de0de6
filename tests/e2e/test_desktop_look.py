"""The desktop's dark style and high contrast, read from an XDG desktop portal on a private bus.

Companion asks the portal itself (companion/system/desktop_look.py: Qt 6.11's own themes did not
pass the portal's wishes on, except its xdgdesktopportal theme). A stand-in portal answers as
version 2 and version 1 portals do, then says high contrast was switched on.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SYSTEM_PYTHON = "/usr/bin/python3"


def _missing() -> str | None:
    if shutil.which("dbus-run-session") is None:
        return "dbus-run-session is missing (Debian: dbus)"
    check = [SYSTEM_PYTHON, "-c", "import dbus, gi.repository.GLib"]
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(check, capture_output=True).returncode:
        return "the system Python has no dbus or gi (Debian: python3-dbus python3-gi)"
    return None


@pytest.mark.parametrize(
    ("scheme", "version", "first"),
    [(1, "v2", "dark"), (2, "v2", "light"), (0, "v2", "light"), (1, "v1", "dark")],
)
def test_the_look_follows_the_portal(tmp_path: Path, scheme: int, version: str, first: str) -> None:
    missing = _missing()
    if missing:
        pytest.skip(missing)
    ready = tmp_path / "portal.out"
    script = (
        f"{SYSTEM_PYTHON} {HERE / 'fake_portal.py'} {scheme} 0 {version} > {ready} 2>&1 &\n"
        # Wait for the portal's name, asking again until it is there.
        f"until grep -q ready {ready}; do\n"
        f"  kill -0 $! 2>/dev/null || exit 3\n"
        f"  sleep 0.05\n"
        f"done\n"
        f"{sys.executable} {HERE / 'look_probe.py'}\n"
        f"status=$?; kill $!; exit $status\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parents[1])}
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + ready.read_text()
    assert result.stdout.split() == [first, "high_contrast"], result.stderr

"""The real xdg-desktop-portal frontend with the stand-in GlobalShortcuts backend
(fake_shortcuts_backend.py): what the portal shortcut tests need to start them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).parent
SYSTEM_PYTHON = "/usr/bin/python3"
FRONTEND = Path("/usr/libexec/xdg-desktop-portal")
BACKEND = HERE / "fake_shortcuts_backend.py"
BACKEND_NAME = "org.freedesktop.impl.portal.desktop.companiontest"
#: The frontend picks the backend of a portal file whose UseIn names XDG_CURRENT_DESKTOP.
DESKTOP = "companiontest"
PORTAL_FILE = f"""[portal]
DBusName={BACKEND_NAME}
Interfaces=org.freedesktop.impl.portal.GlobalShortcuts;
UseIn={DESKTOP}
"""


def missing() -> str | None:
    if shutil.which("dbus-run-session") is None:
        return "dbus-run-session is missing (Debian: dbus)"
    if not FRONTEND.exists():
        return "xdg-desktop-portal is missing (Debian: xdg-desktop-portal)"
    check = [SYSTEM_PYTHON, "-c", "import dbus, gi.repository.GLib"]
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(check, capture_output=True).returncode:
        return "the system Python has no dbus or gi (Debian: python3-dbus python3-gi)"
    return None


def portal_dir(root: Path, *, with_backend: bool) -> Path:
    """A folder of portal files for XDG_DESKTOP_PORTAL_DIR: the stand-in's, or none at all."""
    folder = root / "portals"
    folder.mkdir()
    if with_backend:
        (folder / "companiontest.portal").write_text(PORTAL_FILE)
    return folder


def press_command(shortcut_id: str, token: str = "") -> list[str]:
    """gdbus asking the stand-in backend to say the shortcut was pressed."""
    return [
        "gdbus", "call", "--session", "--dest", BACKEND_NAME,
        "--object-path", "/org/freedesktop/portal/desktop",
        "--method", "org.companion.Test.Press", shortcut_id, token,
    ]  # fmt: skip

"""Where Companion keeps its files on this computer, in folders only the agent can read.

The folders are the platform's own per-user ones, as Qt's ``QStandardPaths`` reports them
(XDG on Linux, AppData\\Local on Windows, Application Support on macOS), with the layout
platformdirs gave them before (tests/unit/system/test_paths.py checks they agree on Linux). The
rule is written here rather than left to a library's release: an update that moved the folder
would leave the agent's journal behind. platformdirs itself also cost the idle tray 1 MB.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QStandardPaths

APP_NAME = "companion"
#: Points Companion at another data folder: tests and the end-to-end harness use it.
DATA_DIR_ENV = "COMPANION_DATA_DIR"
#: Must match ``companion.store.database.DATABASE_FILENAME`` (a test checks they agree).
DATABASE_FILENAME = "journal.db"
PRIVATE_DIR_MODE = 0o700


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder holding the journal and settings; ``COMPANION_DATA_DIR`` overrides it."""
    override = _override(env)
    if override is not None:
        return override
    return _generic(QStandardPaths.StandardLocation.GenericDataLocation) / APP_NAME


def log_dir(env: Mapping[str, str] | None = None) -> Path:
    """Logs sit beside the data when it is overridden, so a test run leaves nothing behind."""
    override = _override(env)
    if override is not None:
        return override / "logs"
    if sys.platform == "win32":
        return data_dir(env) / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_NAME
    return _generic(QStandardPaths.StandardLocation.GenericStateLocation) / APP_NAME / "log"


def _generic(location: QStandardPaths.StandardLocation) -> Path:
    """The user's folder of this kind: $XDG_DATA_HOME or ~/.local/share, $XDG_STATE_HOME or
    ~/.local/state on Linux; %LOCALAPPDATA% on Windows; ~/Library/Application Support."""
    return Path(QStandardPaths.writableLocation(location))


def database_path(directory: Path) -> Path:
    return directory / DATABASE_FILENAME


def settings_path(directory: Path) -> Path:
    """The agent's own settings (IT's policy is read apart, see ``policy_file``)."""
    return directory / "settings.json"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable only by this account; tighten it if it exists.

    A journal about hard calls is private: other accounts on a shared computer must not be
    able to list or read it, whatever the umask or an older version left behind.
    """
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    os.chmod(path, PRIVATE_DIR_MODE)
    return path


def instance_dir(data_dir: Path, env: Mapping[str, str] | None = None) -> Path:
    """Where the "Companion is running" lock and socket go: the data folder, private.

    When the data folder can't be used (a read-only drive, a file where it should be, a
    network folder that is not there), a private folder in the per-user runtime folder
    instead, named after the data folder, so Companion still starts (on a temporary journal,
    and says why) and a second launch still finds it. OSError when neither can be used.
    """
    try:
        return ensure_private_dir(data_dir)
    except OSError:
        pass
    import hashlib  # only here: it maps OpenSSL's libcrypto (1 MB) into the idle tray

    env = os.environ if env is None else env
    digest = hashlib.sha256(str(data_dir).encode()).hexdigest()[:12]
    uid = getattr(os, "getuid", lambda: 0)()
    base = Path(env.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
    folder = base / f"companion-{uid}-{digest}"
    folder.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    # In a shared /tmp the name could be someone else's: only our own real folder will do.
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or getattr(info, "st_uid", uid) != uid:
        raise PermissionError(f"{folder} is not this account's folder")
    os.chmod(folder, PRIVATE_DIR_MODE)
    return folder


def _override(env: Mapping[str, str] | None) -> Path | None:
    env = os.environ if env is None else env
    value = env.get(DATA_DIR_ENV, "").strip()
    if not value:
        return None
    return Path(value).expanduser().absolute()

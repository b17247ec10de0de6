"""Where Companion keeps its files on this computer, in folders only the agent can read."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

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
    # appauthor=False: no "companion/companion" nesting on Windows.
    return Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir(env: Mapping[str, str] | None = None) -> Path:
    """Logs sit beside the data when it is overridden, so a test run leaves nothing behind."""
    override = _override(env)
    if override is not None:
        return override / "logs"
    return Path(user_log_dir(APP_NAME, appauthor=False))


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


def _override(env: Mapping[str, str] | None) -> Path | None:
    env = os.environ if env is None else env
    value = env.get(DATA_DIR_ENV, "").strip()
    if not value:
        return None
    return Path(value).expanduser().absolute()

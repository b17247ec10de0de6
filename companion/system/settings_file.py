"""Reads and writes the agent's settings file: JSON, atomic, private, forgiving when broken."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from companion.core.settings import Settings, settings_from_mapping, settings_to_mapping


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Settings from ``path``; a missing file is defaults, a broken one defaults plus a warning."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [f"Your settings file could not be read ({error}); using defaults."]
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return Settings(), ["Your settings file is damaged; Companion is using its defaults."]
    if not isinstance(data, dict):
        return Settings(), ["Your settings file is damaged; Companion is using its defaults."]
    return settings_from_mapping(data)


def save_settings(path: Path, settings: Settings) -> None:
    """Write to a private temp file, fsync, then replace: a crash leaves old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(settings_to_mapping(settings), indent=2, sort_keys=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o600)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise

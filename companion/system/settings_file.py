"""Reads and writes the agent's settings file: JSON, atomic, private, forgiving when broken."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from companion.core.i18n import N_, _
from companion.core.settings import Settings, settings_from_mapping, settings_to_mapping

log = logging.getLogger(__name__)

UNREADABLE = N_("Your settings file could not be read, so Companion is using its defaults.")
DAMAGED = N_("Your settings file is damaged; Companion is using its defaults.")


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Settings from ``path``; a missing file is defaults, a broken one defaults plus a warning."""
    data, warnings = load_settings_mapping(path)
    settings, value_warnings = settings_from_mapping(data)
    return settings, [*warnings, *value_warnings]


def load_settings_mapping(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The file's values as saved, unchecked (admin policy lays them over its own defaults).

    A missing file is no values; an unreadable or broken one is no values and a warning.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}, []  # no file, or no data folder (the journal's message says why)
    except (OSError, UnicodeDecodeError) as error:
        log.warning("settings file unreadable: %s", type(error).__name__)
        return {}, [_(UNREADABLE)]
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return {}, [_(DAMAGED)]
    if not isinstance(data, dict):
        return {}, [_(DAMAGED)]
    return data, []


def save_settings(path: Path, settings: Settings) -> None:
    """Write to a private temp file, fsync, then replace: a crash leaves old or new, never half."""
    save_settings_mapping(path, settings_to_mapping(settings))


def save_settings_mapping(path: Path, data: Mapping[str, Any]) -> None:
    """Like :func:`save_settings`, for part of the settings (``policy.settings_to_save``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, indent=2, sort_keys=True)
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

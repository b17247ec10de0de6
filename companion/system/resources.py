"""Finds files shipped in ``resources/``, from a source checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def resource(name: str) -> Path:
    """The path of a shipped resource; raises FileNotFoundError naming it when it is missing."""
    path = resources_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"Companion's resource {name!r} is missing from {path.parent}")
    return path

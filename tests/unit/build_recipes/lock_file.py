"""Reads requirements-build.txt, the build's lock (uv's requirements format): each pin with its
hashes. For the lock's own test and the package test, which compares the SBOM with it."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[3]
LOCK = ROOT / "requirements-build.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pins(lock: Path = LOCK) -> dict[str, tuple[str, list[str]]]:
    """Each pinned (normalised) name: its version and its hashes."""
    found: dict[str, tuple[str, list[str]]] = {}
    name = ""
    for line in lock.read_text(encoding="utf-8").splitlines():
        pinned = PIN.match(line)
        if pinned:
            name = canonicalize_name(pinned.group(1))
            found[name] = (pinned.group(2), [])
        elif line.strip().startswith("--hash=") and name:
            found[name][1].append(line.strip().removeprefix("--hash=").rstrip(" \\"))
    return found

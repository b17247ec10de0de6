"""What a build should contain of ``resources/``, recorded by build.spec, checked by --self-test.

A frozen build carries ``resources-manifest.json``: the listing of ``resources/`` taken at build
time (name, size, SHA-256), so ``--self-test`` checks the installed files against what the
build was meant to contain, not against a list kept in the code.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from companion.system.resources import resources_dir

MANIFEST_NAME = "resources-manifest.json"
Listing = dict[str, dict[str, object]]


def listing(folder: Path) -> Listing:
    """Every file under ``folder`` by its relative name, with its size and SHA-256."""
    found: Listing = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found[path.relative_to(folder).as_posix()] = {
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    return found


def write_manifest(folder: Path, target: Path) -> Path:
    """For build.spec: record what ``folder`` holds now."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(listing(folder), indent=1, sort_keys=True), encoding="utf-8")
    return target


def expected_resources() -> Listing | None:
    """The manifest when frozen (None when it is missing or unreadable); from a source
    checkout, ``resources/`` itself is what a build would contain."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is None:
        return listing(resources_dir())
    try:
        loaded = json.loads((Path(frozen_root) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded, dict) else None


def resource_problems(expected: Listing, folder: Path) -> list[str]:
    """Each expected file that is missing, or differs from the copy the build recorded."""
    present = listing(folder) if folder.is_dir() else {}
    problems = []
    for name, wanted in sorted(expected.items()):
        found = present.get(name)
        if found is None:
            problems.append(f"{name} is missing")
        elif found != wanted:
            problems.append(f"{name} differs from the build's copy")
    return problems

"""The .deb as a Debian packager checks it: lintian, AppStream, RUNPATHs, and what purge leaves.

Each check returns what it found wrong (empty when all is well), so a test asserts on it and
prints the rest.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.e2e import deb_libraries
from tests.e2e.timing import patience

_PATH_ENTRY = re.compile(r"\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]*)\]")


def lintian(deb: Path) -> tuple[list[str], list[str]]:
    """lintian's errors and warnings (its overrides, shipped in the .deb, applied)."""
    done = subprocess.run(
        ["lintian", "--no-cfg", str(deb)], capture_output=True, text=True, timeout=patience(300)
    )
    lines = done.stdout.splitlines()
    errors = [line for line in lines if line.startswith("E: ")]
    warnings = [line for line in lines if line.startswith("W: ")]
    # Exit status 0 or 2 (tags found); anything else is lintian itself failing.
    assert done.returncode in (0, 2), done.stdout[-2000:] + done.stderr[-2000:]
    return errors, warnings


def appstream_problems(metainfo: Path) -> str:
    """``appstreamcli validate``'s complaint, or "" when it accepts the file."""
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    return "" if done.returncode == 0 else done.stdout + done.stderr


def search_paths(path: Path) -> list[str]:
    """The RUNPATH/RPATH entries ``readelf -d`` shows for one ELF file."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return [entry for found in _PATH_ENTRY.findall(out) for entry in found.split(":") if entry]


def paths_outside(bundle: Path) -> dict[str, list[str]]:
    """Bundled ELF file -> its library search paths that lead outside the bundle."""
    inside = bundle.resolve()
    outside: dict[str, list[str]] = {}
    for path in deb_libraries.elf_files(bundle):
        for entry in search_paths(path):
            target = Path(entry.replace("$ORIGIN", str(path.parent))).resolve()
            if not entry.startswith("$ORIGIN") or not target.is_relative_to(inside):
                outside.setdefault(str(path.relative_to(bundle)), []).append(entry)
    return outside


def owned_paths(package: str) -> list[Path]:
    """What ``dpkg -L`` lists for an installed package: its files, links and folders."""
    done = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True)
    return [Path(line) for line in done.stdout.splitlines() if line.startswith("/")]


def left_behind(paths: list[Path]) -> list[Path]:
    """Those of ``paths`` still there, except folders another installed package owns too."""
    left = []
    for path in paths:
        if not (path.exists() or path.is_symlink()):
            continue
        if path.is_dir() and not path.is_symlink() and deb_libraries.owner(path) is not None:
            continue
        left.append(path)
    return left

"""Builds the packages in the background while the other end-to-end tests run.

The frozen build takes a minute or two of mostly one core; the desktop tests mostly wait on
windows and timers, so overlapping the two keeps `make test` short.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.e2e.timing import patience

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ROOT / "build" / "packages"
LOG = ROOT / "build" / "package-build.log"

_build: subprocess.Popen[bytes] | None = None


def built_packages() -> tuple[list[Path], list[Path]]:
    return sorted(PACKAGES.glob("companion_*.deb")), sorted(PACKAGES.glob("companion-*.tar.gz"))


def _newest_source_change() -> float:
    sources = [*ROOT.joinpath("companion").rglob("*.py"), ROOT / "build.spec", ROOT / "Makefile"]
    sources += [p for p in ROOT.joinpath("packaging").rglob("*") if p.is_file()]
    sources += [p for p in ROOT.joinpath("resources").rglob("*") if p.is_file()]
    return max(p.stat().st_mtime for p in sources)


def is_stale() -> bool:
    debs, tarballs = built_packages()
    return not debs or not tarballs or debs[-1].stat().st_mtime < _newest_source_change()


def start_build() -> None:
    """Start `make package` unless the packages are current or a build is already running."""
    global _build
    if _build is not None or shutil.which("dpkg-deb") is None or not is_stale():
        return
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("wb") as log:
        _build = subprocess.Popen(
            ["make", "package"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )


def wait_for_build(timeout: float | None = None) -> str | None:
    """None when the packages are ready; otherwise the tail of the build log."""
    timeout = patience(900.0) if timeout is None else timeout
    start_build()
    if _build is None:
        return None
    code = _build.wait(timeout=timeout)
    if code == 0:
        return None
    return LOG.read_text(errors="replace")[-4000:]

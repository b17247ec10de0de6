"""The packaged app: build the .deb and tarball, unpack the .deb into a scratch root, run it.

Slow (the frozen build takes about a minute), but it is the only test of what IT installs.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e import package_build
from tests.e2e.desktop import Desktop, Spawn


@pytest.fixture(scope="module")
def packages() -> Iterator[tuple[Path, Path]]:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing: the .deb is built and tested on Debian-based systems")
    failure = package_build.wait_for_build()
    assert failure is None, failure
    debs, tarballs = package_build.built_packages()
    yield debs[-1], tarballs[-1]


def test_deb_declares_what_qt_needs_and_installs_desktop_files(
    packages: tuple[Path, Path],
) -> None:
    deb, tarball = packages
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True)
    for dependency in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1"):
        assert dependency in info.stdout
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True)
    for path in (
        "./opt/companion/companion",
        "./usr/bin/companion -> /opt/companion/companion",
        "./usr/share/applications/companion.desktop",
        "./usr/share/icons/hicolor/scalable/apps/companion.svg",
        "./usr/share/icons/hicolor/32x32/apps/companion.png",
        "./etc/xdg/autostart/companion.desktop",
    ):
        assert path in listing.stdout, path
    with tarfile.open(tarball) as archive:
        assert "opt/companion/companion" in archive.getnames()


def test_installed_app_passes_self_test_shows_its_tray_icon_and_quits(
    packages: tuple[Path, Path], desktop: Desktop, spawn: Spawn, tmp_path: Path
) -> None:
    deb, _ = packages
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    binary = root / "opt" / "companion" / "companion"
    check = subprocess.run(
        [str(binary), "--self-test"], env=desktop.env, capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stdout + check.stderr
    app = spawn([str(binary)], desktop=desktop, name="installed-companion")
    icon = desktop.wait_tray_icon(timeout=30)
    assert icon.geometry.width > 1
    desktop.unwatch(app)
    quit_run = subprocess.run(
        [str(binary), "quit"], env=desktop.env, capture_output=True, text=True, timeout=30
    )
    assert quit_run.returncode == 0, quit_run.stderr
    assert app.wait_exit(10) == 0, app.describe()

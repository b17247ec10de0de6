"""The packaged app: build the .deb and tarball, check the .deb as Debian does, install it, run it.

As root in CI (``CI=true``, uid 0, apt-get present) the .deb is installed for real with
apt-get, so its Depends and postinst run, and purged afterwards, leaving nothing of it behind;
elsewhere it is unpacked into a scratch root. Slow (the frozen build takes a minute or two), but
it is the only test of what IT installs.
"""

from __future__ import annotations

import gettext
import json
import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from companion import APP_ID, __version__
from tests.e2e import deb_checks, deb_libraries, package_build
from tests.e2e.desktop import Desktop, Spawn
from tests.e2e.secret_service import run, secret_service
from tests.e2e.timing import patience
from tests.unit.build_recipes.lock_file import pins

AUTOSTART_ENTRY = "/etc/xdg/autostart/companion.desktop"
#: The frozen bundle, relative to the root it is installed in.
BUNDLE = Path("usr/lib/companion")
MAN_PAGE = Path("usr/share/man/man1/companion.1.gz")
#: The tray icon's X11 window: WM_NAME "Companion", WM_CLASS ("companion", "Companion").
TRAY_ICON = "Companion"
APT_ENV = {"DEBIAN_FRONTEND": "noninteractive"}


@pytest.fixture(scope="module")
def packages() -> Iterator[tuple[Path, Path]]:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing: the .deb is built and tested on Debian-based systems")
    failure = package_build.wait_for_build()
    assert failure is None, failure
    debs, tarballs = package_build.built_packages()
    yield debs[-1], tarballs[-1]


def installs_for_real() -> bool:
    return (
        os.environ.get("CI") == "true" and os.geteuid() == 0 and shutil.which("apt-get") is not None
    )


@pytest.fixture(scope="module")
def installed(
    packages: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """The root the .deb is installed in: / on this machine (root in CI), else a scratch root.

    Installed once for the tests that run it; installed for real, it is purged afterwards, and
    nothing ``dpkg -L`` listed may be left.
    """
    deb, _ = packages
    if not installs_for_real():
        root = tmp_path_factory.mktemp("installed") / "root"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        yield root
        return
    apt(["install", "-y", str(deb)])
    owned = deb_checks.owned_paths("companion")
    try:
        yield Path("/")
    finally:
        apt(["purge", "-y", "companion"])
    assert Path("/usr/lib/companion/companion") in owned and Path(AUTOSTART_ENTRY) in owned
    assert deb_checks.left_behind(owned) == []
    assert not list(Path("/var/lib/dpkg/info").glob("companion.*"))


def apt(args: list[str]) -> None:
    done = subprocess.run(
        ["apt-get", *args],
        env=os.environ | APT_ENV,
        capture_output=True,
        text=True,
        timeout=patience(600),
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


#: The .deb's ceiling (issue #13): Babel's locale data alone was 6 MB of it, compressed, before
#: it was trimmed to the languages Companion speaks (build.spec).
DEB_CEILING = 40_000_000


def test_the_deb_stays_within_its_size(packages: tuple[Path, Path]) -> None:
    deb, _ = packages
    assert deb.stat().st_size <= DEB_CEILING, f"{deb.name}: {deb.stat().st_size:,} bytes"


def test_deb_declares_what_qt_needs_and_installs_desktop_files(
    packages: tuple[Path, Path],
) -> None:
    deb, tarball = packages
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True)
    for dependency in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1"):
        assert dependency in info.stdout
    conffiles = subprocess.run(
        ["dpkg-deb", "--info", str(deb), "conffiles"], capture_output=True, text=True
    )
    assert conffiles.stdout.split() == [AUTOSTART_ENTRY]
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True)
    for path in (
        "./usr/lib/companion/companion",
        "./usr/bin/companion -> ../lib/companion/companion",
        f"./usr/share/applications/{APP_ID}.desktop",
        f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"./usr/share/icons/hicolor/32x32/apps/{APP_ID}.png",
        f"./{MAN_PAGE}",
        "./usr/share/doc/companion/copyright",
        "./usr/share/doc/companion/changelog.gz",
        "./usr/share/lintian/overrides/companion",
        f".{AUTOSTART_ENTRY}",
    ):
        assert path in listing.stdout, path
    assert "./opt/" not in listing.stdout
    control = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True)
    assert " md5sums" in control.stdout
    with tarfile.open(tarball) as archive:
        assert "usr/lib/companion/companion" in archive.getnames()


#: What the SBOM must name, at the version the lock pins: the app's own requirements and what
#: they bring that IT reviews most (Qt's binding, SQLCipher).
KEY_COMPONENTS = ("pyside6-essentials", "shiboken6", "sqlcipher3", "sqlite-utils", "keyring")


def sbom_of(package: Path) -> dict[str, object]:
    sbom = package.with_name(package.name + ".cdx.json")
    assert sbom.is_file(), f"no SBOM beside {package.name}"
    loaded = json.loads(sbom.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_each_package_has_an_sbom_naming_the_bundled_components_at_their_locked_versions(
    packages: tuple[Path, Path],
) -> None:
    locked = pins()
    for package in packages:
        bom = sbom_of(package)
        assert (bom["bomFormat"], bom["specVersion"]) == ("CycloneDX", "1.6")
        components = bom["components"]
        assert isinstance(components, list)
        found = {canonicalize_name(c["name"]): c["version"] for c in components}
        for name in KEY_COMPONENTS:
            assert found.get(name) == locked[name][0], name
        assert found["cpython"].startswith("3.")
        assert "pyinstaller-hooks-contrib" not in found  # build tools that ship nothing
        app = bom["metadata"]["component"]  # type: ignore[index]
        assert (app["name"], app["version"]) == ("companion", __version__)


def test_the_installed_app_names_its_version_and_the_commit_it_was_built_from(
    packages: tuple[Path, Path], installed: Path
) -> None:
    shown = subprocess.run(
        [str(installed / "usr" / "bin" / "companion"), "--version"],
        capture_output=True,
        text=True,
        timeout=patience(30),
    )
    assert shown.returncode == 0, shown.stderr
    match = re.fullmatch(r"Companion (\S+) \(commit ([0-9a-f]{12}(-dirty)?)\)\n", shown.stdout)
    assert match is not None, shown.stdout
    assert match.group(1) == __version__
    properties = sbom_of(packages[0])["metadata"]["component"]["properties"]  # type: ignore[index]
    assert {"name": "companion:git-commit", "value": match.group(2)} in properties


def test_lintian_finds_no_error(packages: tuple[Path, Path]) -> None:
    if shutil.which("lintian") is None:
        pytest.skip("lintian is missing (tests/e2e/install_desktop_tools.sh installs it)")
    errors, warnings = deb_checks.lintian(packages[0])
    print(f"lintian: {len(errors)} errors, {len(warnings)} warnings", *warnings, sep="\n")
    assert errors == []


def test_appstream_accepts_the_metainfo_and_no_library_path_leaves_the_bundle(
    packages: tuple[Path, Path], tmp_path: Path
) -> None:
    if shutil.which("appstreamcli") is None or shutil.which("readelf") is None:
        pytest.skip("appstreamcli (appstream) or readelf (binutils) is missing")
    subprocess.run(["dpkg-deb", "-x", str(packages[0]), str(tmp_path)], check=True)
    metainfo = tmp_path / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert deb_checks.appstream_problems(metainfo) == ""
    bundle = tmp_path / BUNDLE
    assert deb_checks.paths_outside(bundle) == {}
    assert any(deb_checks.search_paths(path) for path in deb_libraries.elf_files(bundle))


#: What a native Wayland window needs from Qt: the platform plugin and the xdg-shell
#: integration, which also carries xdg-activation (the focus a launcher's token grants).
WAYLAND_PLUGINS = (
    "plugins/platforms/libqwayland",
    "plugins/wayland-shell-integration/libxdg-shell",
)


def test_the_bundle_keeps_qts_wayland_client(packages: tuple[Path, Path]) -> None:
    _, tarball = packages
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
    for plugin in WAYLAND_PLUGINS:
        assert any(plugin in name for name in names), plugin


def test_deb_depends_on_every_system_library_the_bundle_loads(
    packages: tuple[Path, Path], tmp_path: Path
) -> None:
    if shutil.which("readelf") is None or shutil.which("objdump") is None:
        pytest.skip("readelf/objdump (binutils) are missing")
    deb, _ = packages
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    field = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Depends"], capture_output=True, text=True
    ).stdout
    provided = deb_libraries.closure(deb_libraries.dependency_names(field))
    uncovered = {}
    for soname, users in deb_libraries.system_libraries(tmp_path / BUNDLE).items():
        path = deb_libraries.resolve(soname)
        package = deb_libraries.owner(path) if path is not None else None
        if package not in provided:
            uncovered[soname] = (package, sorted(users)[:3])
    assert not uncovered, f"libraries no Depends provides: {uncovered}"
    libc = re.search(r"libc6 \(>= ([\d.]+)\)", field)
    assert libc is not None, field
    declared = tuple(int(n) for n in libc.group(1).split("."))
    assert deb_libraries.newest_glibc(tmp_path / BUNDLE) <= declared


def test_installed_app_passes_self_test_shows_its_tray_icon_and_quits(
    installed: Path, desktop: Desktop, spawn: Spawn, tmp_path: Path
) -> None:
    binary = installed / "usr" / "bin" / "companion"
    report = tmp_path / "self-test.txt"
    check = subprocess.run(
        [str(binary), "--self-test", "--report", str(report)],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=patience(60),
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert report.read_text(encoding="utf-8") == check.stdout
    assert "(frozen build)" in check.stdout and "ok   resources: all " in check.stdout

    app = spawn([str(binary), "--background"], desktop=desktop, name="installed-companion")
    icon = desktop.wait_tray_icon(TRAY_ICON, timeout=patience(30))
    assert icon.wm_class == ("companion", "Companion") and icon.geometry.width > 1
    again = subprocess.run(
        [str(binary), "--background"],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=patience(30),
    )
    assert again.returncode == 0 and again.stderr == "", again.stderr  # a login start beside it
    assert len(desktop.tray_icons(TRAY_ICON)) == 1
    desktop.unwatch(app)
    quit_run = subprocess.run(
        [str(binary), "quit"], env=desktop.env, capture_output=True, text=True, timeout=patience(30)
    )
    assert quit_run.returncode == 0, quit_run.stderr
    assert app.wait_exit() == 0, app.describe()


def test_the_installed_app_keeps_its_journal_key_in_the_secret_service(
    installed: Path, tmp_path: Path
) -> None:
    """keyring, its Secret Service backend and their metadata made it into the frozen build."""
    account = str(tmp_path / "data")
    helper = [str(installed / "usr" / "bin" / "companion"), "--key-helper"]
    with secret_service(tmp_path / "session") as env:
        created = run([*helper, "create"], env, stdin=f"{account}\n").split()
        found = run([*helper, "get"], env, stdin=f"{account}\n").split()
        lookup = run(["secret-tool", "lookup", "service", "Companion", "username", account], env)

    assert created[0] == "created" and len(created[1]) == 64, created
    assert found == ["found", created[1]]
    assert lookup.strip() == created[1]


def test_the_man_page_renders_from_the_installed_package(installed: Path) -> None:
    if shutil.which("man") is None:
        pytest.skip("man (man-db) is missing")
    page = installed / MAN_PAGE
    env = os.environ | {"MANWIDTH": "100", "LC_ALL": "C.UTF-8"}
    command = ["man", "companion"] if installed == Path("/") else ["man", "-l", str(page)]
    shown = subprocess.run(command, env=env, capture_output=True, text=True, timeout=patience(30))
    assert shown.returncode == 0, shown.stderr
    for text in ("companion - break-and-recovery companion", "--self-test", "companion tag"):
        assert text in shown.stdout, text


def test_the_installed_app_speaks_spanish_when_asked(
    installed: Path, desktop: Desktop, spawn: Spawn
) -> None:
    """COMPANION_LANGUAGE=es: the settings window's title, read from outside, is the shipped
    Spanish catalog's (compiled into the bundle by `make package`)."""
    from companion.ui.settings.messages import TITLE  # English: the tests speak the source

    catalogs = installed / BUNDLE / "_internal" / "resources" / "locale"
    spanish = gettext.translation("companion", catalogs, languages=["es"]).gettext(TITLE)
    assert spanish != TITLE, "the Spanish catalog translates the settings window's title"
    binary = str(installed / "usr" / "bin" / "companion")
    env = {**desktop.env, "COMPANION_LANGUAGE": "es"}
    app = spawn([binary, "settings"], env, desktop=desktop, name="companion-es")

    desktop.find_window(spanish, timeout=patience(30))

    desktop.unwatch(app)
    quit_run = subprocess.run(
        [binary, "quit"], env=env, capture_output=True, text=True, timeout=patience(30)
    )
    assert quit_run.returncode == 0, quit_run.stderr
    assert app.wait_exit() == 0, app.describe()

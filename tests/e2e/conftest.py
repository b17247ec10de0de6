"""End-to-end fixtures: a fresh X desktop per test and programs driven from outside.

Every test here is marked `e2e` (tests/conftest.py marks by folder). When Xvfb, trayer,
xdotool, xwininfo, import (ImageMagick) or dbus-daemon are missing the desktop fixtures skip, so
the rest of the suite still runs; `make desktop-tools` installs them on Debian.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from tests.e2e import gnome as gnome_shell_module
from tests.e2e import package_build
from tests.e2e.desktop import ChildProcess, Desktop, Spawn, missing_tools
from tests.e2e.gnome import GnomeShell
from tests.e2e.processes import start_process

HERE = Path(__file__).parent
ARTIFACTS = HERE / "artifacts"
# Per test: functions that list the processes it started, read when its report is made.
_PROCESS_SOURCES = pytest.StashKey[list[Callable[[], list[ChildProcess]]]]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The package tests wait for the background build: run them last, when it is done.
    items.sort(key=lambda item: item.path.name == "test_package.py")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the slow package build now, so it runs while the other tests wait on windows."""
    if any(item.path.name == "test_package.py" for item in session.items):
        package_build.start_build()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """On failure, show the logs of every process the test started (desktop services too)."""
    report: pytest.TestReport = yield
    if report.failed:
        for source in item.stash.get(_PROCESS_SOURCES, []):
            for process in source():
                report.sections.append((f"process {process.name}", process.describe()))
    return report


def _skip_without_tools(tray: bool) -> None:
    missing = missing_tools(tray)
    if missing:
        pytest.skip(f"desktop tools missing: {', '.join(missing)} (run `make desktop-tools`)")


def _report_on_failure(
    request: pytest.FixtureRequest, source: Callable[[], list[ChildProcess]]
) -> None:
    """Let a failed test's report show the logs of the processes `source` lists."""
    request.node.stash.setdefault(_PROCESS_SOURCES, []).append(source)


@pytest.fixture
def desktop(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Desktop]:
    """Xvfb 1280x800x24 + private D-Bus session + trayer at the top right."""
    _skip_without_tools(tray=True)
    with Desktop(tmp_path / "desktop") as started:
        _report_on_failure(request, lambda: started.processes)
        yield started


@pytest.fixture
def bare_desktop(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Desktop]:
    """Xvfb + private D-Bus session, and no tray host: for the no-tray fallback."""
    _skip_without_tools(tray=False)
    with Desktop(tmp_path / "bare-desktop", tray=False) as started:
        _report_on_failure(request, lambda: started.processes)
        yield started


@pytest.fixture(scope="module")
def gnome_shell(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GnomeShell]:
    """One headless GNOME Shell for the module (it takes a few seconds to start)."""
    reason = gnome_shell_module.missing()
    if reason is not None:
        pytest.skip(f"GNOME Shell can't run here ({reason}; run `make desktop-tools` as root)")
    with GnomeShell(tmp_path_factory.mktemp("gnome")) as shell:
        yield shell


@pytest.fixture
def gnome(
    gnome_shell: GnomeShell, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[GnomeShell]:
    """The module's GNOME Shell, with a Companion data folder of this test's own and no
    banner up; what the test started is stopped at its end, so the next one finds no window
    of it."""
    data = tmp_path / "companion-data"
    data.mkdir(mode=0o700)
    gnome_shell.env["COMPANION_DATA_DIR"] = str(data)
    _report_on_failure(request, lambda: gnome_shell.processes)
    gnome_shell.let_banners_go()
    yield gnome_shell
    gnome_shell.stop_children()


@pytest.fixture
def artifacts_dir() -> Path:
    """tests/e2e/artifacts/ (git-ignored): screenshots to look at after a run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def spawn(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Spawn]:
    """spawn(cmd, env=None, *, desktop=None, name=None) -> ChildProcess.

    Starts `cmd` in its own process group with stdout/stderr in files under tmp_path and kills
    the group at teardown. With `desktop`, env defaults to desktop.env and the desktop's waits
    fail at once (showing the logs) if the process exits; without it, env defaults to ours.
    """
    started: list[ChildProcess] = []
    _report_on_failure(request, lambda: started)

    def start(
        cmd: Sequence[str],
        env: Mapping[str, str] | None = None,
        *,
        desktop: Desktop | None = None,
        name: str | None = None,
    ) -> ChildProcess:
        if env is None:
            env = desktop.env if desktop is not None else dict(os.environ)
        child = start_process(cmd, env, tmp_path / "logs", name or Path(cmd[0]).name)
        started.append(child)
        if desktop is not None:
            desktop.watch(child)
        return child

    yield start
    for child in reversed(started):
        child.stop()

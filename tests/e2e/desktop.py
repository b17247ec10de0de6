"""A throwaway X desktop for end-to-end tests: Xvfb, a private D-Bus session and a tray host.

    with Desktop(tmp_path) as desktop:
        app = desktop.spawn([sys.executable, "-m", "companion"])
        desktop.click_tray_until(1, lambda: desktop.search("Companion"), "a window")

Everything runs in its own process group and is killed at the end. Programs started on the
desktop get `desktop.env`: a private HOME, XDG directories and COMPANION_DATA_DIR under the
desktop's directory, so nothing touches the real user's files; and the pins of
tests/e2e/pins.py, so nothing an app does depends on the wall clock (no reminder unless a test
writes its own settings). Waiting, keys and windows come from tests/e2e/display.py: every
deadline scales with patience(), and input is sent again while its effect is absent.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from bench import trace
from tests.e2e import pins
from tests.e2e.display import WAIT_TIMEOUT, Display, TimedOut, ToolFailed
from tests.e2e.processes import ChildProcess, DesktopError, start_process
from tests.e2e.session import Session, session_env, start_reporting_process
from tests.e2e.timing import patience
from tests.e2e.x11 import Geometry, TrayIcon, XWindow, embedded_icons, trayer_panels

__all__ = [
    "APP",
    "ChildProcess",
    "Desktop",
    "DesktopError",
    "Geometry",
    "Spawn",
    "TimedOut",
    "ToolFailed",
    "TrayIcon",
    "XWindow",
    "missing_tools",
]

#: Companion from this checkout, as the tests start it.
APP = (sys.executable, "-m", "companion")
SCREEN = "1280x800x24"
XVFB_OPTIONS = ("-nolisten", "tcp", "-noreset")
X_TOOLS = ("Xvfb", "dbus-daemon", "xdotool", "xwininfo", "import")
TRAY_TOOLS = ("trayer",)
# trayer 1.1.8: --tint only shows with --transparent true, so the panel is GTK's default grey.
TRAYER_ARGS = (
    "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32",
    "--transparent", "false", "--tint", "0x333333", "--expand", "true", "--SetDockType", "true",
)  # fmt: skip
#: Base seconds for a service to start (scaled by patience()).
START_TIMEOUT = 10.0
# Qt embeds its icon, then trayer resizes the socket; clicks before that settle can be lost.
TRAY_SETTLE = 0.5
T = TypeVar("T")
# What the `spawn` fixture hands a test: spawn(cmd, env=None, *, desktop=None, name=None).
Spawn = Callable[..., ChildProcess]


def missing_tools(tray: bool = True) -> list[str]:
    """The programs a desktop needs that are not on PATH."""
    tools = X_TOOLS + (TRAY_TOOLS if tray else ())
    return [tool for tool in tools if shutil.which(tool) is None]


class Desktop(Display, Session):
    """Xvfb + private D-Bus session (+ trayer when `tray`), and ways to drive it from outside."""

    def __init__(self, root: Path, *, tray: bool = True) -> None:
        super().__init__()
        self.root = root
        self.tray = tray
        self._services: list[ChildProcess] = []  # Xvfb, dbus-daemon, trayer
        self._children: list[ChildProcess] = []  # programs under test, stopped first
        self._settled: dict[str | None, TrayIcon] = {}  # icons seen holding still, by match

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Start Xvfb, D-Bus and the tray host; each is ready when this returns."""
        try:
            self.env = self._base_env()
            self._start_xvfb()
            self._start_dbus()
            if self.tray:
                self._start_trayer()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Kill the programs under test, then the desktop's own services, newest first."""
        others = [child for child in self._watched if child not in self._children]
        for child in reversed(self._children + others):
            child.stop()
        for service in reversed(self._services):
            service.stop()

    @property
    def processes(self) -> list[ChildProcess]:
        """Every process the desktop started, services first, for failure reports."""
        return self._services + self._children

    def spawn(
        self, cmd: Sequence[str], *, name: str | None = None, watch: bool = True
    ) -> ChildProcess:
        """Start a program on this desktop; while `watch`, waits fail fast if it exits."""
        child = start_process(cmd, self.env, self.root / "logs", name or Path(cmd[0]).name)
        self._children.append(child)
        if watch:
            self.watch(child)
        return child

    def watch(self, child: ChildProcess) -> ChildProcess:
        """Make every wait fail at once, with the child's logs, if `child` exits."""
        self._watched.append(child)
        return child

    def unwatch(self, child: ChildProcess) -> None:
        """Stop watching `child`, for example before asking it to quit."""
        self._watched.remove(child)

    # -- tray ------------------------------------------------------------------------------

    def tray_icons(self, match: str | None = None) -> list[TrayIcon]:
        """Icons embedded in trayer now; `match` filters on the client's name or WM_CLASS."""
        icons = [
            icon
            for icon in embedded_icons(self.windows())
            if match is None or match == icon.name or match in icon.wm_class
        ]
        return [icon for icon in icons if self.is_viewable(icon.window)]

    def wait_tray_icon(
        self,
        match: str | None = None,
        *,
        timeout: float | None = None,
        settle: float = TRAY_SETTLE,
    ) -> TrayIcon:
        """Wait for an embedded icon whose geometry then holds still for `settle` seconds."""
        what = f"a tray icon{f' matching {match!r}' if match else ''}"
        timeout = patience(WAIT_TIMEOUT) if timeout is None else timeout
        deadline = time.monotonic() + timeout

        def first_icon() -> TrayIcon | None:
            return next(iter(self.tray_icons(match)), None)

        icon = self.wait_for(first_icon, what, timeout)
        while True:
            time.sleep(settle)
            again = self.wait_for(first_icon, what, max(deadline - time.monotonic(), 0.0))
            if again == icon:
                self._settled[match] = icon
                return icon
            icon = again

    def tray_panel(self) -> Geometry:
        """trayer's panel rectangle."""
        panels = trayer_panels(self.windows())
        if not panels:
            raise DesktopError(f"No trayer panel on {self.display}.{self._logs()}")
        return panels[0].geometry

    # -- input -----------------------------------------------------------------------------

    def click_tray(self, button: int = 1, match: str | None = None) -> TrayIcon:
        """Click the centre of the tray icon: 1 is Trigger (on press), 2 Middle, 3 Context.

        Two left clicks within Qt's double-click interval (400 ms) give Trigger, DoubleClick.
        """
        now = self.tray_icons(match)
        settled = bool(now) and now[0] == self._settled.get(match)  # seen still: no new wait
        icon = now[0] if settled else self.wait_tray_icon(match)
        self.click(*icon.geometry.center, button=button)
        return icon

    def click_tray_until(
        self,
        button: int,
        probe: Callable[[], T | None],
        what: str,
        *,
        match: str | None = None,
        timeout: float | None = None,
        every: float | None = None,
    ) -> T:
        """Click the tray icon until `probe` sees the click's effect. A left click on Companion's
        icon tags a call: give a probe that sees the tag itself (its row), not only the window
        it opens later, so that a click is repeated only when none arrived."""
        return self.until(lambda: self.click_tray(button, match), probe, what, timeout, every=every)

    # -- what the apps run with ---------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        """COMPANION_DATA_DIR of the programs on this desktop."""
        return Path(self.env["COMPANION_DATA_DIR"])

    def write_settings(self, settings: Mapping[str, object]) -> None:
        """Replace the pinned settings (no reminders) with a test's own, before the app starts."""
        pins.write_settings(self.data_dir, settings)

    def run_app(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Companion's command line (`tag`, `journal`, `quit`) on this desktop, run to its end:
        with the app running, a second launch that hands its words to the first."""
        return subprocess.run(
            [*APP, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=patience(30),
            check=False,
        )

    def trace_events(self) -> list[str]:
        """What the apps on this desktop traced (a tray click arriving, breathing starting)."""
        return pins.trace_events(Path(self.env[trace.ENV]))

    # -- startup ---------------------------------------------------------------------------

    def _base_env(self) -> dict[str, str]:
        env = session_env(self.root) | {"QT_QPA_PLATFORM": "xcb", "NO_AT_BRIDGE": "1"}
        env |= pins.pinned_env(self.root)
        pins.write_settings(self.root / "data", pins.PINNED_SETTINGS)
        return env

    def _start_service(self, cmd: Sequence[str], name: str) -> ChildProcess:
        service = start_process(cmd, self.env, self.root / "logs", name)
        self._services.append(service)
        return service

    def _start_xvfb(self) -> None:
        # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
        # -noreset: no server reset when the last client leaves (bare-X tests run one at a time).
        def cmd(fd: int) -> list[str]:
            return ["Xvfb", "-displayfd", str(fd), "-screen", "0", SCREEN, *XVFB_OPTIONS]

        number = self._start_reporting_service("xvfb", cmd)
        self.display = f":{number}"
        self.env["DISPLAY"] = self.display

    def _start_dbus(self) -> None:
        # A private session bus: no StatusNotifierWatcher on it, so Qt uses XEmbed (trayer).
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_reporting_service(
            "dbus-daemon",
            lambda fd: ["dbus-daemon", "--session", "--nofork", f"--print-address={fd}"],
        )

    def _start_reporting_service(self, name: str, cmd: Callable[[int], list[str]]) -> str:
        """Start a service that writes one line (display, bus address) to a pipe we hand it."""
        service, line = start_reporting_process(
            cmd, self.env, self.root / "logs", name, patience(START_TIMEOUT)
        )
        self._services.append(service)
        return line

    def start_tray_host(self) -> None:
        """Start trayer now, on a desktop made without it: a panel that comes up late."""
        self._start_trayer()

    def _start_trayer(self) -> None:
        trayer = self._start_service(["trayer", *TRAYER_ARGS], "trayer")

        def panel_mapped() -> bool:
            trayer.check_alive()
            panels = trayer_panels(self.windows())
            return bool(panels) and self.is_viewable(panels[0].id)

        self.wait_for(panel_mapped, "trayer's panel to map", patience(START_TIMEOUT))

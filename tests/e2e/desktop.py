"""A throwaway X desktop for end-to-end tests: Xvfb, a private D-Bus session and a tray host.

    with Desktop(tmp_path) as desktop:
        app = desktop.spawn([sys.executable, "-m", "companion"])
        desktop.click_tray(1)
        desktop.find_window("Companion")

Everything runs in its own process group and is killed at the end. Programs started on the
desktop get `desktop.env`: a private HOME, XDG directories and COMPANION_DATA_DIR under the
desktop's directory, so nothing touches the real user's files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from tests.e2e.processes import ChildProcess, DesktopError, read_line_from_fd, start_process
from tests.e2e.x11 import (
    Geometry,
    TrayIcon,
    XWindow,
    embedded_icons,
    parse_tree,
    trayer_panels,
    window_attributes,
)

__all__ = [
    "ChildProcess",
    "Desktop",
    "DesktopError",
    "Geometry",
    "Spawn",
    "TrayIcon",
    "XWindow",
    "missing_tools",
]

SCREEN = "1280x800x24"
XVFB_OPTIONS = ("-nolisten", "tcp", "-noreset")
X_TOOLS = ("Xvfb", "dbus-daemon", "xdotool", "xwininfo", "import")
TRAY_TOOLS = ("trayer",)
# trayer 1.1.8: --tint only shows with --transparent true, so the panel is GTK's default grey.
TRAYER_ARGS = (
    "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32",
    "--transparent", "false", "--tint", "0x333333", "--expand", "true", "--SetDockType", "true",
)  # fmt: skip
START_TIMEOUT = 10.0
POLL_INTERVAL = 0.05
# Qt embeds its icon, then trayer resizes the socket; clicks before that settle can be lost.
TRAY_SETTLE = 0.5
T = TypeVar("T")
# What the `spawn` fixture hands a test: spawn(cmd, env=None, *, desktop=None, name=None).
Spawn = Callable[..., ChildProcess]


def missing_tools(tray: bool = True) -> list[str]:
    """The programs a desktop needs that are not on PATH."""
    tools = X_TOOLS + (TRAY_TOOLS if tray else ())
    return [tool for tool in tools if shutil.which(tool) is None]


class Desktop:
    """Xvfb + private D-Bus session (+ trayer when `tray`), and ways to drive it from outside."""

    def __init__(self, root: Path, *, tray: bool = True) -> None:
        self.root = root
        self.tray = tray
        self.display = ""
        self.env: dict[str, str] = {}
        self._services: list[ChildProcess] = []  # Xvfb, dbus-daemon, trayer
        self._children: list[ChildProcess] = []  # programs under test, stopped first
        self._watched: list[ChildProcess] = []
        self._settled: dict[str | None, TrayIcon] = {}  # icons seen holding still, by match

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Desktop:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

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

    # -- waiting and X tools ---------------------------------------------------------------

    def wait_for(self, probe: Callable[[], T | None], what: str, timeout: float) -> T:
        """Poll `probe` until it returns something other than None (or False)."""
        deadline = time.monotonic() + timeout
        while True:
            for child in self._watched:
                if child.returncode is not None:
                    raise DesktopError(
                        f"{child.name} exited while waiting for {what}.\n{child.describe()}"
                    )
            result = probe()
            if result is not None and result is not False:
                return result
            if time.monotonic() >= deadline:
                raise DesktopError(
                    f"Timed out after {timeout:.1f}s waiting for {what}.{self._logs()}"
                )
            time.sleep(POLL_INTERVAL)

    def run(self, *args: str, check: bool = True, timeout: float = 10.0) -> str:
        """Run an X tool against this display and return its stdout."""
        try:
            done = subprocess.run(
                args, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise DesktopError(f"{' '.join(args)} hung for {timeout:.1f}s{self._logs()}") from None
        if check and done.returncode != 0:
            raise DesktopError(
                f"{' '.join(args)} failed with code {done.returncode}: {done.stderr.strip()}"
            )
        return done.stdout

    def windows(self) -> list[XWindow]:
        """Every window on the display, from `xwininfo -root -tree`."""
        return parse_tree(self.run("xwininfo", "-root", "-tree"))

    def is_viewable(self, window: int) -> bool:
        """Whether the window and all its ancestors are mapped."""
        text = self.run("xwininfo", "-id", str(window), check=False)
        return window_attributes(text).get("Map State") == "IsViewable"

    # -- windows ---------------------------------------------------------------------------

    def search(self, title: str, *, exact: bool = True) -> list[int]:
        """Visible windows whose title is `title` (or matches the regex, when not `exact`)."""
        pattern = f"^{_ere_escape(title)}$" if exact else title
        out = self.run("xdotool", "search", "--onlyvisible", "--name", pattern, check=False)
        return [int(line) for line in out.split()]

    def find_window(self, title: str, *, timeout: float = 10.0, exact: bool = True) -> int:
        """Wait for a visible window with this title; return its X window id."""
        found = self.wait_for(
            lambda: self.search(title, exact=exact) or None, f"window {title!r}", timeout
        )
        return found[0]

    def wait_window_gone(self, title: str, *, timeout: float = 10.0, exact: bool = True) -> None:
        """Wait until no visible window has this title."""
        self.wait_for(lambda: not self.search(title, exact=exact), f"{title!r} to go", timeout)

    def window_geometry(self, window: int) -> Geometry:
        """The window's rectangle in root coordinates."""
        a = window_attributes(self.run("xwininfo", "-id", str(window)))
        keys = ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        return Geometry(*(int(a[key]) for key in keys))

    def popups(self) -> list[XWindow]:
        """Visible override-redirect top-level windows: menus and tooltips."""
        found = []
        for window in self.windows():
            if window.parent is not None or window.geometry.width <= 3:
                continue
            a = window_attributes(self.run("xwininfo", "-id", str(window.id), check=False))
            if a.get("Map State") == "IsViewable" and a.get("Override Redirect State") == "yes":
                found.append(window)
        return found

    def wait_popup(self, *, timeout: float = 5.0) -> XWindow:
        """Wait for a menu or tooltip to show; return the newest."""
        return self.wait_for(lambda: next(reversed(self.popups()), None), "a popup", timeout)

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
        self, match: str | None = None, *, timeout: float = 10.0, settle: float = TRAY_SETTLE
    ) -> TrayIcon:
        """Wait for an embedded icon whose geometry then holds still for `settle` seconds."""
        what = f"a tray icon{f' matching {match!r}' if match else ''}"
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

    def click(self, x: int, y: int, button: int = 1) -> None:
        """Move the pointer to (x, y) on the root window and click."""
        # No --sync: xdotool 3.20160805 hangs on it when the pointer is already at (x, y).
        self.run("xdotool", "mousemove", str(x), str(y), "click", str(button))

    def click_tray(self, button: int = 1, match: str | None = None) -> TrayIcon:
        """Click the centre of the tray icon: 1 is Trigger (on press), 2 Middle, 3 Context.

        Two left clicks within Qt's double-click interval (400 ms) give Trigger, DoubleClick.
        """
        now = self.tray_icons(match)
        settled = bool(now) and now[0] == self._settled.get(match)  # seen still: no new wait
        icon = now[0] if settled else self.wait_tray_icon(match)
        self.click(*icon.geometry.center, button=button)
        return icon

    def focus(self, window: int) -> None:
        """Raise and focus a window. No window manager runs, so windowactivate cannot work."""
        self.run("xdotool", "windowraise", str(window), "windowfocus", "--sync", str(window))

    def key(self, *keysyms: str, window: int | None = None) -> None:
        """Press keys ("Escape", "ctrl+s") into the focused window, focusing `window` first."""
        if window is not None:
            self.focus(window)
        self.run("xdotool", "key", "--delay", "20", *keysyms)

    def type_text(self, text: str, *, window: int | None = None) -> None:
        """Type text (any Unicode) into the focused window, focusing `window` first."""
        if window is not None:
            self.focus(window)
        self.run("xdotool", "type", "--delay", "12", "--", text)

    # -- screenshots -----------------------------------------------------------------------

    def screenshot(self, path: Path, region: Geometry | None = None, scale: int = 1) -> Path:
        """Save the screen (or a region of it, optionally enlarged) as an image."""
        args = ["import", "-silent", "-window", "root"]
        if region is not None:
            args += ["-crop", f"{region.width}x{region.height}+{region.x}+{region.y}", "+repage"]
        if scale != 1:
            args += ["-filter", "point", "-resize", f"{scale * 100}%"]
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run(*args, str(path))
        return path

    def screenshot_window(self, title: str, path: Path) -> Path:
        """Save one window, found by its title, as an image."""
        window = self.find_window(title)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run("import", "-silent", "-window", str(window), str(path))
        return path

    # -- startup ---------------------------------------------------------------------------

    def _base_env(self) -> dict[str, str]:
        dirs = {
            "HOME": "home",
            "XDG_CONFIG_HOME": "home/.config",
            "XDG_DATA_HOME": "home/.local/share",
            "XDG_STATE_HOME": "home/.local/state",
            "XDG_CACHE_HOME": "home/.cache",
            "XDG_RUNTIME_DIR": "run",
            "COMPANION_DATA_DIR": "data",
        }
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
        env |= {"LANG": "C.UTF-8", "QT_QPA_PLATFORM": "xcb", "NO_AT_BRIDGE": "1"}
        for key, relative in dirs.items():
            path = self.root / relative
            path.mkdir(parents=True, exist_ok=True)
            env[key] = str(path)
        (self.root / "run").chmod(0o700)
        return env

    def _start_service(
        self, cmd: Sequence[str], name: str, fds: Sequence[int] = ()
    ) -> ChildProcess:
        service = start_process(cmd, self.env, self.root / "logs", name, pass_fds=fds)
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
        read_fd, write_fd = os.pipe()
        try:
            try:
                service = self._start_service(cmd(write_fd), name, [write_fd])
            finally:
                os.close(write_fd)  # The child has its own copy: EOF now means it died.
            return read_line_from_fd(read_fd, service, START_TIMEOUT)
        finally:
            os.close(read_fd)

    def start_tray_host(self) -> None:
        """Start trayer now, on a desktop made without it: a panel that comes up late."""
        self._start_trayer()

    def _start_trayer(self) -> None:
        trayer = self._start_service(["trayer", *TRAYER_ARGS], "trayer")

        def panel_mapped() -> bool:
            trayer.check_alive()
            panels = trayer_panels(self.windows())
            return bool(panels) and self.is_viewable(panels[0].id)

        self.wait_for(panel_mapped, "trayer's panel to map", START_TIMEOUT)

    def _logs(self) -> str:
        watched = [child.describe() for child in self._watched]
        return "".join(f"\n{text}" for text in watched)


def _ere_escape(text: str) -> str:
    """Escape POSIX extended-regex metacharacters, for xdotool search."""
    return "".join(f"\\{char}" if char in r"\.[]()*+?{}|^$" else char for char in text)

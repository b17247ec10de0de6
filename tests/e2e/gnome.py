"""A real GNOME Shell 43, headless, for end-to-end tests: Wayland, the AppIndicator tray,
GNOME's notification banners, its focus rules and its idle monitor.

    shell = GnomeShell(root); shell.start()
    app = shell.spawn([sys.executable, "-m", "companion"], name="companion")
    shell.wait_for(shell.tray_icon, "Companion's tray icon", patience(20))
    shell.activate_tray()                      # a double click, as the agent gives it
    shell.wait_focus("Companion — Breathing break")
    shell.banners()                            # what GNOME shows as banners right now

The recipe is ../shared/ECOSYSTEM.md's ("A real GNOME Shell, headless"): a private session bus
and a stand-in system bus (without one the shell dies looking for logind), the extension
enabled in dconf before the shell starts, then `gnome-shell --headless --wayland
--virtual-monitor 1280x800`, the overview closed and GNOME's notification service started.
Programs started here get ``shell.env``: WAYLAND_DISPLAY and no QT_QPA_PLATFORM, so Qt runs as
a native Wayland client, and a private HOME and XDG folders. What the shell shows is read from
outside by tests/e2e/gnome_helper.py under the system Python (its accessibility tree, its
Introspect and Screenshot APIs); input comes from Mutter's RemoteDesktop API through the same
helper. Everything runs in its own process group and is killed at the end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from tests.e2e.processes import (
    ChildProcess,
    DesktopError,
    TimedOut,
    describe_all,
    poll,
    start_process,
)
from tests.e2e.session import Session, session_env, start_reporting_process
from tests.e2e.timing import patience
from tests.e2e.x11 import Geometry

HERE = Path(__file__).parent
HELPER = HERE / "gnome_helper.py"
SOFTPHONE = HERE / "softphone.py"
SYSTEM_PYTHON = "/usr/bin/python3"
EXTENSION = "ubuntu-appindicators@ubuntu.com"
EXTENSION_DIR = Path("/usr/share/gnome-shell/extensions") / EXTENSION
SCREEN = (1280, 800)
#: GNOME's top bar, where the tray icon is.
TOP_BAR_HEIGHT = 32
TOOLS = ("gnome-shell", "gdbus", "gsettings", "dbus-daemon", SYSTEM_PYTHON)
POLL_INTERVAL = 0.1
#: What GNOME Shell 43 logs once its start-up animation is over.
STARTED_LINE = "GNOME Shell started at"
#: The notice GNOME Shell posts at every first start without GDM.
LOCK_WARNING = "Screen Lock disabled"
T = TypeVar("T")

#: dconf, before the shell starts: Ubuntu's tray; no hot corner (the pointer is moved from
#: the top-left corner, which would open the overview); no animations (nothing to wait for).
SETTINGS = (
    ("org.gnome.shell", "enabled-extensions", f"['{EXTENSION}']"),
    ("org.gnome.desktop.interface", "enable-hot-corners", "false"),
    ("org.gnome.desktop.interface", "enable-animations", "false"),
)
#: What the system Python must be able to import for the helpers.
HELPER_IMPORTS = (
    "import gi, pyatspi; gi.require_version('Gtk', '4.0'); from gi.repository import Gtk"
)


def missing() -> str | None:
    """Why a GNOME Shell can't run here (a missing program or package), or None."""
    absent = [tool for tool in TOOLS if shutil.which(tool) is None]
    if absent:
        return f"missing: {', '.join(absent)}"
    if not EXTENSION_DIR.is_dir():
        return "missing: gnome-shell-extension-appindicator"
    try:
        done = subprocess.run(
            [SYSTEM_PYTHON, "-c", HELPER_IMPORTS], capture_output=True, timeout=60, check=False
        )
    except subprocess.TimeoutExpired:
        return f"{SYSTEM_PYTHON} took over a minute to import gi and pyatspi"
    if done.returncode != 0:
        return "missing: python3-gi, python3-pyatspi or GTK 4's introspection data"
    return None


@dataclass(frozen=True)
class ShellWindow:
    """A window as GNOME Shell sees it (org.gnome.Shell.Introspect.GetWindows)."""

    title: str
    focused: bool
    wayland: bool
    wm_class: str


@dataclass(frozen=True)
class Label:
    """A text in GNOME Shell's accessibility tree, and where it is on screen."""

    text: str
    role: str
    showing: bool
    #: Inside a notification: a banner, or an entry of the message list.
    notice: bool
    geometry: Geometry


class GnomeShell(Session):
    """The shell and its buses; one per test module, the tests' programs one per test."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env: dict[str, str] = {}
        self.startup_seconds = 0.0
        self._services: list[ChildProcess] = []
        self._children: list[ChildProcess] = []
        self._input: subprocess.Popen[str] | None = None
        self._input_out = root / "logs" / "input.stdout"
        self._input_count = 0
        self._softphone: ChildProcess | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Buses, dconf, the accessibility bus, the shell, its notifications and our input."""
        started = time.monotonic()
        try:
            self.env = self._base_env()
            self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_bus("session-bus")
            self.env["DBUS_SYSTEM_BUS_ADDRESS"] = self._start_bus("system-bus")
            for schema, key, value in SETTINGS:
                self.run("gsettings", "set", schema, key, value)
            self._start_service(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
            self._start_shell()
            self._start_input()
            self._let_start_up_banners_go()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started

    def stop(self) -> None:
        """Our programs first, then the input helper, the shell and the buses, newest first."""
        self.stop_children()
        if self._input is not None:
            self._input.kill()
            self._input.wait()
            if self._input.stdin is not None:
                self._input.stdin.close()  # else a ResourceWarning when it is collected
            self._input = None
        for service in reversed(self._services):
            service.stop()
        self._services.clear()

    def stop_children(self) -> None:
        """End what a test started (the app, a softphone): the next test starts clean."""
        for child in reversed(self._children):
            child.stop()
        self._children.clear()

    @property
    def processes(self) -> list[ChildProcess]:
        """Every process started here, for failure reports."""
        return self._services + self._children

    def spawn(
        self, cmd: Sequence[str], env: dict[str, str] | None = None, *, name: str | None = None
    ) -> ChildProcess:
        """Start a program on this desktop; waits fail at once, with its logs, if it exits."""
        child = start_process(
            cmd, self.env if env is None else env, self.root / "logs", name or Path(cmd[0]).name
        )
        self._children.append(child)
        return child

    def start_softphone(self, hook: Sequence[str], *, token: bool = True) -> ChildProcess:
        """The GTK 4 stand-in softphone, maximized and focused, its button running ``hook``."""
        flags = [] if token else ["--no-token"]
        # GTK 4 draws with OpenGL by default, here only in software (llvmpipe): Cairo is
        # cheaper for a window that is one button.
        env = self.env | {"GSK_RENDERER": "cairo"}
        cmd = [SYSTEM_PYTHON, str(SOFTPHONE), *flags, *hook]
        phone = self.spawn(cmd, env, name="softphone")
        self.wait_focus("Softphone")
        self._softphone = phone
        return phone

    # -- waiting ---------------------------------------------------------------------------

    def wait_for(self, probe: Callable[[], T | None], what: str, timeout: float) -> T:
        """Poll ``probe`` until it returns something other than None (or False)."""
        return poll(probe, what, timeout, lambda: self.processes, POLL_INTERVAL)

    def wait_window(self, title: str, timeout: float | None = None) -> ShellWindow:
        """Wait until a window titled ``title`` is on screen, focused or not."""
        return self.wait_for(
            lambda: next((w for w in self.windows() if w.title == title), None),
            f"a window {title!r}",
            patience(10) if timeout is None else timeout,
        )

    def until(
        self, act: Callable[[], None], probe: Callable[[], T | None], what: str, each: float
    ) -> T:
        """Do ``act``, then poll ``probe`` for ``each`` seconds; do it again if nothing came of
        it (an input event can land before a window takes input), up to four times."""
        for attempt in range(1, 5):
            act()
            try:
                return self.wait_for(probe, what, each)
            except TimedOut:
                if attempt == 4:
                    raise
                print(f"gnome: no {what} yet, acting again ({attempt})", file=sys.stderr)
        raise AssertionError("unreachable")

    def wait_focus(self, title: str, timeout: float | None = None) -> ShellWindow:
        """Wait until the window titled ``title`` has the keyboard focus."""
        return self.wait_for(
            lambda: next((w for w in self.windows() if w.title == title and w.focused), None),
            f"{title!r} to have the focus (windows: {self.windows()})",
            patience(10) if timeout is None else timeout,
        )

    # -- what the shell shows --------------------------------------------------------------

    def windows(self) -> list[ShellWindow]:
        """Every normal window, with which one has the focus and whether it is Wayland's."""
        return [
            ShellWindow(w["title"], w["focused"], w["wayland"], w["wm_class"])
            for w in self._helper("windows")
        ]

    def focused_title(self) -> str | None:
        """The title of the window with the keyboard focus, or None (the shell has it)."""
        return next((w.title for w in self.windows() if w.focused), None)

    def labels(self) -> list[Label]:
        """Every text in GNOME Shell's own accessibility tree, shown or not."""
        return [
            Label(
                entry["text"], entry["role"], entry["showing"], entry["notice"],
                Geometry(entry["x"], entry["y"], entry["width"], entry["height"]),
            )
            for entry in self._helper("labels")
        ]  # fmt: skip

    def banners(self) -> list[str]:
        """Texts of the notification banners GNOME shows right now (summaries and bodies).

        A banner stays about four seconds (a "… is ready" notice until its window gets the
        focus, or the agent dismisses it); poll for one with ``wait_for``.
        """
        return [label.text for label in self.labels() if label.notice and label.showing]

    def notices(self, fragment: str) -> list[str]:
        """Notification texts containing ``fragment``, shown as a banner or kept in the
        message list (not menus: the tray menu lists callbacks too)."""
        return [label.text for label in self.labels() if label.notice and fragment in label.text]

    def ready_notices(self) -> list[str]:
        """GNOME's '"<title>" is ready' notices (a window that asked for focus and was refused)."""
        return self.notices("” is ready")

    def tray_icon(self, name: str = "Companion") -> Label | None:
        """The AppIndicator's button for the tray icon titled ``name``, in the top bar."""
        return next(
            (
                label
                for label in self.labels()
                if label.role == "menu" and label.text == name and label.showing
                and label.geometry.y < TOP_BAR_HEIGHT
            ),
            None,
        )  # fmt: skip

    def screenshot(self, path: Path) -> Path:
        """The whole screen as a PNG, through GNOME's own Screenshot API."""
        path.parent.mkdir(parents=True, exist_ok=True)
        result = self._helper("screenshot", str(path.resolve()))
        if not result["ok"]:
            raise DesktopError(f"GNOME Shell took no screenshot: {result}")
        return path

    def let_banners_go(self) -> None:
        """Wait until no banner is up, nudging the pointer at each look.

        A banner shown while nobody touches the machine stays until someone does, and two
        seconds more (js/ui/messageTray.js, _onIdleMonitorBecameActive), holding back the
        banners queued behind it; headless, nobody ever does.
        """

        def none_left() -> bool:
            self._send("move", 1, 0)
            self._send("move", -1, 0)
            return not self.banners()

        self.wait_for(none_left, "the banners on screen to go", patience(30))

    # -- input -----------------------------------------------------------------------------

    def pointer_to(self, x: int, y: int) -> None:
        """Put the pointer at (x, y): first into the top-left corner, then across.

        RemoteDesktop moves the pointer by relative steps (unaccelerated, seen on Mutter 43),
        and the corner is the only place whose position is sure. A last small step makes
        clients see motion over what is under the pointer (GTK needs that before a click).
        """
        self._send("move", -10 * SCREEN[0], -10 * SCREEN[1])
        self._send("move", x - 1, y)
        self._send("move", 1, 0)

    def click(self, x: int, y: int) -> None:
        self.pointer_to(x, y)
        self._send("click")

    def click_softphone(self) -> None:
        """Click the softphone's "Hard call" button at the left edge, clear of Companion's
        windows, which open in the middle of the screen, until the softphone says it ran its
        hook (once seen here, a first click after start-up never reached the button)."""
        phone = self._softphone
        assert phone is not None, "start_softphone first"
        ran = phone.output().count("launched")
        self.until(
            lambda: self.click(60, SCREEN[1] // 2),
            lambda: phone.output().count("launched") > ran or None,
            "run of the softphone's hook",
            patience(5),
        )

    def focus_softphone(self) -> None:
        """Click the softphone's status line (bottom left): it takes the focus, nothing runs."""
        self.until(
            lambda: self.click(60, SCREEN[1] - 40),
            lambda: next((w for w in self.windows() if w.title == "Softphone" and w.focused), None),
            "focus on the softphone",
            patience(5),
        )

    def key(self, keysym: int) -> None:
        """Press and release one key (an X keysym: 0xFF1B is Escape)."""
        self._send("key", f"{keysym:x}")

    def activate_tray(self, name: str = "Companion") -> None:
        """Double-click the tray icon: the AppIndicator extension's "Activate", which also
        hands the app an activation token (a single click opens its menu)."""
        icon = self.wait_for(lambda: self.tray_icon(name), f"the {name} tray icon", patience(20))
        self.pointer_to(*icon.geometry.center)
        self._send("double-click")

    # -- internals -------------------------------------------------------------------------

    def _helper(self, *args: str) -> Any:
        timeout = patience(30)
        try:
            done = subprocess.run(
                [SYSTEM_PYTHON, str(HELPER), *args],
                env=self.env, capture_output=True, text=True, timeout=timeout, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            raise DesktopError(
                f"gnome_helper {args[0]} hung for {timeout:.0f}s{self._logs()}"
            ) from None
        if done.returncode != 0:
            raise DesktopError(f"gnome_helper {args[0]} failed: {done.stderr.strip()[-2000:]}")
        return json.loads(done.stdout)

    def _send(self, *words: object) -> None:
        """One input action through the helper; returns once the shell has taken it."""
        if self._input is None or self._input.stdin is None:
            raise DesktopError("the input helper is not running")
        self._input_count += 1
        number = str(self._input_count)
        self._input.stdin.write(" ".join([number, *map(str, words)]) + "\n")
        self._input.stdin.flush()
        self.wait_for(
            lambda: number in self._input_out.read_text().split(), f"input {words}", patience(10)
        )

    def _start_input(self) -> None:
        self._input_out.parent.mkdir(parents=True, exist_ok=True)
        with (
            self._input_out.open("w") as out,
            (self.root / "logs" / "input.stderr").open("w") as err,
        ):
            self._input = subprocess.Popen(
                [SYSTEM_PYTHON, str(HELPER), "input"],
                env=self.env, stdin=subprocess.PIPE, stdout=out, stderr=err, text=True,
                start_new_session=True,
            )  # fmt: skip
        self.wait_for(
            lambda: "ready" in self._input_out.read_text().split(),
            "the RemoteDesktop session",
            patience(10),
        )

    def _let_start_up_banners_go(self) -> None:
        """GNOME posts "Screen Lock disabled" at start-up (no GDM here) and, for root, "Logged
        in as a privileged user"; both would hold back every later banner until they go."""
        self.wait_for(lambda: self.notices(LOCK_WARNING), "GNOME's start-up notice", patience(20))
        self.let_banners_go()

    def _base_env(self) -> dict[str, str]:
        return session_env(self.root) | {
            "XDG_SESSION_TYPE": "wayland",
            "XDG_CURRENT_DESKTOP": "GNOME",
        }

    def _start_service(self, cmd: Sequence[str]) -> ChildProcess:
        service = start_process(cmd, self.env, self.root / "logs", Path(cmd[0]).name)
        self._services.append(service)
        return service

    def _start_bus(self, name: str) -> str:
        """A dbus-daemon of our own; its address, once it accepts connections."""
        bus, address = start_reporting_process(
            lambda fd: ["dbus-daemon", "--session", "--nofork", f"--print-address={fd}"],
            self.env, self.root / "logs", name, patience(10),
        )  # fmt: skip
        self._services.append(bus)
        return address

    def _start_shell(self) -> None:
        size = "x".join(map(str, SCREEN))
        shell = self._start_service(
            ["gnome-shell", "--headless", "--wayland", "--virtual-monitor", size]
        )
        socket = Path(self.env["XDG_RUNTIME_DIR"]) / "wayland-0"
        self.wait_for(lambda: socket.exists(), "the Wayland socket", patience(30))
        self.wait_for(
            lambda: "'43" in self._gdbus_property("ShellVersion") or None,
            "org.gnome.Shell on the bus",
            patience(30),
        )
        self.env["WAYLAND_DISPLAY"] = socket.name
        # The shell opens the overview in its start-up animation and logs this line when that
        # is over (js/ui/main.js, 'startup-complete'); closed before, it opens again. Windows
        # get the focus only once it is closed.
        self.wait_for(
            lambda: STARTED_LINE in shell.errors() + shell.output(),
            "GNOME Shell's start-up to complete",
            patience(30),
        )
        self.wait_for(self._close_overview, "the overview to close", patience(10))
        self._gdbus(
            "org.freedesktop.DBus", "/org/freedesktop/DBus",
            "org.freedesktop.DBus.StartServiceByName", "org.gnome.Shell.Notifications", "0",
        )  # fmt: skip

    def _close_overview(self) -> bool:
        self._gdbus(
            "org.gnome.Shell", "/org/gnome/Shell", "org.freedesktop.DBus.Properties.Set",
            "org.gnome.Shell", "OverviewActive", "<false>",
        )  # fmt: skip
        return "false" in self._gdbus_property("OverviewActive")

    def _gdbus_property(self, name: str) -> str:
        return self._gdbus(
            "org.gnome.Shell", "/org/gnome/Shell", "org.freedesktop.DBus.Properties.Get",
            "org.gnome.Shell", name, check=False,
        )  # fmt: skip

    def _gdbus(self, dest: str, path: str, method: str, *args: str, check: bool = True) -> str:
        return self.run(
            "gdbus", "call", "--session", "--dest", dest, "--object-path", path,
            "--method", method, *args, check=check,
        )  # fmt: skip

    def run(self, *args: str, check: bool = True) -> str:
        """Run a program (gdbus, gsettings) on the shell's session bus; its stdout."""
        timeout = patience(15)
        try:
            done = subprocess.run(
                args, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise DesktopError(f"{' '.join(args)} hung for {timeout:.0f}s{self._logs()}") from None
        if check and done.returncode != 0:
            raise DesktopError(f"{' '.join(args)} failed: {done.stderr.strip()}{self._logs()}")
        return done.stdout

    def _logs(self) -> str:
        return describe_all(self.processes)

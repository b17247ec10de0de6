"""Driving an X display from outside: waiting, windows, keys, clicks and screenshots.

Every deadline is scaled by tests/e2e/timing.patience(). An action whose effect a test waits
for is sent again while the effect is absent (`until`, `key_until`, `type_until`): a key sent
before a new window could take it is not lost. `Desktop` (tests/e2e/desktop.py) starts the
display and adds its tray.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from tests.e2e.processes import ChildProcess, DesktopError, TimedOut, describe_all, poll
from tests.e2e.timing import patience
from tests.e2e.x11 import Geometry, XWindow, parse_tree, window_attributes

#: Base seconds, each scaled by patience(): a wait, and how long a retried action's try waits.
WAIT_TIMEOUT = 10.0
RETRY_EVERY = 2.0
POLL_INTERVAL = 0.05
T = TypeVar("T")


class ToolFailed(DesktopError):
    """An X tool exited with an error (a window it was given may have gone meanwhile)."""


class Display:
    """An X display (``env["DISPLAY"]``) and the programs on it whose exit ends every wait."""

    def __init__(self) -> None:
        self.display = ""
        self.env: dict[str, str] = {}
        self._watched: list[ChildProcess] = []

    # -- waiting and X tools ---------------------------------------------------------------

    def wait_for(self, probe: Callable[[], T | None], what: str, timeout: float | None = None) -> T:
        """Poll `probe` until it returns something other than None (or False).

        Only polls: when the effect waited for needs an action that may be lost, use `until`.
        """
        timeout = patience(WAIT_TIMEOUT) if timeout is None else timeout
        return poll(probe, what, timeout, lambda: self._watched, POLL_INTERVAL)

    def until(
        self,
        act: Callable[[], object],
        probe: Callable[[], T | None],
        what: str,
        timeout: float | None = None,
        *,
        every: float | None = None,
    ) -> T:
        """Do `act`, then wait for its effect (`probe`); while it is still absent `every`
        seconds later, do `act` again, until `timeout`.

        For an action that is harmless to repeat while its effect is absent: `probe` must see
        the effect as soon as the app has it (the row it writes, the window it shows), so a
        repeat follows only an action of which nothing showed for `every` seconds (patience(2),
        many times what an idle app takes): one lost on its way, in practice. An act that fails
        with ToolFailed (its window replaced while it settles) counts as a lost try. Each
        repeat is noted on stderr, which a failed test's report shows.
        """
        timeout = patience(WAIT_TIMEOUT) if timeout is None else timeout
        every = patience(RETRY_EVERY) if every is None else every
        deadline = time.monotonic() + timeout
        tries, failures = 0, []
        while True:
            tries += 1
            try:
                act()
            except ToolFailed as error:
                failures.append(str(error))
            left = deadline - time.monotonic()
            try:
                return self.wait_for(probe, what, max(min(every, left), 0.0))
            except TimedOut:
                print(f"e2e: nothing of try {tries} for {what} after {every:.1f}s", file=sys.stderr)
                if left <= every:
                    tried = "".join(f"\n  {text}" for text in failures[-3:])
                    raise TimedOut(
                        f"Timed out after {timeout:.1f}s and {tries} tries waiting for {what}."
                        f"{tried}{self._logs()}"
                    ) from None

    def run(self, *args: str, check: bool = True, timeout: float | None = None) -> str:
        """Run an X tool against this display and return its stdout."""
        timeout = patience(WAIT_TIMEOUT) if timeout is None else timeout
        try:
            done = subprocess.run(
                args, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise DesktopError(f"{' '.join(args)} hung for {timeout:.1f}s{self._logs()}") from None
        if check and done.returncode != 0:
            raise ToolFailed(
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

    def find_window(self, title: str, *, timeout: float | None = None, exact: bool = True) -> int:
        """Wait for a visible window with this title; return its X window id."""
        found = self.wait_for(
            lambda: self.search(title, exact=exact) or None, f"window {title!r}", timeout
        )
        return found[0]

    def wait_window_gone(
        self, title: str, *, timeout: float | None = None, exact: bool = True
    ) -> None:
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

    def newest_popup(self) -> XWindow | None:
        """The newest menu or tooltip showing, if any."""
        return next(reversed(self.popups()), None)

    def wait_popup(self, *, timeout: float | None = None) -> XWindow:
        """Wait for a menu or tooltip to show; return the newest."""
        return self.wait_for(self.newest_popup, "a popup", timeout)

    # -- input -----------------------------------------------------------------------------

    def click(self, x: int, y: int, button: int = 1) -> None:
        """Move the pointer to (x, y) on the root window and click."""
        # No --sync: xdotool 3.20160805 hangs on it when the pointer is already at (x, y).
        self.run("xdotool", "mousemove", str(x), str(y), "click", str(button))

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

    # -- input that is sent again until its effect shows -----------------------------------

    def key_until(
        self,
        keys: str | Sequence[str],
        title: str,
        probe: Callable[[], T | None],
        what: str,
        *,
        timeout: float | None = None,
        every: float | None = None,
        exact: bool = True,
    ) -> T:
        """Press `keys` in the window titled `title` until `probe` sees their effect. The window
        is looked up afresh for each try (Qt may replace a new window's X window while it
        settles); the first try waits for it, later ones find it gone as a lost try (the
        effect may have closed it). See `until`."""
        sequence = (keys,) if isinstance(keys, str) else tuple(keys)
        window = self._window_each_try(title, exact)
        return self.until(
            lambda: self.key(*sequence, window=window()), probe, what, timeout, every=every
        )

    def type_until(
        self,
        text: str,
        title: str,
        probe: Callable[[], T | None],
        what: str,
        *,
        replace: bool = True,
        timeout: float | None = None,
        every: float | None = None,
        exact: bool = True,
    ) -> T:
        """Type `text` into the window titled `title` until `probe` sees it arrive.

        With `replace` each try first selects everything in the focused field (Ctrl+A), so a
        try typed again replaces what a lost or cut-short one left: the field ends up holding
        `text` once. Without it, a repeat adds `text` again; use that only where the probe
        accepts more than was asked for."""
        window = self._window_each_try(title, exact)

        def type_it() -> None:
            found = window()
            if replace:
                self.key("ctrl+a", window=found)
            self.type_text(text, window=found)

        return self.until(type_it, probe, what, timeout, every=every)

    def _window_each_try(self, title: str, exact: bool) -> Callable[[], int]:
        """The window for each try of an action: waited for the first time, then as it is."""
        tries = 0

        def window() -> int:
            nonlocal tries
            tries += 1
            if tries == 1:
                return self.find_window(title, exact=exact)
            found = self.search(title, exact=exact)
            if not found:
                raise ToolFailed(f"no window {title!r} for try {tries}")
            return found[0]

        return window

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

    def _logs(self) -> str:
        return describe_all(self._watched)


def _ere_escape(text: str) -> str:
    """Escape POSIX extended-regex metacharacters, for xdotool search."""
    return "".join(f"\\{char}" if char in r"\.[]()*+?{}|^$" else char for char in text)

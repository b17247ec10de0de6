"""What a screen reader reads of the app on the test desktop: its AT-SPI tree and its focus.

    accessible(desktop)                  the accessibility bus on, and the bridge on for the app
    nodes = tree(desktop)                every window of Companion and what is in it
    focus = FocusWatch.start(desktop)    each object that takes the focus, as Orca hears of it

The venv can't import pyatspi (Debian's python3-pyatspi), so tests/e2e/atspi_helper.py reads
the tree in the system's Python, as tests/e2e/gnome_helper.py does for GNOME Shell.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.desktop import ChildProcess, Desktop
from tests.e2e.timing import patience

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
HELPER = Path(__file__).with_name("atspi_helper.py")
APP_NAME = "Companion"  # QApplication.applicationName (companion/launch.py)
#: AT-SPI role names of what a person acts on: each needs a name of its own in its window.
CONTROLS = frozenset({
    "push button", "toggle button", "check box", "radio button", "combo box", "spin button",
    "text", "entry", "password text", "slider", "page tab", "list", "table", "tree",
    "menu item", "check menu item", "menu",
})  # fmt: skip


def missing() -> str | None:
    """Why the tree can't be read here (a missing package), or None."""
    if not Path(BUS_LAUNCHER).exists():
        return "missing: at-spi2-core"
    done = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60, check=False
    )
    return None if done.returncode == 0 else "missing: python3-pyatspi"


def accessible(desktop: Desktop) -> None:
    """Start the accessibility bus in the desktop's session and let the apps started after
    this talk to it (the desktop turns Qt's bridge off otherwise)."""
    desktop.spawn([BUS_LAUNCHER, "--launch-immediately"], name="at-spi-bus-launcher")
    desktop.env.pop("NO_AT_BRIDGE", None)
    desktop.env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"


@dataclass(frozen=True)
class Node:
    """One object of the tree, as atspi_helper.py describes it."""

    role: str
    name: str
    description: str
    window: str
    depth: int
    #: The labels that name it (the labelled-by relation Qt gives a QLabel's buddy).
    labels: list[str]
    showing: bool
    focusable: bool
    focused: bool
    enabled: bool
    checked: bool

    @property
    def heard(self) -> str:
        """The name as a screen reader says it: on Linux Qt names a combo box by its value
        (QAccessibleComboBox) and its label comes through the relation, so both are said."""
        if self.role != "combo box" or not self.name:
            return self.name
        return ": ".join([*self.labels, self.name])

    @property
    def is_control(self) -> bool:
        return self.role in CONTROLS and self.showing


def tree(desktop: Desktop) -> list[Node]:
    """Every object in every window of Companion, now."""
    done = subprocess.run(
        [SYSTEM_PYTHON, str(HELPER), "tree", APP_NAME],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=patience(30),
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"reading the tree failed: {done.stderr[-2000:]}")
    return [Node(**node) for node in json.loads(done.stdout)]


def windows(desktop: Desktop) -> set[str]:
    """The names of Companion's windows in the tree."""
    return {node.window for node in tree(desktop)}


def naming_problems(nodes: list[Node]) -> dict[str, list[str]]:
    """For each window: its controls without a name (or a combo box with only its value),
    and the names two of its controls share."""
    problems: dict[str, list[str]] = {}
    for window in sorted({node.window for node in nodes}):
        controls = [node for node in nodes if node.window == window and node.is_control]
        unnamed = [f"a {node.role} without a name" for node in controls if not node.name.strip()]
        # Qt on Linux names a combo box by its value: what it is about needs a label or words.
        unnamed += [
            f"combo box {node.name!r} says what it is about nowhere"
            for node in controls
            if node.role == "combo box" and not (node.labels or node.description.strip())
        ]
        counts = Counter(node.heard for node in controls if node.name.strip())
        shared = [f"{name!r} {count} times" for name, count in counts.items() if count > 1]
        if not window.strip():
            unnamed.append("the window has no name")
        if unnamed or shared:
            problems[window] = unnamed + shared
    return problems


class FocusWatch:
    """Listens for focus changes in Companion, as a screen reader does, while it runs."""

    def __init__(self, desktop: Desktop, child: ChildProcess) -> None:
        self._desktop = desktop
        self._child = child

    @classmethod
    def start(cls, desktop: Desktop) -> FocusWatch:
        child = desktop.spawn(
            [SYSTEM_PYTHON, str(HELPER), "focus", APP_NAME], name="atspi-focus", watch=False
        )
        watch = cls(desktop, child)
        desktop.wait_for(lambda: watch._lines(), "the focus listener to be ready", patience(30))
        return watch

    def _lines(self) -> list[dict[str, object]]:
        self._child.check_alive()
        return [json.loads(line) for line in self._child.output().splitlines() if line.strip()]

    def focused(self) -> list[Node]:
        """What took the focus since the watch started, oldest first."""
        return [Node(**line) for line in self._lines() if "ready" not in line]

    def stop(self) -> None:
        self._child.stop()

"""Reading X window trees: parse `xwininfo -root -tree` and `xwininfo -id` output."""

from __future__ import annotations

import re
from typing import NamedTuple

# "     0x400007 "bare-tray": ("bare_tray.py" "bare-tray")  22x30+0+0  +1257+1"
_TREE_LINE = re.compile(
    r"^(?P<indent>\s*)(?P<id>0x[0-9a-f]+) "
    r'(?:"(?P<name>.*)"|\(has no name\)): \((?P<cls>.*)\)\s+'
    r"(?P<w>\d+)x(?P<h>\d+)[+-]-?\d+[+-]-?\d+\s+\+(?P<x>-?\d+)\+(?P<y>-?\d+)\s*$"
)
_CLASS_PART = re.compile(r'"((?:[^"\\]|\\.)*)"')
_INDENT_STEP = 3


class Geometry(NamedTuple):
    """A rectangle in root (screen) coordinates."""

    x: int
    y: int
    width: int
    height: int

    @property
    def center(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


class XWindow(NamedTuple):
    """One window of the tree, with its WM_CLASS as (instance, class) and root geometry."""

    id: int
    name: str
    wm_class: tuple[str, ...]
    geometry: Geometry
    parent: int | None


class TrayIcon(NamedTuple):
    """An icon embedded in the tray host: the host's socket geometry and the client window."""

    window: int
    name: str
    wm_class: tuple[str, ...]
    geometry: Geometry


def parse_tree(text: str) -> list[XWindow]:
    """The windows of `xwininfo -root -tree` output, parents before children."""
    windows: list[XWindow] = []
    stack: list[tuple[int, int]] = []  # (indent, window id) of the open ancestors
    for line in text.splitlines():
        match = _TREE_LINE.match(line)
        if not match:
            continue
        indent = len(match["indent"])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        window_id = int(match["id"], 16)
        geometry = Geometry(int(match["x"]), int(match["y"]), int(match["w"]), int(match["h"]))
        wm_class = tuple(_CLASS_PART.findall(match["cls"]))
        parent = stack[-1][1] if stack else None
        windows.append(XWindow(window_id, match["name"] or "", wm_class, geometry, parent))
        stack.append((indent, window_id))
    return windows


def children(windows: list[XWindow], parent: int) -> list[XWindow]:
    return [window for window in windows if window.parent == parent]


def top_level(windows: list[XWindow]) -> list[XWindow]:
    """Direct children of the root window (the root itself has no line in the tree)."""
    ids = {window.id for window in windows}
    return [window for window in windows if window.parent not in ids]


def trayer_panels(windows: list[XWindow]) -> list[XWindow]:
    """trayer's panel window has WM_CLASS ("panel", "trayer"); tray sockets are its children."""
    return [window for window in top_level(windows) if window.wm_class == ("panel", "trayer")]


def embedded_icons(windows: list[XWindow]) -> list[TrayIcon]:
    """Icons that trayer has embedded: each socket (a panel child) holds one client window."""
    icons: list[TrayIcon] = []
    for panel in trayer_panels(windows):
        for socket in children(windows, panel.id):
            clients = children(windows, socket.id)
            if socket.geometry.width <= 1 or socket.geometry.height <= 1 or not clients:
                continue
            client = clients[0]
            icons.append(TrayIcon(client.id, client.name, client.wm_class, socket.geometry))
    return icons


def window_attributes(text: str) -> dict[str, str]:
    """The "Key: value" lines of `xwininfo -id` output, such as "Map State"."""
    attributes: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.strip().partition(": ")
        if sep:
            attributes[key] = value.strip()
    return attributes

"""Companion's icon for the tray and its windows, from PNGs rendered at the sizes panels use.

The PNGs are drawn from resources/companion.svg by packaging/render_icons.py and committed: a
QIcon of the SVG would load Qt SVG (0.7 MB) into the idle tray just to draw four circles.
Qt picks the nearest size for each panel and scales it for high-DPI screens.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from companion.system.resources import resource

#: The sizes rendered: hicolor's (16 to 256), which cover tray panels at 1x and 2x.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def icon_file(size: int) -> str:
    return f"icons/companion-{size}.png"


def app_icon() -> QIcon:
    """The icon; raises FileNotFoundError naming a PNG that is missing from the build."""
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(resource(icon_file(size))))
    return icon

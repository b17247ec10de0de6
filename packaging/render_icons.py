"""Renders resources/companion.svg to PNGs: the sizes the hicolor icon theme and installers use,
or (``--app``) the ones Companion itself loads for its tray and windows (resources/icons/).

    python packaging/render_icons.py resources/companion.svg OUT_DIR [NAME]  # OUT_DIR/16x16/apps/
    python packaging/render_icons.py --app                                   # resources/icons/

The app's PNGs are committed, so the idle tray needs no SVG renderer (Qt SVG: 0.7 MB);
tests/unit/test_app_icon_pngs.py fails when they no longer match the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QIcon, QImage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from companion.ui.shell.app_icon import SIZES, icon_file

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "companion.svg"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn at ``size`` x ``size`` pixels (needs a QGuiApplication)."""
    return QIcon(str(svg)).pixmap(size, size).toImage()


def save(image: QImage, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")


def main(argv: list[str]) -> None:
    app = QGuiApplication(sys.argv[:1])
    if argv == ["--app"]:
        for size in SIZES:
            save(render(SVG, size), ROOT / "resources" / icon_file(size))
    else:
        svg, out_dir = Path(argv[0]), Path(argv[1])
        name = argv[2] if len(argv) > 2 else "companion"  # the .deb names them by its desktop id
        for size in SIZES:
            save(render(svg, size), out_dir / f"{size}x{size}" / "apps" / f"{name}.png")
    del app


if __name__ == "__main__":
    main(sys.argv[1:])

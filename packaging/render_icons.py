"""Renders resources/companion.svg to the PNG sizes the hicolor icon theme and installers use."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QIcon  # noqa: E402

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def main(svg: Path, out_dir: Path) -> None:
    app = QGuiApplication(sys.argv[:1])
    icon = QIcon(str(svg))
    for size in SIZES:
        target = out_dir / f"{size}x{size}" / "apps" / "companion.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not icon.pixmap(size, size).save(str(target)):
            raise SystemExit(f"could not write {target}")
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

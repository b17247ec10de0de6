"""The tray's PNGs are the SVG drawn at each size: re-render them when the SVG changes
(`python packaging/render_icons.py --app`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from companion.system.resources import resource
from companion.ui.shell.app_icon import SIZES, app_icon, icon_file

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from render_icons import SVG, render

#: The largest difference of one colour channel allowed (another Qt may antialias a little
#: differently); a changed colour or shape differs by far more.
TOLERANCE = 8


def largest_difference(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    assert (a.width(), a.height()) == (b.width(), b.height())
    return max(
        (abs(x - y) for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)),
        default=0,
    )


@pytest.mark.parametrize("size", SIZES)
def test_each_png_is_the_svg_at_its_size(qtbot: QtBot, size: int) -> None:
    png = QImage(str(resource(icon_file(size))))
    assert not png.isNull()
    assert largest_difference(png, render(SVG, size)) <= TOLERANCE


def test_the_icon_offers_every_size_and_a_changed_png_would_be_seen(qtbot: QtBot) -> None:
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert sizes == {(size, size) for size in SIZES}
    inverted = render(SVG, 32)
    inverted.invertPixels()
    assert largest_difference(inverted, render(SVG, 32)) > TOLERANCE

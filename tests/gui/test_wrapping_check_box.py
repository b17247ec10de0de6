"""A long check box sentence wraps at the width it gets, toggles from any of its lines, keeps its
whole text as its name, and draws its box on the first line."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from companion.ui.shell.wrapping_check_box import WrappingCheckBox

LONG = "Ctrl+Alt+H tags a hard call and starts a break, from any application, whatever is open"


def test_it_asks_for_its_longest_word_and_grows_down_when_narrow(qtbot: QtBot) -> None:
    box = WrappingCheckBox(LONG)
    qtbot.addWidget(box)
    plain = QCheckBox(LONG)
    qtbot.addWidget(plain)
    assert box.minimumSizeHint().width() < plain.minimumSizeHint().width() / 3
    one_line = box.heightForWidth(box.sizeHint().width())
    assert box.heightForWidth(box.minimumSizeHint().width()) >= 3 * one_line // 2
    assert box.text() == LONG


def test_a_click_on_its_last_line_toggles_it(qtbot: QtBot) -> None:
    box = WrappingCheckBox(LONG)
    qtbot.addWidget(box)
    width = box.minimumSizeHint().width() * 2
    box.resize(width, box.heightForWidth(width))
    box.show()
    qtbot.waitExposed(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(width - 5, box.height() - 3))
    assert box.isChecked()


def test_it_draws_its_words_where_it_says_it_will(qtbot: QtBot) -> None:
    box = WrappingCheckBox(LONG)
    qtbot.addWidget(box)
    width = box.minimumSizeHint().width() * 2
    box.resize(width, box.heightForWidth(width))
    image = box.grab().toImage()
    ink = image.pixelColor(0, 0)
    rows_with_ink = {
        y for y in range(image.height()) for x in range(image.width())
        if image.pixelColor(x, y) != ink
    }  # fmt: skip
    assert max(rows_with_ink) > box.heightForWidth(box.sizeHint().width())  # a second line

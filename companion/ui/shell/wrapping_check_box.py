"""A check box whose sentence wraps onto more lines instead of widening its window.

QCheckBox draws its text on one line, so its narrowest is its whole sentence: a long German
or French one, or any at twice the text size, made Settings wider than the screen. This one
asks for the width of its longest word, gives the height its lines need at the width it gets
(height-for-width), and draws the sentence wrapped beside the style's own box, which stays on
the first line. ``text()`` is the whole sentence, so its accessible name and tests read as
before; the whole area toggles it, as a check box's label does.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)

_WRAP = Qt.TextFlag.TextWordWrap


class WrappingCheckBox(QCheckBox):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _box(self) -> tuple[int, int]:
        """The style's box and the space after it."""
        style = self.style()
        width = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self)
        return width, spacing

    def _text_width(self, width: int) -> int:
        box, spacing = self._box()
        return max(1, width - box - spacing - 2)

    def _text_height(self, width: int) -> int:
        bounds = QRect(0, 0, self._text_width(width), 100_000)
        return self.fontMetrics().boundingRect(bounds, int(_WRAP), self.text()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        one_line = super().sizeHint().height()
        return max(one_line, self._text_height(width) + 4)

    def sizeHint(self) -> QSize:
        return super().sizeHint()  # the whole sentence on one line, where there is room

    def minimumSizeHint(self) -> QSize:
        box, spacing = self._box()
        words = self.text().split() or [""]
        longest = max(self.fontMetrics().horizontalAdvance(word) for word in words)
        return QSize(box + spacing + longest + 4, super().minimumSizeHint().height())

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        option.state &= ~QStyle.StateFlag.State_HasFocus  # the focus frame goes round the words
        one_line = super().sizeHint().height()
        option.rect = QRect(0, 0, self.width(), min(self.height(), one_line))
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        box, spacing = self._box()
        logical = QRect(box + spacing, 0, self.width() - box - spacing, self.height())
        words = QStyle.visualRect(self.layoutDirection(), self.rect(), logical)
        align = QStyle.visualAlignment(self.layoutDirection(), Qt.AlignmentFlag.AlignLeft)
        flags = int(align | Qt.AlignmentFlag.AlignTop) | int(_WRAP)
        top = max(0, (one_line - self.fontMetrics().height()) // 2)
        words.adjust(0, top, 0, 0)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, self.foregroundRole()))
        drawn = painter.boundingRect(words, flags, self.text())
        painter.drawText(words, flags, self.text())
        if self.hasFocus():
            frame = QStyleOptionFocusRect()
            frame.initFrom(self)
            frame.rect = drawn.adjusted(-1, 0, 1, 0)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame)

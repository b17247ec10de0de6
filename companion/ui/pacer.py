"""The breathing pacer: a soft shape that fills and empties with the breath, and its words."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
    QRadialGradient,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from companion.core.breathing import PhaseState

BACKGROUND_TOP = QColor("#12344d")
BACKGROUND_BOTTOM = QColor("#145457")
SHAPE_CENTRE = QColor("#eefaf7")
SHAPE_EDGE = QColor("#9fdcd2")
RING = QColor(255, 255, 255, 70)
TEXT = QColor("#f2fbf9")
TEXT_SOFT = QColor("#b9dcd8")
BAR_TRACK = QColor(255, 255, 255, 40)
BAR_FILL = QColor("#a6e3d8")

#: The emptied shape keeps this share of the full radius, so it never vanishes.
MIN_RADIUS_SHARE = 0.38
#: Height kept under the shape for the phase word and the seconds.
TEXT_BAND = 96.0
CORNER_RADIUS = 18.0
#: The phase word above the seconds.
WORDS_HEIGHT = 78.0
#: Words, a gap, and the step bar, centred together in reduced-motion mode.
REDUCED_BLOCK_HEIGHT = WORDS_HEIGHT + 40.0 + 12.0


class PacerWidget(QWidget):
    """Draws exactly the :class:`PhaseState` it was last given; it keeps no time of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: PhaseState | None = None
        self._reduced_motion = False
        self.frames_painted = 0
        self.setObjectName("pacer")
        self.setMinimumSize(240, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Breathing guide")

    @property
    def state(self) -> PhaseState | None:
        return self._state

    @property
    def reduced_motion(self) -> bool:
        return self._reduced_motion

    def set_state(self, state: PhaseState) -> None:
        if self._state is None or state.word != self._state.word:
            # Screen readers hear the word change, not every frame.
            self.setAccessibleDescription(state.word)
        self._state = state
        self.update()

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = reduced
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.frames_painted += 1
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._paint_background(painter)
        if self._reduced_motion:
            self._paint_reduced(painter)
        else:
            self._paint_shape(painter)
        painter.end()

    def _paint_background(self, painter: QPainter) -> None:
        rect = QRectF(self.rect())
        gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        gradient.setColorAt(0.0, BACKGROUND_TOP)
        gradient.setColorAt(1.0, BACKGROUND_BOTTOM)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawRoundedRect(rect, CORNER_RADIUS, CORNER_RADIUS)

    def _shape_geometry(self) -> tuple[QPointF, float]:
        """Centre and full radius of the shape, leaving room for the words below it."""
        area_height = max(40.0, self.height() - TEXT_BAND)
        full = max(12.0, min(self.width() * 0.5, area_height * 0.5) - 14.0)
        return QPointF(self.width() / 2.0, 12.0 + area_height / 2.0), full

    def _paint_shape(self, painter: QPainter) -> None:
        centre, full = self._shape_geometry()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(RING, 2.0))
        painter.drawEllipse(centre, full, full)
        volume = self._state.volume if self._state is not None else 0.0
        radius = full * (MIN_RADIUS_SHARE + (1.0 - MIN_RADIUS_SHARE) * volume)
        glow = QRadialGradient(centre, radius * 1.25)
        glow.setColorAt(0.0, QColor(159, 220, 210, 70))
        glow.setColorAt(1.0, QColor(159, 220, 210, 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(glow)
        painter.drawEllipse(centre, radius * 1.25, radius * 1.25)
        body = QRadialGradient(centre - QPointF(radius * 0.25, radius * 0.3), radius * 1.2)
        body.setColorAt(0.0, SHAPE_CENTRE)
        body.setColorAt(1.0, SHAPE_EDGE)
        painter.setBrush(body)
        painter.drawEllipse(centre, radius, radius)
        text_top = centre.y() + full + 10.0
        self._paint_words(painter, QRectF(0.0, text_top, self.width(), self.height() - text_top))

    def _paint_reduced(self, painter: QPainter) -> None:
        """No scaling: the words in the middle and a slow bar that fills across the step."""
        width = float(self.width())
        top = (self.height() - REDUCED_BLOCK_HEIGHT) / 2.0
        self._paint_words(painter, QRectF(0.0, top, width, WORDS_HEIGHT))
        margin = max(24.0, width * 0.14)
        bar = QRectF(margin, top + REDUCED_BLOCK_HEIGHT - 12.0, width - 2 * margin, 12.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR_TRACK)
        painter.drawRoundedRect(bar, 6.0, 6.0)
        progress = self._state.progress if self._state is not None else 0.0
        if progress > 0.0:
            filled = QRectF(bar.left(), bar.top(), max(bar.height(), bar.width() * progress), 12.0)
            painter.setBrush(BAR_FILL)
            painter.drawRoundedRect(filled, 6.0, 6.0)

    def _paint_words(self, painter: QPainter, rect: QRectF) -> None:
        if self._state is None:
            word, seconds = "Ready when you are", ""
        else:
            word = self._state.word
            seconds = str(max(1, math.ceil(self._state.seconds_left - 1e-6)))
        word_font = QFont(self.font())
        word_font.setPixelSize(30)
        word_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(word_font)
        painter.setPen(TEXT)
        word_height = 44.0
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), word_height),
            Qt.AlignmentFlag.AlignCenter,
            word,
        )
        if not seconds:
            return
        seconds_font = QFont(self.font())
        seconds_font.setPixelSize(24)
        painter.setFont(seconds_font)
        painter.setPen(TEXT_SOFT)
        painter.drawText(
            QRectF(rect.left(), rect.top() + word_height, rect.width(), 34.0),
            Qt.AlignmentFlag.AlignCenter,
            seconds,
        )

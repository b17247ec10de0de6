"""The breathing pacer: a soft shape that fills and empties with the breath, and its words."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QMoveEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QRadialGradient,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from companion.core.breathing import PhaseState
from companion.ui.breathing import messages
from companion.ui.look.contrast import parse
from companion.ui.look.theme import current_look

#: The soft glow reaches this far beyond the shape's radius.
GLOW_SHARE = 1.25

#: The smallest move of the shape's edge, in device pixels, worth a repaint. During a hold
#: nothing moves; the slow end of an exhale moves a quarter pixel a frame. Skipping until half a
#: pixel has built up looks the same (the edge is antialiased) and saves a third of the frames of
#: the default pattern (issue #5's CPU target).
MIN_STEP_PX = 0.5
#: The emptied shape keeps this share of the full radius, so it never vanishes.
MIN_RADIUS_SHARE = 0.38
CORNER_RADIUS = 18.0
#: Under the words: a gap, and the step bar, in reduced-motion mode.
BAR_BLOCK = 40.0 + 12.0


def _colour(text: str) -> QColor:
    red, green, blue, alpha = parse(text)
    return QColor(int(red), int(green), int(blue), int(alpha))


@dataclass(frozen=True)
class _Layout:
    """Where things go at one size; worked out once per resize, not once per frame."""

    centre: QPointF
    full: float
    words: QRectF
    pixel_size: QSize
    ratio: float


class PacerWidget(QWidget):
    """Draws exactly the :class:`PhaseState` it was last given; it keeps no time of its own.

    Cheap enough for 60 frames a second on an old PC: everything that does not move (what is
    behind the rounded corners, the background, the ring, the bar's track) is drawn once per
    size into a pixmap, the widget is opaque so Qt repaints nothing behind it, and each frame
    repaints only the shape's square and, when the words change, the words.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: PhaseState | None = None
        #: The state the last repaint was asked for: frames that would look the same are skipped.
        self._drawn: PhaseState | None = None
        self._reduced_motion = False
        self._backdrop: QPixmap | None = None
        self._layout: _Layout | None = None
        self._words_drawn: tuple[tuple[str, str], QPixmap] | None = None
        self._word_font = QFont()
        self._seconds_font = QFont()
        #: The phase word's line and the seconds' line: they grow with the text size.
        self._word_height = 44.0
        self._seconds_height = 34.0
        self._update_fonts()
        self.frames_painted = 0
        self.setObjectName("pacer")
        # The backdrop paints every pixel, corners included: nothing behind needs repainting.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(240, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(messages.PACER_NAME)

    @property
    def state(self) -> PhaseState | None:
        return self._state

    @property
    def reduced_motion(self) -> bool:
        return self._reduced_motion

    def set_state(self, state: PhaseState) -> None:
        old = self._state
        if old is None or state.word != old.word:
            # Screen readers hear the word change, not every frame.
            self.setAccessibleDescription(state.word)
        self._state = state
        drawn = self._drawn
        if self._reduced_motion or drawn is None:
            self._drawn = state
            self.update()
            return
        words_changed = _words(drawn) != _words(state)
        if not words_changed and not self._moves_visibly(drawn.volume, state.volume):
            return  # a hold, or a slow breath between two frames: the picture is the same
        dirty = self._shape_rect(max(drawn.volume, state.volume))
        if words_changed:
            dirty = dirty.united(self._geometry().words.toAlignedRect())
        self._drawn = state
        self.update(dirty)

    def _moves_visibly(self, drawn: float, wanted: float) -> bool:
        """Whether the edge moves by MIN_STEP_PX or more on screen since the last repaint."""
        geometry = self._geometry()
        step = abs(self._radius(wanted) - self._radius(drawn)) * geometry.ratio
        return step >= MIN_STEP_PX

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = reduced
        self._backdrop = None
        self.update()

    # Qt events.

    def paintEvent(self, event: QPaintEvent) -> None:
        self.frames_painted += 1
        self._drawn = self._state
        if self._backdrop is None:
            self._backdrop = self._make_backdrop()
        rect = event.rect()
        painter = QPainter(self)
        painter.drawPixmap(rect, self._backdrop, self._pixel_rect(rect))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self._reduced_motion:
            self._paint_reduced(painter)
        else:
            self._paint_shape(painter)
            words = self._geometry().words
            if words.intersects(QRectF(rect)):
                self._paint_words(painter, words)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._backdrop = None
        self._layout = None
        self._words_drawn = None
        super().resizeEvent(event)

    def moveEvent(self, event: QMoveEvent) -> None:
        # What shows behind the rounded corners depends on where the pacer sits.
        self._backdrop = None
        super().moveEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,  # a new look
            QEvent.Type.StyleChange,
            QEvent.Type.DevicePixelRatioChange,
        ):
            self._update_fonts()
            self._backdrop = None
            self._layout = None
            self._words_drawn = None
        super().changeEvent(event)

    # Geometry.

    def _geometry(self) -> _Layout:
        if self._layout is None:
            self._layout = self._lay_out()
        return self._layout

    def _lay_out(self) -> _Layout:
        """The shape's centre and full radius, leaving room for the words below it."""
        width, height = float(self.width()), float(self.height())
        area_height = max(40.0, height - (self._words_height + 18.0))
        full = max(12.0, min(width * 0.5, area_height * 0.5) - 14.0)
        centre = QPointF(width / 2.0, 12.0 + area_height / 2.0)
        words = QRectF(0.0, centre.y() + full + 10.0, width, self._words_height)
        ratio = self.devicePixelRatioF()
        pixels = QSize(math.ceil(width * ratio), math.ceil(height * ratio))
        return _Layout(centre, full, words, pixels, ratio)

    def _radius(self, volume: float) -> float:
        full = self._geometry().full
        return full * (MIN_RADIUS_SHARE + (1.0 - MIN_RADIUS_SHARE) * volume)

    def _shape_rect(self, volume: float) -> QRect:
        """Everything the shape touches at ``volume``: its glow, and a pixel for antialiasing."""
        centre = self._geometry().centre
        reach = self._radius(volume) * GLOW_SHARE + 2.0
        return QRectF(centre.x() - reach, centre.y() - reach, 2 * reach, 2 * reach).toAlignedRect()

    def _pixel_rect(self, rect: QRect) -> QRect:
        ratio = self._geometry().ratio
        if ratio == 1.0:
            return rect
        return QRectF(
            rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
        ).toAlignedRect()

    # Drawing.

    def _update_fonts(self) -> None:
        look = current_look()
        self._word_font = QFont(self.font())
        self._word_font.setPointSizeF(look.points(30))
        self._word_font.setWeight(QFont.Weight.DemiBold)
        self._seconds_font = QFont(self.font())
        self._seconds_font.setPointSizeF(look.points(24))
        self._word_height = max(44.0, QFontMetricsF(self._word_font).height() + 8.0)
        self._seconds_height = max(34.0, QFontMetricsF(self._seconds_font).height() + 4.0)
        breath = look.breath
        self._top, self._bottom = _colour(breath.pacer_top), _colour(breath.pacer_bottom)
        self._centre, self._edge = _colour(breath.shape_centre), _colour(breath.shape_edge)
        self._ring, self._track = _colour(breath.ring), _colour(breath.bar_track)
        self._fill, self._glow = _colour(breath.bar_fill), _colour(breath.glow)
        self._text, self._text_soft = _colour(breath.pacer_text), _colour(breath.pacer_soft)

    @property
    def _words_height(self) -> float:
        """The phase word above the seconds."""
        return self._word_height + self._seconds_height

    def _make_backdrop(self) -> QPixmap:
        """What never moves, at this size: behind the corners, the background, ring or track."""
        geometry = self._geometry()
        backdrop = QPixmap(geometry.pixel_size)
        backdrop.setDevicePixelRatio(geometry.ratio)
        backdrop.fill(self.palette().color(QPalette.ColorRole.Window))
        painter = QPainter(backdrop)
        self._paint_behind(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        gradient.setColorAt(0.0, self._top)
        gradient.setColorAt(1.0, self._bottom)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawRoundedRect(rect, CORNER_RADIUS, CORNER_RADIUS)
        if self._reduced_motion:
            painter.setBrush(self._track)
            painter.drawRoundedRect(self._bar_rect(), 6.0, 6.0)
        else:
            centre, full = geometry.centre, geometry.full
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self._ring, 2.0))
            painter.drawEllipse(centre, full, full)
        painter.end()
        return backdrop

    def _paint_behind(self, painter: QPainter) -> None:
        """What shows in the rounded corners: the nearest ancestor that paints a background.

        Only that one is drawn: render() fills a plain widget with the palette, while the
        widgets between (the page, the stack) are see-through.
        """
        parent = self.parentWidget()
        while parent is not None and not parent.isWindow():
            if parent.autoFillBackground() or parent.testAttribute(
                Qt.WidgetAttribute.WA_StyledBackground
            ):
                offset = self.mapTo(parent, QPoint(0, 0))
                parent.render(
                    painter,
                    QPoint(0, 0),
                    QRegion(QRect(offset, self.size())),
                    QWidget.RenderFlag.DrawWindowBackground,
                )
                return
            parent = parent.parentWidget()

    def _paint_shape(self, painter: QPainter) -> None:
        centre = self._geometry().centre
        radius = self._radius(self._state.volume if self._state is not None else 0.0)
        glow = QRadialGradient(centre, radius * GLOW_SHARE)
        glow.setColorAt(0.0, self._glow)
        glow.setColorAt(1.0, QColor(self._glow.red(), self._glow.green(), self._glow.blue(), 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(glow)
        # The glow fades to nothing at its edge, so antialiasing it would only cost time; and
        # the opaque body covers the square inside it, so that square is left out.
        reach = radius * GLOW_SHARE
        inside = radius * 0.7  # just under radius / sqrt(2): wholly within the body
        outer = QRectF(centre.x() - reach, centre.y() - reach, 2 * reach, 2 * reach)
        hidden = QRectF(centre.x() - inside, centre.y() - inside, 2 * inside, 2 * inside)
        painter.save()
        painter.setClipRegion(
            QRegion(outer.toAlignedRect()).subtracted(QRegion(hidden.toRect())),
            Qt.ClipOperation.IntersectClip,
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawEllipse(centre, reach, reach)
        painter.restore()
        body = QRadialGradient(centre - QPointF(radius * 0.25, radius * 0.3), radius * 1.2)
        body.setColorAt(0.0, self._centre)
        body.setColorAt(1.0, self._edge)
        painter.setBrush(body)
        painter.drawEllipse(centre, radius, radius)

    def _bar_rect(self) -> QRectF:
        width = float(self.width())
        top = (self.height() - (self._words_height + BAR_BLOCK)) / 2.0
        margin = max(24.0, width * 0.14)
        return QRectF(
            margin, top + (self._words_height + BAR_BLOCK) - 12.0, width - 2 * margin, 12.0
        )

    def _paint_reduced(self, painter: QPainter) -> None:
        """No scaling: the words in the middle and a slow bar that fills across the step."""
        top = (self.height() - (self._words_height + BAR_BLOCK)) / 2.0
        self._paint_words(painter, QRectF(0.0, top, float(self.width()), self._words_height))
        bar = self._bar_rect()
        progress = self._state.progress if self._state is not None else 0.0
        if progress > 0.0:
            filled = QRectF(bar.left(), bar.top(), max(bar.height(), bar.width() * progress), 12.0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._fill)
            painter.drawRoundedRect(filled, 6.0, 6.0)

    def _paint_words(self, painter: QPainter, rect: QRectF) -> None:
        """The phase word and its seconds, laid out once each time they change."""
        words = _words(self._state)
        if self._words_drawn is None or self._words_drawn[0] != words:
            self._words_drawn = (words, self._render_words(*words, rect.width()))
        painter.drawPixmap(rect.topLeft(), self._words_drawn[1])

    def _render_words(self, word: str, seconds: str, width: float) -> QPixmap:
        ratio = self._geometry().ratio
        pixmap = QPixmap(math.ceil(width * ratio), math.ceil(self._words_height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._word_font)
        painter.setPen(self._text)
        word_height = self._word_height
        painter.drawText(QRectF(0.0, 0.0, width, word_height), Qt.AlignmentFlag.AlignCenter, word)
        if seconds:
            painter.setFont(self._seconds_font)
            painter.setPen(self._text_soft)
            painter.drawText(
                QRectF(0.0, word_height, width, self._seconds_height),
                Qt.AlignmentFlag.AlignCenter,
                seconds,
            )
        painter.end()
        return pixmap


def _words(state: PhaseState | None) -> tuple[str, str]:
    """The phase word and the whole seconds left in it, as drawn."""
    if state is None:
        return messages.PACER_READY, ""
    return state.word, str(max(1, math.ceil(state.seconds_left - 1e-6)))

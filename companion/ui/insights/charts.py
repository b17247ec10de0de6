"""Small bar charts drawn with QPainter from plain figures: stacked or side by side.

No charting library: QtCharts is in PySide6-Addons only (hundreds of MB), and these charts need
bars, a legend and a few labels. Colours come from the active look (chart_colours), sizes from
the font in points, so light, dark, high contrast and large text all draw as designed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from companion.core import formatting
from companion.ui.insights.chart_colours import CHART_COLOURS, SERIES, ChartColours
from companion.ui.look.theme import current_look

_RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def plain_number(value: float) -> str:
    """3 -> '3', 2.5 -> '2.5': counts read as counts."""
    return formatting.number(value, 1) if value != int(value) else formatting.number(value)


@dataclass(frozen=True)
class Bars:
    """The figures of one chart: ``values[category][series]``.

    ``categories`` label the slots along the bottom (a day, an hour); ``series`` name the
    parts of each bar (a reason; before and after) and fill the legend when there are two or
    more. ``scale`` fixes the top and names its steps (moods 1-5); without it the top follows
    the largest bar. ``label_every`` thins the labels along the bottom (24 hours). ``colours``
    picks each series' colour from the look's seven (a reason keeps its colour whichever show).
    """

    categories: tuple[str, ...]
    series: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    stacked: bool = True
    scale: dict[float, str] = field(default_factory=dict)
    label_every: int = 1
    colours: tuple[int, ...] = ()
    number: Callable[[float], str] = plain_number
    #: The categories as the table names them ("Monday 7 December"); else ``categories``.
    table_categories: tuple[str, ...] = ()
    #: A legend even for one series (reasons: the colour alone would not say which).
    legend: bool = False

    def has_legend(self) -> bool:
        return self.legend or len(self.series) > 1

    def table_labels(self) -> tuple[str, ...]:
        return self.table_categories or self.categories

    def colour_index(self, series: int) -> int:
        return self.colours[series] if series < len(self.colours) else series % SERIES

    def total(self, category: int) -> float:
        return sum(self.values[category])

    def top(self) -> float:
        if self.scale:
            return max(self.scale)
        tallest = (
            max(
                (self.total(i) if self.stacked else max(row, default=0))
                for i, row in enumerate(self.values)
            )
            if self.values
            else 0
        )
        return float(max(1, tallest))


def _steps(top: float, most: int = 4) -> list[float]:
    """Whole-number grid lines, at most ``most`` steps, from 0 to at least ``top``."""
    step = max(1, math.ceil(top / max(1, most)))
    return [float(step * i) for i in range(math.ceil(top / step) + 1)]


class BarChart(QWidget):
    """Draws a ``Bars``; what it shows is said by its accessible name and description."""

    def __init__(self, bars: Bars, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._bars = bars
        self._marks: dict[float, str] = {}
        self._follow_font()

    @property
    def bars(self) -> Bars:
        return self._bars

    def set_bars(self, bars: Bars) -> None:
        self._bars = bars
        self.updateGeometry()
        self.update()

    def _follow_font(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(current_look().points(12))
        self.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._follow_font()
            self.updateGeometry()
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self.update()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        """Eleven lines of text tall (nine for a few bars), and room for a legend that may
        wrap to two lines."""
        line = QFontMetricsF(self.font()).height()
        legend = 2.6 if self._bars.has_legend() else 0.0
        lines = 9 if len(self._bars.categories) <= 4 else 11
        return QSize(round(line * 24), round(line * (lines + legend)))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(round(line * 12), round(line * 8))

    def heightForWidth(self, width: int) -> int:
        return self.sizeHint().height()

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = CHART_COLOURS[current_look().appearance]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(colours.ground))
        metrics = QFontMetricsF(self.font())
        pad = metrics.height() * 0.5
        area = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)
        legend_height = self._paint_legend(painter, area, colours, metrics)
        area.setTop(area.top() + legend_height)
        plot = self._paint_scale(painter, area, colours, metrics)
        self._paint_bars(painter, plot, colours)
        self._paint_categories(painter, plot, colours, metrics)
        painter.end()

    def _paint_legend(
        self, painter: QPainter, area: QRectF, colours: ChartColours, metrics: QFontMetricsF
    ) -> float:
        """Swatch and name of each series, wrapping to a new line; the height it took."""
        if not self._bars.has_legend():
            return 0.0
        line, swatch = metrics.height(), metrics.height() * 0.7
        x, y = area.left(), area.top()
        for index, name in enumerate(self._bars.series):
            width = swatch + line * 0.3 + metrics.horizontalAdvance(name) + line
            if x > area.left() and x + width > area.right():
                x, y = area.left(), y + line * 1.2
            colour = QColor(colours.series[self._bars.colour_index(index)])
            swatch_top = y + (line - swatch) / 2
            painter.fillRect(QRectF(x, swatch_top, swatch, swatch), colour)
            painter.setPen(QColor(colours.ink))
            text_rect = QRectF(x + swatch + line * 0.3, y, width, line)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, name)
            x += width
        return y - area.top() + line * 1.5

    def _paint_scale(
        self, painter: QPainter, area: QRectF, colours: ChartColours, metrics: QFontMetricsF
    ) -> QRectF:
        """Grid lines and their labels on the left; the rectangle left for the bars."""
        bars = self._bars
        plot_height = area.height() - metrics.height() * 1.8
        # Labels at least one and a half lines apart, however small the chart is drawn.
        most = min(4, int(plot_height / (metrics.height() * 1.5)))
        marks = bars.scale or {v: plain_number(v) for v in _steps(bars.top(), most)}
        self._marks = marks
        label_width = max(metrics.horizontalAdvance(text) for text in marks.values())
        plot = area.adjusted(label_width + metrics.height() * 0.5, metrics.height() * 0.5, 0, 0)
        plot.setBottom(area.bottom() - metrics.height() * 1.3)
        top = max(marks)
        low = min(0.0, min(marks))
        for value, text in marks.items():
            y = plot.bottom() - (value - low) / (top - low) * plot.height()
            painter.setPen(QPen(QColor(colours.grid), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(colours.soft))
            label = QRectF(area.left(), y - metrics.height() / 2, label_width, metrics.height())
            painter.drawText(label, _RIGHT_MIDDLE, text)
        return plot

    def _paint_bars(self, painter: QPainter, plot: QRectF, colours: ChartColours) -> None:
        bars = self._bars
        if not bars.categories:
            return
        marks = self._marks
        top, low = max(marks), min(0.0, min(marks))
        slot = plot.width() / len(bars.categories)
        series_count = 1 if bars.stacked else max(1, len(bars.series))
        widest = QFontMetricsF(self.font()).height() * 2.5 * series_count
        width = max(2.0, min(slot * 0.62, widest))
        edge = QPen(QColor(colours.ground), 1)
        for index, row in enumerate(bars.values):
            left = plot.left() + index * slot + (slot - width) / 2
            base = plot.bottom()
            parts = width if bars.stacked else width / max(1, len(row))
            for series, value in enumerate(row):
                if value <= low:
                    continue
                height = (value - low) / (top - low) * plot.height()
                x = left if bars.stacked else left + series * parts
                y = base - height if bars.stacked else plot.bottom() - height
                rect = QRectF(x, y, parts, height)
                painter.setPen(edge)
                painter.setBrush(QColor(colours.series[bars.colour_index(series)]))
                painter.drawRect(rect)
                if bars.stacked:
                    base -= height
        painter.setPen(QPen(QColor(colours.soft), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())

    def _paint_categories(
        self, painter: QPainter, plot: QRectF, colours: ChartColours, metrics: QFontMetricsF
    ) -> None:
        bars = self._bars
        if not bars.categories:
            return
        slot = plot.width() / len(bars.categories)
        painter.setPen(QColor(colours.soft))
        every = max(1, bars.label_every)
        for index, text in enumerate(bars.categories):
            if index % every:
                continue
            room = max(slot * every, metrics.horizontalAdvance(text) + 2)
            centre = plot.left() + index * slot + slot / 2
            rect = QRectF(centre - room / 2, plot.bottom() + 2, room, metrics.height() * 1.2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

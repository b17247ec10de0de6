"""The breathing bench's floor: the pacer's picture drawn by the plainest PySide6 program.

    python bench/bare_animation.py

One 460x560 window titled "Floor — breathing", opaque, with a 16 ms precise timer; each tick
grows or shrinks a disc on a cyclic-sighing rhythm (in 3 s, out 6 s) and repaints only the
disc's square, drawn as the pacer draws it: the background, a radial-gradient glow and a
radial-gradient body, antialiased. No words, no layout, no Python logic worth the name: what
is left is what 60 repaints a second cost in Qt itself on this machine.
"""

from __future__ import annotations

import math
import sys
import time

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QRadialGradient
from PySide6.QtWidgets import QApplication, QWidget

TITLE = "Floor — breathing"
FRAME_MS = 16
CENTRE = QPointF(230.0, 230.0)
FULL_RADIUS = 150.0
MIN_SHARE = 0.38
GLOW_SHARE = 1.25


def volume_at(seconds: float) -> float:
    """0..1: up over 3 s, down over 6 s, eased, like the default pattern."""
    t = seconds % 9.0
    if t < 3.0:
        return 0.5 - 0.5 * math.cos(math.pi * t / 3.0)
    return 0.5 + 0.5 * math.cos(math.pi * (t - 3.0) / 6.0)


class BareAnimation(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(TITLE)
        self.resize(460, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._started = time.monotonic()
        self._radius = self._radius_at(0.0)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start(FRAME_MS)

    @staticmethod
    def _radius_at(seconds: float) -> float:
        return FULL_RADIUS * (MIN_SHARE + (1.0 - MIN_SHARE) * volume_at(seconds))

    def _tick(self) -> None:
        old = self._radius
        self._radius = self._radius_at(time.monotonic() - self._started)
        reach = max(old, self._radius) * GLOW_SHARE + 2.0
        square = QRectF(CENTRE.x() - reach, CENTRE.y() - reach, 2 * reach, 2 * reach)
        self.update(square.toAlignedRect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#133f51"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        reach = self._radius * GLOW_SHARE
        glow = QRadialGradient(CENTRE, reach)
        glow.setColorAt(0.0, QColor(159, 220, 210, 70))
        glow.setColorAt(1.0, QColor(159, 220, 210, 0))
        painter.setBrush(glow)
        painter.drawEllipse(CENTRE, reach, reach)
        body = QRadialGradient(CENTRE, self._radius * 1.2)
        body.setColorAt(0.0, QColor("#eefaf7"))
        body.setColorAt(1.0, QColor("#9fdcd2"))
        painter.setBrush(body)
        painter.drawEllipse(CENTRE, self._radius, self._radius)
        painter.end()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = BareAnimation()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

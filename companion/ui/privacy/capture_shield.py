"""Asks the OS to keep a private window (the journal, an entry, the calls) out of screen
captures and screen sharing, each time it is shown: Qt may have made a new native window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from companion.system.capture_exclusion import Capture, exclude_from_capture


class CaptureShield(QObject):
    """Lives as the window's child; ``last`` is what captures show of it now."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.last: Capture | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() == QEvent.Type.Show
        if shown and isinstance(watched, QWidget) and watched.isWindow():
            self.last = exclude_from_capture(int(watched.winId()))
        return False


def shield(window: QWidget) -> CaptureShield:
    return CaptureShield(window)

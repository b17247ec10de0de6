"""The before page's gentle countdown: breathing starts by itself unless the agent engages.

One click on the tray must be enough (issue #2): an agent who clicks and looks away still gets
a break. Anyone who starts doing something with the page (a key, a click, the wheel, moving the
pointer over it) has the countdown stopped, so they are never rushed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from companion.core.settings import Settings
from companion.ui.breathing import accessible
from companion.ui.breathing.messages import STOPPED_TEXT, countdown_text

#: Seconds the mood page waits before breathing starts by itself, unless Settings say otherwise.
AUTO_START_SECONDS = Settings().auto_start_seconds
#: Overrides the setting (0: never by itself). The end-to-end tests pin it to 0 so that a key
#: a loaded machine delivers late still finds the mood check, except in the test of the
#: countdown itself (tests/e2e/desktop.py). Nobody else has a use for it.
AUTO_START_ENV = "COMPANION_AUTO_START_S"
STEP_MS = 1000
#: How far the pointer must travel over the window to count as the agent moving it: a window
#: that appears under a still pointer gets enter and move events too.
POINTER_SLACK_PX = 8

_ENGAGING = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
_POINTER = {QEvent.Type.MouseMove, QEvent.Type.HoverMove, QEvent.Type.Enter}


def auto_start_seconds(environ: Mapping[str, str] = os.environ) -> int | None:
    """What ``AUTO_START_ENV`` sets when it is a whole number >= 0; else None: the setting."""
    text = environ.get(AUTO_START_ENV, "").strip()
    if text.isdecimal():
        return int(text)
    return None


class StartCountdown(QObject):
    """Counts ``seconds`` down on ``label`` in steps of ``step_ms``, then emits ``finished``.

    While it runs it watches the events of ``window`` (and only then: the filter is removed
    when it stops). ``step_ms`` is a parameter so tests can run it in milliseconds.
    """

    finished = Signal()

    def __init__(
        self, label: QLabel, window: QWidget, seconds: int, step_ms: int = STEP_MS
    ) -> None:
        super().__init__(window)
        self._label = label
        self._window = window
        self._left = seconds
        self._pointer_at = QPoint()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setObjectName("startCountdown")
        self._timer.setInterval(step_ms)
        self._timer.timeout.connect(self._on_step)
        label.hide()

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        if self._running or self._left <= 0:
            return
        self._running = True
        self._pointer_at = QCursor.pos()
        self._show_text(countdown_text(self._left))
        self._label.show()
        accessible.announce(self._label, countdown_text(self._left))  # once: not every second
        self._window.setMouseTracking(True)  # so a moving pointer is seen over any child
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def stop(self, *, say_so: bool = True) -> None:
        """Stop counting; with ``say_so`` the label tells the agent to take their time."""
        if not self._running:
            return
        self._running = False
        self._left = 0
        self._timer.stop()
        self._window.setMouseTracking(False)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if say_so:
            self._show_text(STOPPED_TEXT)
        else:
            self._label.hide()

    def _on_step(self) -> None:
        if not self._running:  # a tick already queued when it was stopped
            return
        self._left -= 1
        if self._left > 0:
            self._show_text(countdown_text(self._left))
            return
        self.stop(say_so=False)
        self.finished.emit()

    def _show_text(self, text: str) -> None:
        """The label's text is its accessible name too, so a screen reader reads the count."""
        self._label.setText(text)
        self._label.setAccessibleName(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _ENGAGING and kind not in _POINTER:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if kind in _ENGAGING or self._pointer_moved():
            self.stop()
        return False

    def _pointer_moved(self) -> bool:
        return (QCursor.pos() - self._pointer_at).manhattanLength() > POINTER_SLACK_PX

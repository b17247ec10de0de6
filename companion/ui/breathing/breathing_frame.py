"""The breathing window's shell: frameless, on top, rounded, with its title and close button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QMouseEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from companion.ui.breathing.breathing_pages import make_button
from companion.ui.breathing.breathing_style import breathing_stylesheet
from companion.ui.breathing.messages import CLOSE_NAME, TITLE, WINDOW_TITLE
from companion.ui.look.theme import size_for_text, style


class BreathingFrame(QWidget):
    """A calm top-level panel the pages sit in; a press on its background moves it.

    Subclasses add their widgets to :attr:`inner` in ``_build`` and call :meth:`finish_style`
    last: a stylesheet set before the children are added restyles each one as it arrives
    (about 0.2 ms an addWidget, a third of building the window).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        flags = (
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        super().__init__(parent, flags)
        self.setObjectName("breathingWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        size_for_text(self, 460, 560, min_width=420, min_height=520)
        frame = QWidget()
        frame.setObjectName("breathingFrame")
        frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        title = QLabel(TITLE)
        title.setObjectName("windowTitle")
        self.close_button = make_button("✕", CLOSE_NAME, "closeButton")
        self.close_button.clicked.connect(self.close)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.close_button)
        self.inner = QVBoxLayout(frame)
        self.inner.setContentsMargins(20, 12, 20, 20)
        self.inner.setSpacing(10)
        self.inner.addLayout(header)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def finish_style(self) -> None:
        look = style(self, breathing_stylesheet)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(look.breath.placeholder))
        self.setPalette(palette)

    def grow_to_fit(self) -> None:
        """Grow rather than squeeze the contents; resize() (not a new minimum) keeps the
        window movable and avoids asking the platform to change size hints."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = self.minimumSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A frameless window has no title bar: let a press on the background move it.
        handle = self.windowHandle()
        if event.button() == Qt.MouseButton.LeftButton and handle is not None:
            handle.startSystemMove()
        super().mousePressEvent(event)

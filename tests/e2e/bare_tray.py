"""A bare PySide6 tray icon: the harness's test subject and the start-up benchmark's floor.

Left click (Trigger) opens a window titled "Bare — clicked", which Escape closes; the context
menu has one action, "Quit". It prints nothing. Run it with `python tests/e2e/bare_tray.py` under
a display.
"""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QSystemTrayIcon, QVBoxLayout, QWidget

CLICKED_TITLE = "Bare — clicked"


def make_icon() -> QIcon:
    """A teal disc on transparency, drawn so the script needs no resource files."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#2a9d8f"))
    painter.setPen(QColor("#ffffff"))
    painter.drawEllipse(4, 4, 56, 56)
    painter.end()
    return QIcon(pixmap)


class BareTray:
    """Owns the tray icon, its menu and the window a click opens."""

    def __init__(self, app: QApplication) -> None:
        self._window = QWidget()
        self._window.setWindowTitle(CLICKED_TITLE)
        layout = QVBoxLayout(self._window)
        layout.addWidget(QLabel("The tray icon was clicked."))
        self._window.resize(320, 120)
        # Escape closes the window, so tests can check that keys reach it.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self._window, self._window.close)
        self._menu = QMenu()
        quit_action = QAction("Quit", self._menu)
        quit_action.triggered.connect(app.quit)
        self._menu.addAction(quit_action)
        self._tray = QSystemTrayIcon(make_icon())
        self._tray.setToolTip("Bare tray")
        self._tray.setContextMenu(self._menu)
        self._tray.activated.connect(self._on_activated)
        self._tray.show()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._window.show()
            self._window.raise_()
            self._window.activateWindow()


def main() -> int:
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    app.setApplicationName("bare-tray")
    _tray = BareTray(app)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

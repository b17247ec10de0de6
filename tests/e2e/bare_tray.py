"""A bare PySide6 tray icon: the harness's test subject and the start-up benchmark's floor.

Left click (Trigger) opens a window titled "Bare — clicked", which Escape closes; the context
menu has one action, "Quit". It prints nothing. Run it with `python tests/e2e/bare_tray.py` under
a display.
"""

import sys
from pathlib import Path

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


def hold_the_stack(folder: str) -> tuple[object, object]:
    """What any tray app built on Companion's fixed choices holds while idle: an open SQLite
    database (WAL, one table, one FTS5 index; the standard library's sqlite3, as Companion's
    journal is opened) and a single-instance QLocalServer.

    `--with-stack FOLDER` adds it, so the idle bench can show which part of Companion's
    footprint is the stack and which is Companion's own (issue #5).
    """
    import sqlite3

    from PySide6.QtNetwork import QLocalServer

    db = sqlite3.connect(Path(folder) / "stack.db", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT)")
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS notes_fts USING fts5 (text, content=notes)")
    db.execute("INSERT OR IGNORE INTO notes (id, text) VALUES (1, 'hello')")
    db.execute("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')")
    db.execute("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'hello'").fetchone()
    server = QLocalServer()
    server.listen(str(Path(folder) / "stack.sock"))
    return db, server


def main() -> int:
    app = QApplication(sys.argv)
    held = hold_the_stack(sys.argv[2]) if sys.argv[1:2] == ["--with-stack"] else None
    app.setQuitOnLastWindowClosed(False)
    app.setApplicationName("bare-tray")
    _tray = BareTray(app)
    code = app.exec()
    del held
    return code


if __name__ == "__main__":
    sys.exit(main())

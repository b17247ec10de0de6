"""Whether the agent has a window of Companion's open (the app waits for none before it
moves the temporary journal into the file: a window may hold one of its rows)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def no_window_shown(but: QWidget | None = None) -> bool:
    """No top-level window is visible, ``but`` aside (the small window without a tray)."""
    return not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not but]

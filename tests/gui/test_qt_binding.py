"""Guards against a Qt binding that corrupts reference counts (PySide6 6.12.0 on Python 3.11).

Each Qt call that returns nothing dropped a reference to None; the pacer makes thousands a
minute, so the app aborted mid-break with "Fatal Python error: none_dealloc".
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
        widget.setToolTip("steady")
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 100, f"None lost {-drift} references: this PySide6 build is unsafe"

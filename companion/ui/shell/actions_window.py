"""The small always-available window used when the desktop has no system tray."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.core.calls import Reason
from companion.ui.shell.tray import tooltip_for
from companion.ui.shell.window_activation import bring_forward as bring_window_forward

WINDOW_TITLE = "Companion"
NO_TRAY_TEXT = "Your desktop has no tray, so Companion lives in this small window."

_STYLE = """
QWidget#actionsWindow { background: #f4f7f6; }
QLabel { color: #23403d; font-size: 13px; }
QLabel#countLabel { color: #4b6461; }
QLabel#noTrayNote { color: #4b6461; font-size: 12px; }
QPushButton { font-size: 14px; padding: 8px 14px; border-radius: 8px;
              border: 1px solid #b9cfcb; background: #ffffff; color: #1d3b38; }
QPushButton:focus { border: 2px solid #1f7a74; }
QPushButton#hardCallButton { background: #1f7a74; color: white; font-size: 16px;
                             font-weight: 600; padding: 14px; border: none; }
QPushButton#hardCallButton:focus { border: 3px solid #0b3d3a; }
QComboBox { font-size: 13px; padding: 6px; }
"""


class ActionsWindow(QWidget):
    """The tray's actions as buttons; closing it hides it (Quit really quits)."""

    quick_tag_requested = Signal()
    tag_requested = Signal(object)
    break_requested = Signal()
    journal_requested = Signal()
    calls_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionsWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.setWindowIcon(icon)
        self.setStyleSheet(_STYLE)
        self._count = QLabel()
        self._count.setObjectName("countLabel")
        self._reason = QComboBox()
        self._reason.setAccessibleName("Reason for the hard call")
        self._reason.addItem("Choose a reason (optional)", None)
        for reason in Reason:
            self._reason.addItem(reason.label, reason.value)
        #: Recent hard calls, and the reminder part of the tray menu (callbacks, pause,
        #: settings) under it.
        self.more_menu = QMenu(self)
        self.more_menu.addAction("Recent hard calls…").triggered.connect(self.calls_requested.emit)
        self._build()
        self.set_today_count(0)
        self.setMinimumWidth(320)

    def _build(self) -> None:
        hard_call = QPushButton("I just had a hard call")
        hard_call.setObjectName("hardCallButton")
        hard_call.setDefault(True)
        hard_call.clicked.connect(self._on_hard_call)
        breathe = QPushButton("Breathing break")
        breathe.clicked.connect(self.break_requested.emit)
        journal = QPushButton("Journal…")
        journal.clicked.connect(self.journal_requested.emit)
        more = QPushButton("More")
        more.setMenu(self.more_menu)
        quit_button = QPushButton("Quit")
        quit_button.clicked.connect(self.quit_requested.emit)
        row = QHBoxLayout()
        row.addWidget(breathe)
        row.addWidget(journal)
        row.addWidget(more)
        row.addStretch(1)
        row.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(10)
        note = QLabel(NO_TRAY_TEXT)
        note.setObjectName("noTrayNote")
        note.setWordWrap(True)
        layout.addWidget(hard_call)
        layout.addWidget(self._reason)
        layout.addWidget(self._count)
        layout.addLayout(row)
        layout.addWidget(note)
        hard_call.setFocus()

    def set_today_count(self, count: int) -> None:
        text = tooltip_for(count).split("\n")[0].removeprefix("Companion — ")
        self._count.setText(text)

    def bring_forward(self) -> None:
        bring_window_forward(self)

    def _on_hard_call(self) -> None:
        value = self._reason.currentData()
        if isinstance(value, str):
            self.tag_requested.emit(Reason(value))
        else:
            self.quick_tag_requested.emit()
        self._reason.setCurrentIndex(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Hiding instead of closing keeps the app alive; "Quit" is the way out."""
        event.ignore()
        self.showMinimized()

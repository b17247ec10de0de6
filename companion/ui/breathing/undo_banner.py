""" "Call tagged at 10:41 · Undo": shown for as long as the break window is open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from companion.core.calls import DifficultCall
from companion.ui.breathing import messages
from companion.ui.breathing.breathing_pages import make_button


class UndoBanner(QFrame):
    """Stays, quietly and without a timer, until the tag is undone or the window closes.

    A tag undone only within a few seconds is a time limit (WCAG 2.2.1): someone who reads
    slowly, or reaches the button by keyboard, could miss it. Nothing here changes on its own.
    """

    undo_clicked = Signal()

    def __init__(self, call: DifficultCall, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBanner")
        self._dismissed = False
        label = QLabel(messages.tagged_at_text(call.tagged_at))
        self.undo_button: QPushButton = make_button(messages.UNDO, messages.UNDO_NAME, "linkButton")
        self.undo_button.clicked.connect(self._on_undo_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 2, 6, 2)
        layout.addWidget(label)
        layout.addWidget(self.undo_button)
        layout.addStretch(1)

    @property
    def dismissed(self) -> bool:
        return self._dismissed

    def dismiss(self) -> None:
        self._dismissed = True
        self.hide()

    def _on_undo_clicked(self) -> None:
        self.dismiss()
        self.undo_clicked.emit()

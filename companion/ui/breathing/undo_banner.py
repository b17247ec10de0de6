""" "Call tagged at 10:41 · Undo": shown only while a tag can still be taken back."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from companion.core.calls import UNDO_WINDOW, DifficultCall, can_undo
from companion.core.ports import Clock
from companion.ui.breathing import messages
from companion.ui.breathing.breathing_pages import make_button


class UndoBanner(QFrame):
    """Hides itself when core says the undo window has passed.

    It checks on :meth:`refresh` (the breathing window calls it every frame) and once more by
    a single-shot timer at the moment the window should end, so it also goes when idle.
    """

    undo_clicked = Signal()

    def __init__(self, call: DifficultCall, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBanner")
        self._call = call
        self._clock = clock
        self._dismissed = False
        self._expiry = QTimer(self)
        self._expiry.setObjectName("undoExpiry")
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.refresh)
        label = QLabel(messages.tagged_at_text(call.tagged_at))
        undo = make_button(messages.UNDO, messages.UNDO_NAME, "linkButton")
        undo.clicked.connect(self._on_undo_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 2, 6, 2)
        layout.addWidget(label)
        layout.addWidget(undo)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        if self._dismissed:
            return
        now = self._clock.now()
        if not can_undo(self._call, now):
            self.dismiss()
        elif not self._expiry.isActive():
            left = UNDO_WINDOW - (now - self._call.tagged_at)
            self._expiry.start(max(100, int(left.total_seconds() * 1000) + 50))

    @property
    def dismissed(self) -> bool:
        return self._dismissed

    def dismiss(self) -> None:
        self._dismissed = True
        self._expiry.stop()
        self.hide()

    def _on_undo_clicked(self) -> None:
        self.dismiss()
        self.undo_clicked.emit()

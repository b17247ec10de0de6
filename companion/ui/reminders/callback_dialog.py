"""Add a callback: who to call back (a case, a few words) and when ("15:30", "in 2 hours")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from companion.core.calls import clean_text
from companion.core.reminder_texts import MAX_CALLBACK_TEXT, InvalidWhen, clock_time, parse_when

TITLE = "Companion — Call back later"


class CallbackDialog(QDialog):
    """Emits ``callback_requested(due_at, text, case_ref)`` once the time reads well."""

    callback_requested = Signal(object, str, object)

    def __init__(
        self,
        now: Callable[[], datetime],
        case_ref: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._now = now
        self.case = QLineEdit(case_ref or "")
        self.case.setPlaceholderText("e.g. 4711")
        self.text = QLineEdit()
        self.text.setMaxLength(MAX_CALLBACK_TEXT)
        self.text.setPlaceholderText("e.g. confirm the refund went through")
        self.when = QLineEdit()
        self.when.setPlaceholderText("15:30, or in 2 hours")
        self.when.textChanged.connect(self._on_when_changed)
        self.hint = QLabel(" ")
        self.hint.setObjectName("whenHint")
        form = QFormLayout()
        form.addRow("Case", self.case)
        form.addRow("About", self.text)
        form.addRow("When", self.when)
        form.addRow("", self.hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Companion will remind you, even outside your shift."))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        (self.when if case_ref else self.case).setFocus()

    def _on_when_changed(self, text: str) -> None:
        if not text.strip():
            self.hint.setText(" ")
            return
        try:
            self.hint.setText(f"At {clock_time(parse_when(text, self._now()))}")
        except InvalidWhen as error:
            self.hint.setText(str(error))

    def _on_save(self) -> None:
        try:
            due_at = parse_when(self.when.text(), self._now())
        except InvalidWhen as error:
            self.hint.setText(str(error))
            self.when.setFocus()
            return
        case_ref = clean_text(self.case.text(), 80, single_line=True)
        text = clean_text(self.text.text(), MAX_CALLBACK_TEXT, single_line=True) or ""
        self.callback_requested.emit(due_at, text, case_ref)
        self.accept()

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

from companion.core import formatting
from companion.core.calls import clean_text
from companion.core.reminder_texts import MAX_CALLBACK_TEXT, InvalidWhen, parse_when
from companion.ui.look.theme import size_for_text
from companion.ui.reminders import messages
from companion.ui.shell.clock_fields import as_24_hour


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
        self.setWindowTitle(messages.CALLBACK_TITLE)
        self._now = now
        self.case = QLineEdit(case_ref or "")
        self.case.setPlaceholderText(messages.CASE_PLACEHOLDER)
        self.text = QLineEdit()
        self.text.setMaxLength(MAX_CALLBACK_TEXT)
        self.text.setPlaceholderText(messages.ABOUT_PLACEHOLDER)
        self.when = QLineEdit()
        self.when.setPlaceholderText(messages.when_placeholder())
        self.when.textChanged.connect(self._on_when_changed)
        self.hint = QLabel(" ")
        self.hint.setObjectName("whenHint")
        form = QFormLayout()
        form.addRow(messages.CASE, self.case)
        form.addRow(messages.ABOUT, self.text)
        form.addRow(messages.WHEN, self.when)
        form.addRow("", self.hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(messages.CALLBACK_INTRO)
        intro.setWordWrap(True)  # a third longer in German or French, at twice the text size
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        size_for_text(self, 0, 0, min_width=420)
        (self.when if case_ref else self.case).setFocus()

    def _on_when_changed(self, text: str) -> None:
        if not text.strip():
            self.hint.setText(" ")
            return
        try:
            due = parse_when(as_24_hour(text), self._now())
            self.hint.setText(messages.due_at(formatting.time_of_day(due)))
        except InvalidWhen as error:
            self.hint.setText(str(error))

    def _on_save(self) -> None:
        try:
            due_at = parse_when(as_24_hour(self.when.text()), self._now())
        except InvalidWhen as error:
            self.hint.setText(str(error))
            self.when.setFocus()
            return
        case_ref = clean_text(self.case.text(), 80, single_line=True)
        text = clean_text(self.text.text(), MAX_CALLBACK_TEXT, single_line=True) or ""
        self.callback_requested.emit(due_at, text, case_ref)
        self.accept()

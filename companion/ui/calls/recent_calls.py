"""Recent hard calls: add or change a call's details later, outside the break window."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from companion.core.calls import MAX_INTENSITY, DifficultCall
from companion.core.ports import CallRepository, Clock, StorageUnavailable
from companion.ui.calls import messages
from companion.ui.calls.call_details import CallDetailsForm
from companion.ui.journal.journal_style import journal_stylesheet, make_button, make_label
from companion.ui.journal.messages import local, when_text
from companion.ui.look.theme import Look, size_for_text, style
from companion.ui.privacy.capture_shield import shield
from companion.ui.shell.button_rows import SPACING, button_rows, room, wanted
from companion.ui.shell.questions import Question, ask_safely

RECENT_LIMIT = 20


def _sheet(look: Look) -> str:
    """The journal's sheet and the list's own rules, for ``look``."""
    c = look.paper
    return (
        journal_stylesheet(look)
        + f"""
QWidget#recentCalls {{ background: {c.paper}; }}
QWidget#recentCalls QLabel {{ color: {c.ink}; font-size: {look.pt(14)}; }}
QListWidget#recentCallsList {{
    background: {c.card}; border: 1px solid {c.line}; border-radius: 8px; font-size: {look.pt(14)};
    padding: 3px; color: {c.ink};
}}
QListWidget#recentCallsList:focus {{ border: 2px solid {c.accent}; }}
QListWidget#recentCallsList::item {{ padding: 6px 4px; }}
QListWidget#recentCallsList::item:selected {{ background: {c.selected}; color: {c.ink}; }}
QPushButton#intensityButton {{ min-width: 34px; padding: 6px 0; }}
QPushButton#intensityButton:checked {{ background: {c.selected}; border: 2px solid {c.accent}; }}
QComboBox {{ font-size: {look.pt(14)}; padding: 5px; }}
"""
    )


def row_text(call: DifficultCall, now: datetime) -> str:
    """'Today 10:41 · Angry · 4 of 5 · CS-4711': what is known, and that the rest is open."""
    moment = local(call.tagged_at, now)
    today = moment.date() == now.date()
    when = messages.today_at(moment) if today else when_text(moment, now)
    parts = [when, call.reason.label if call.reason is not None else messages.NO_REASON_GIVEN]
    if call.intensity is not None:
        parts.append(messages.intensity_text(call.intensity, MAX_INTENSITY))
    if call.case_ref:
        parts.append(call.case_ref)
    return messages.ROW_SEPARATOR.join(parts)


_WIDTH = 580


class RecentCallsWindow(QWidget):
    """The latest calls, newest first; the chosen one's details are saved as they change.

    ``call_changed`` carries each saved call, so the journal can show the new reason.
    ``remove_requested`` carries the chosen call once the agent has said yes to removing its
    tag; the flow removes it and calls :meth:`refresh` (or :meth:`show_error`).
    """

    call_changed = Signal(object)
    remove_requested = Signal(object)
    #: "Debrief summary…": the chosen call, in a list (the summary can take several).
    debrief_requested = Signal(object)

    def __init__(self, calls: CallRepository, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.capture_shield = shield(self)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("recentCalls")
        self.setWindowTitle(messages.TITLE)
        style(self, _sheet)
        self._calls = calls
        self._clock = clock
        self._shown: list[DifficultCall] = []
        self._form: CallDetailsForm | None = None
        self._list = QListWidget()
        self._list.setObjectName("recentCallsList")
        self._list.setAccessibleName(messages.LIST_NAME)
        self._list.setMinimumHeight(170)
        self._list.currentRowChanged.connect(self._on_row_changed)
        self._hint = make_label(messages.CHOOSE_TEXT, "soft")
        self._error = make_label("", "errorLabel")
        self._error.hide()
        self._remove = make_button(messages.REMOVE, messages.REMOVE_NAME)
        self._remove.clicked.connect(self._on_remove_clicked)
        self._debrief = make_button(messages.DEBRIEF, messages.DEBRIEF_NAME)
        self._debrief.clicked.connect(self._on_debrief_clicked)
        self._close = close = make_button(messages.CLOSE, messages.CLOSE_NAME)
        close.clicked.connect(self.close)
        self._details = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._hint)
        layout.addLayout(self._details)
        layout.addWidget(self._error)
        self._add_footer(layout)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        size_for_text(self, _WIDTH, 560)  # three buttons beside the footer, not a tall column

    def _add_footer(self, layout: QVBoxLayout) -> None:
        """The footer beside the three buttons, or above them where the screen is too narrow
        (twice the text size, a longer language); the buttons then take the rows they need."""
        footer = make_label(messages.FOOTER, "footer")
        buttons = [self._remove, self._debrief, self._close]
        beside = wanted(self, buttons) + footer.sizeHint().width() + SPACING
        if beside <= room(self, 16, design_width=_WIDTH):
            row = QHBoxLayout()
            row.addWidget(footer, 1)
            for button in buttons:
                row.addWidget(button)
            layout.addLayout(row)
            return
        layout.addWidget(footer)
        layout.addLayout(button_rows(self, buttons[:-1], last=self._close, margins=16))

    @property
    def form(self) -> CallDetailsForm | None:
        """The details of the chosen call (None when none is chosen)."""
        return self._form

    def bring_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the latest calls again; choose ``select_id`` (read on its own if older)."""
        try:
            calls = self._calls.recent(RECENT_LIMIT)
            if select_id is not None and all(c.id != select_id for c in calls):
                older = self._calls.get(select_id)
                calls += [older] if older is not None else []
        except StorageUnavailable as error:
            self.show_error(str(error))
            return
        self._error.hide()
        self._shown = calls
        now = self._clock.now()
        rows = [i for i, c in enumerate(calls) if c.id == select_id]
        self._list.blockSignals(True)  # one form for the row chosen below, not one per step
        self._list.clear()
        for call in calls:
            self._list.addItem(QListWidgetItem(row_text(call, now)))
        self._list.setCurrentRow(rows[0] if rows else (0 if calls else -1))
        self._list.blockSignals(False)
        self._hint.setText(messages.CHOOSE_TEXT if calls else messages.EMPTY_TEXT)
        self._on_row_changed(self._list.currentRow())

    def _on_row_changed(self, row: int) -> None:
        if self._form is not None:
            self._form.commit()  # what was typed in the last one is kept
            self._details.removeWidget(self._form)
            self._form.hide()
            self._form.deleteLater()
            self._form = None
        self._remove.setEnabled(0 <= row < len(self._shown))
        self._debrief.setEnabled(0 <= row < len(self._shown))
        if not 0 <= row < len(self._shown):
            return
        self._form = CallDetailsForm(self._shown[row], collapsible=False)
        self._form.details_changed.connect(lambda call, r=row: self._on_details_changed(r, call))
        self._details.addWidget(self._form)
        self._form.show()
        # Tab goes as the eye does: the list, the details, then "Remove tag…", "Debrief
        # summary…" and Close (the form, made later than the buttons, would otherwise come
        # after them).
        QWidget.setTabOrder(self._form.note_edit(), self._remove)
        QWidget.setTabOrder(self._remove, self._debrief)
        QWidget.setTabOrder(self._debrief, self._close)

    def _on_details_changed(self, row: int, call: DifficultCall) -> None:
        try:
            self._calls.update(call)
        except StorageUnavailable as error:
            self.show_error(messages.not_saved(error))
            return
        self._error.hide()
        self._shown[row] = call
        item = self._list.item(row)
        if item is not None:
            item.setText(row_text(call, self._clock.now()))
        self.call_changed.emit(call)

    def _on_remove_clicked(self) -> None:
        row = self._list.currentRow()
        if not 0 <= row < len(self._shown):
            return
        if self._form is not None:
            self._form.commit()  # as when moving on: nothing typed is sent after a removal
        call = self._shown[row]
        if self._confirm_remove(row_text(call, self._clock.now())):
            self.remove_requested.emit(call)  # the flow has refreshed the list when it returns
            if all(shown.id != call.id for shown in self._shown) and self._shown:
                self._list.setCurrentRow(min(row, len(self._shown) - 1))  # the next one down
        self._list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_debrief_clicked(self) -> None:
        row = self._list.currentRow()
        if 0 <= row < len(self._shown):
            if self._form is not None:
                self._form.commit()  # the summary reads what was just typed
            self.debrief_requested.emit([self._shown[row]])

    def _confirm_remove(self, row: str) -> bool:
        question = Question(
            messages.REMOVE_TITLE,
            messages.remove_question(row),
            messages.REMOVE_GO,
            messages.KEEP,
            informative=messages.REMOVE_KEPT,
        )
        return ask_safely(question, self, name="removeTagBox")

    def show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._form is not None:
            self._form.commit()
        super().closeEvent(event)

"""“Debrief summary…”: pick a period or some calls, tick what goes in, read and edit the text,
then copy, save or print it. Companion composes the text here; it never sends it anywhere.

Edits: the agent's edits stay until they change a tick, the period or the calls. Then the
text is written again for the new choice as one undoable step, and a line says that Ctrl+Z
brings the edits back (rather than asking first, which would stop them at every tick).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from companion.core.calls import DifficultCall
from companion.core.debrief import DebriefRecords, Ticks, compose
from companion.core.debrief_period import chosen_days
from companion.core.insights import Period, recent_weeks, this_week
from companion.core.ports import StorageUnavailable
from companion.flows.debrief import DebriefReader
from companion.ui.calls.recent_calls import row_text
from companion.ui.debrief import messages
from companion.ui.debrief.debrief_files import (
    ExportRecords,
    Outcome,
    ask_and_export,
    ask_and_save,
)
from companion.ui.journal.journal_style import journal_stylesheet, make_button, make_label
from companion.ui.look.keys import key_name
from companion.ui.look.theme import Look, size_for_text, style
from companion.ui.privacy.capture_shield import shield
from companion.ui.shell.button_rows import button_rows, room, wanted
from companion.ui.shell.clock_fields import as_region_writes

WEEK, FOUR_WEEKS, DAYS, CALLS = range(4)
_WIDTH = 720


def _columns_fit(window: QWidget, boxes: list[QCheckBox], columns: int, width: int) -> bool:
    wanted(window, boxes)  # measured in the window's style sheet
    widths = [max(box.sizeHint().width() for box in boxes[c::columns]) for c in range(columns)]
    return sum(widths) + 18 * (columns - 1) <= width


def _sheet(look: Look) -> str:
    c = look.paper
    return (
        journal_stylesheet(look)
        + f"""
QWidget#debriefDialog {{ background: {c.paper}; }}
QWidget#debriefDialog QLabel {{ color: {c.ink}; font-size: {look.pt(14)}; }}
QWidget#debriefDialog QLabel#soft {{ color: {c.soft}; font-size: {look.pt(13)}; }}
QCheckBox {{ color: {c.ink}; font-size: {look.pt(14)}; spacing: 6px; padding: 2px; }}
QCheckBox:focus {{ color: {c.accent}; }}
QComboBox, QDateEdit {{ font-size: {look.pt(14)}; padding: 4px; }}
QListWidget#debriefCalls {{
    background: {c.card}; color: {c.ink}; border: 1px solid {c.line}; border-radius: 8px;
    font-size: {look.pt(14)};
}}
QListWidget#debriefCalls:focus {{ border: 2px solid {c.accent}; }}
QPlainTextEdit#debriefText {{ font-size: {look.pt(14)}; padding: 8px 10px; }}
"""
    )


class DebriefDialog(QWidget):
    """The summary of a period (this week at first) or of calls the agent ticks in a list."""

    def __init__(
        self,
        reader: DebriefReader,
        now: Callable[[], datetime],
        export_records: ExportRecords | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.capture_shield = shield(self)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("debriefDialog")
        self.setWindowTitle(messages.TITLE)
        style(self, _sheet)
        self._reader, self._now, self._export_records = reader, now, export_records
        self._records = DebriefRecords()
        self._period: Period | None = None
        self._composed = ""
        self._offered: list[DifficultCall] = []
        self._build()
        self._reload()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        size_for_text(self, _WIDTH, 720)

    # Building.

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(make_label(messages.INTRO))
        layout.addLayout(self._period_row())
        self.calls_list = QListWidget()
        self.calls_list.setObjectName("debriefCalls")
        self.calls_list.setAccessibleName(messages.CALLS_NAME)
        self.calls_list.setMaximumHeight(150)
        self.calls_list.itemChanged.connect(lambda _item: self._reload())
        self.calls_list.hide()
        layout.addWidget(self.calls_list)
        layout.addLayout(self._tick_grid())
        layout.addWidget(make_label(messages.CASE_REFS_NOTE, "soft"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("debriefText")
        self.text.setAccessibleName(messages.TEXT_NAME)
        self.text.setTabChangesFocus(True)  # keyboard users leave the text with Tab
        layout.addWidget(self.text, 1)
        self.edits_note = make_label(
            messages.EDITS_REPLACED.format(key=key_name(QKeySequence.StandardKey.Undo)), "soft"
        )
        self.edits_note.hide()
        layout.addWidget(self.edits_note)
        self.status = make_label("", "soft")
        self.error = make_label("", "errorLabel")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(make_label(messages.NOTHING_SENT, "soft"))
        layout.addLayout(self._buttons())
        layout.addWidget(self.status)

    def _period_row(self) -> QHBoxLayout:
        self.period = QComboBox()
        self.period.setAccessibleName(messages.PERIOD_NAME)
        for text in (messages.THIS_WEEK, messages.FOUR_WEEKS, messages.CHOSEN_DAYS):
            self.period.addItem(text)
        self.period.addItem(messages.CHOSEN_CALLS)
        now = self._now()
        today = QDate(now.year, now.month, now.day)
        self.first_day = self._date_edit(messages.FROM_NAME, today.addDays(-6))
        self.last_day = self._date_edit(messages.TO_NAME, today)
        self._to_label = QLabel(messages.TO)
        row = QHBoxLayout()
        label = QLabel(messages.PERIOD)
        label.setBuddy(self.period)
        row.addWidget(label)
        row.addWidget(self.period)
        row.addWidget(self.first_day)
        row.addWidget(self._to_label)
        row.addWidget(self.last_day)
        row.addStretch(1)
        self._show_days(False)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        return row

    def _date_edit(self, name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        as_region_writes(edit, with_date=True)
        edit.dateChanged.connect(lambda _day: self._reload())
        return edit

    def _tick_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.ticks: dict[str, QCheckBox] = {}
        for key, text, description in messages.TICKS:
            box = QCheckBox(text)
            box.setAccessibleName(text)
            box.setAccessibleDescription(description)
            box.setToolTip(description)
            box.setChecked(getattr(Ticks(), key))
            box.toggled.connect(lambda _on: self._recompose())
            self.ticks[key] = box
        # Three columns, or two where three would be wider than the window (a longer language,
        # larger text).
        boxes = list(self.ticks.values())
        columns = 3 if _columns_fit(self, boxes, 3, room(self, 16, design_width=_WIDTH)) else 2
        grid.addWidget(QLabel(messages.INCLUDE), 0, 0, 1, columns)
        for n, box in enumerate(boxes):
            grid.addWidget(box, 1 + n // columns, n % columns)
        return grid

    def _buttons(self) -> QBoxLayout:
        self.copy_button = make_button(messages.COPY, messages.COPY_NAME, "primaryButton")
        self.copy_button.clicked.connect(self._on_copy)
        self.save_button = make_button(messages.SAVE, messages.SAVE_NAME)
        self.save_button.clicked.connect(self._on_save)
        self.print_button = make_button(messages.PRINT, messages.PRINT_NAME)
        self.print_button.clicked.connect(self._on_print)
        self.export_button = make_button(messages.EXPORT, messages.EXPORT_NAME)
        self.export_button.clicked.connect(self._on_export)
        self.export_button.setVisible(self._export_records is not None)
        close = make_button(messages.CLOSE, messages.CLOSE_NAME)
        close.clicked.connect(self.close)
        buttons = [self.copy_button, self.save_button, self.print_button, self.export_button]
        shown = [*buttons[:3], close] + ([self.export_button] if self._export_records else [])
        if wanted(self, shown) > room(self, 16, design_width=_WIDTH):
            return button_rows(self, buttons, last=close, margins=16)
        row = QHBoxLayout()
        for button in buttons[:3]:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(close)
        return row

    # What the agent chose.

    def current_ticks(self) -> Ticks:
        return Ticks(**{key: box.isChecked() for key, box in self.ticks.items()})

    def choose_calls(self, calls: Sequence[DifficultCall]) -> None:
        """Switch to "Calls I choose" with ``calls`` ticked in the list."""
        wanted = {call.id for call in calls}
        self._offer_calls(extra=list(calls))
        self.calls_list.blockSignals(True)
        for row, call in enumerate(self._offered):
            item = self.calls_list.item(row)
            item.setCheckState(
                Qt.CheckState.Checked if call.id in wanted else Qt.CheckState.Unchecked
            )
        self.calls_list.blockSignals(False)
        self.period.setCurrentIndex(CALLS)
        self._reload()

    def _on_period_changed(self, index: int) -> None:
        self._show_days(index == DAYS)
        if index == CALLS and not self._offered:
            self._offer_calls()
        self.calls_list.setVisible(index == CALLS)
        self._reload()

    def _show_days(self, shown: bool) -> None:
        for widget in (self.first_day, self._to_label, self.last_day):
            widget.setVisible(shown)

    def _offer_calls(self, extra: Sequence[DifficultCall] = ()) -> None:
        try:
            recent = self._reader.recent_calls()
        except StorageUnavailable as error:
            self._show_error(messages.NOT_READ.format(reason=error))
            recent = []
        known = {call.id for call in recent}
        self._offered = recent + [call for call in extra if call.id not in known]
        now = self._now()
        self.calls_list.blockSignals(True)
        self.calls_list.clear()
        for call in self._offered:
            item = QListWidgetItem(row_text(call, now))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.calls_list.addItem(item)
        if not self._offered:
            self.calls_list.addItem(QListWidgetItem(messages.NO_CALLS))
        self.calls_list.blockSignals(False)

    def _chosen_period(self) -> Period | None:
        now, index = self._now(), self.period.currentIndex()
        if index == WEEK:
            return this_week(now)
        if index == FOUR_WEEKS:
            return recent_weeks(now)
        if index == DAYS:
            return chosen_days(_day(self.first_day.date()), _day(self.last_day.date()))
        return None

    def _ticked_calls(self) -> list[DifficultCall]:
        return [
            call
            for row, call in enumerate(self._offered)
            if self.calls_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    # The text.

    def _reload(self) -> None:
        """Read the records for the period or calls chosen now, then write the text."""
        period = self._chosen_period()
        try:
            if period is not None:
                records = self._reader.for_period(period)
            else:
                records = self._reader.for_calls(self._ticked_calls())
        except StorageUnavailable as error:
            self._show_error(messages.NOT_READ.format(reason=error))
            return
        self.error.hide()
        self._records, self._period = records, period
        self._recompose()

    def _recompose(self) -> None:
        new = compose(self._records, self.current_ticks(), self._period)
        edited = self.text.toPlainText() != self._composed
        if edited:
            cursor = self.text.textCursor()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(new)  # one step on the undo stack: Ctrl+Z brings the edits back
        else:
            self.text.setPlainText(new)
        self.edits_note.setVisible(edited)
        self._composed = new
        self.status.clear()

    # Copy, save, print, export.

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.status.setText(messages.COPIED)

    def _on_save(self) -> None:
        said = ask_and_save(self, self.text.toPlainText(), self._now().date())
        self._tell(said)

    def _on_print(self) -> None:
        from companion.ui.debrief.debrief_print import ask_and_print

        if ask_and_print(self, self.text.toPlainText()):
            self.status.setText(messages.PRINTED)

    def _on_export(self) -> None:
        if self._export_records is not None:
            case_refs = self.ticks["case_refs"].isChecked()
            said = ask_and_export(self, self._export_records, self._now(), case_refs)
            self._tell(said)

    def _tell(self, outcome: Outcome | None) -> None:
        """What was written (in the status line) or what went wrong (as an error)."""
        if outcome is None:
            return
        if outcome.ok:
            self.error.hide()
            self.status.setText(outcome.message)
        else:
            self._show_error(outcome.message)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def bring_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.status.clear()
        super().closeEvent(event)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())

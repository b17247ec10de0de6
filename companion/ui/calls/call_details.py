"""Optional details of a tagged call, tucked away behind a toggle so breathing comes first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.core.calls import (
    MAX_CASE_REF_LENGTH,
    MAX_INTENSITY,
    MAX_NOTE_LENGTH,
    MIN_INTENSITY,
    DifficultCall,
    InvalidCallDetail,
    Reason,
)
from companion.ui.calls import messages
from companion.ui.shell.screen_reader import name_combo_box


class CallDetailsForm(QWidget):
    """Edits reason, intensity, case reference and note; emits the checked call on each change.

    Choices are sent at once; typed text when the field is left or Enter is pressed, and
    whatever is pending when :meth:`commit` is called (the window does so when it moves on).
    Not ``collapsible``, it shows the fields at once with no toggle (the recent calls window).
    """

    details_changed = Signal(object)
    expanded_changed = Signal(bool)

    def __init__(
        self, call: DifficultCall, parent: QWidget | None = None, *, collapsible: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callDetails")
        self._call = call
        self._toggle = QPushButton(messages.SHOW_TEXT)
        self._toggle.setObjectName("linkButton")
        self._toggle.setCheckable(True)
        self._toggle.setAutoDefault(True)
        self._toggle.setAccessibleName(messages.TOGGLE_NAME)
        self._toggle.toggled.connect(self._on_toggle_toggled)
        self._body = QWidget()
        self._body.setObjectName("callDetailsBody")
        self._reason = self._build_reason()
        self._intensity_buttons = self._build_intensity()
        self._case_ref = QLineEdit(call.case_ref or "")
        self._case_ref.setPlaceholderText(messages.CASE_REF_PLACEHOLDER)
        self._case_ref.setAccessibleName(messages.CASE_REF_NAME)
        self._case_ref.setMaxLength(MAX_CASE_REF_LENGTH)
        self._note = QLineEdit(call.note or "")
        self._note.setPlaceholderText(messages.NOTE_PLACEHOLDER)
        self._note.setAccessibleName(messages.NOTE_NAME)
        self._note.setMaxLength(MAX_NOTE_LENGTH)
        for edit in (self._case_ref, self._note):
            edit.editingFinished.connect(self.commit)
        self._error = QLabel()
        self._error.setObjectName("detailsError")
        self._error.setWordWrap(True)
        self._error.hide()
        self._lay_out()
        self._body.setVisible(not collapsible)
        self._toggle.setVisible(collapsible)

    def _build_reason(self) -> QComboBox:
        combo = QComboBox()
        name_combo_box(combo, messages.REASON_NAME)
        combo.addItem(messages.NOT_CHOSEN, None)
        for reason in Reason:
            combo.addItem(reason.label, reason.value)
        if self._call.reason is not None:
            combo.setCurrentIndex(combo.findData(self._call.reason.value))
        combo.currentIndexChanged.connect(lambda _index: self.commit())
        return combo

    def _build_intensity(self) -> dict[int, QPushButton]:
        buttons: dict[int, QPushButton] = {}
        for value in range(MIN_INTENSITY, MAX_INTENSITY + 1):
            button = QPushButton(str(value))
            button.setObjectName("intensityButton")
            button.setCheckable(True)
            button.setAutoDefault(True)
            button.setChecked(value == self._call.intensity)
            button.setAccessibleName(messages.intensity_name(value, MAX_INTENSITY))
            button.clicked.connect(lambda checked, v=value: self._on_intensity_clicked(v, checked))
            buttons[value] = button
        return buttons

    def _lay_out(self) -> None:
        intensity_row = QHBoxLayout()
        intensity_row.setSpacing(6)
        for button in self._intensity_buttons.values():
            intensity_row.addWidget(button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        form.addRow(messages.REASON, self._reason)
        form.addRow(messages.HOW_HARD, intensity_row)
        form.addRow(messages.CASE_REF, self._case_ref)
        form.addRow(messages.NOTE, self._note)
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 4, 0, 0)
        body.addLayout(form)
        body.addWidget(self._error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self._body)

    @property
    def call(self) -> DifficultCall:
        """The call as last sent with ``details_changed`` (or as given)."""
        return self._call

    @property
    def expanded(self) -> bool:
        return self._toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self._toggle.setChecked(expanded)

    def intensity_button(self, value: int) -> QPushButton:
        return self._intensity_buttons[value]

    def reason_box(self) -> QComboBox:
        return self._reason

    def case_ref_edit(self) -> QLineEdit:
        return self._case_ref

    def note_edit(self) -> QLineEdit:
        return self._note

    def error_text(self) -> str:
        return self._error.text() if not self._error.isHidden() else ""

    def commit(self) -> None:
        """Check the details as they stand and emit them if they differ from the last sent."""
        intensity = next((v for v, b in self._intensity_buttons.items() if b.isChecked()), None)
        # Qt hands the StrEnum back as a plain str, so the reason is rebuilt from its value.
        data = self._reason.currentData()
        reason = Reason(data) if isinstance(data, str) and data else None
        try:
            updated = self._call.with_details(
                reason=reason,
                intensity=intensity,
                case_ref=self._case_ref.text(),
                note=self._note.text(),
            )
        except InvalidCallDetail as error:
            self._error.setText(str(error))
            self._error.show()
            return
        self._error.hide()
        if updated != self._call:
            self._call = updated
            self.details_changed.emit(updated)

    def _on_toggle_toggled(self, checked: bool) -> None:
        self._body.setVisible(checked)
        self._toggle.setText(messages.HIDE_TEXT if checked else messages.SHOW_TEXT)
        if checked:
            self._reason.setFocus(Qt.FocusReason.OtherFocusReason)
        self.expanded_changed.emit(checked)

    def _on_intensity_clicked(self, value: int, checked: bool) -> None:
        # One choice at most, and pressing the chosen one again clears it.
        for other, button in self._intensity_buttons.items():
            if other != value:
                button.setChecked(False)
        self._intensity_buttons[value].setChecked(checked)
        self.commit()

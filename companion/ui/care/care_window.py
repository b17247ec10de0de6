"""One after-care page in a small window of its own: a reframe, a debrief pointer, or "Need to
talk?". Keyboard first: the first button has the focus, Escape closes; IT's texts are shown as
plain text (a policy can't inject markup) and can be selected to copy a phone number."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from companion.core.aftercare import Care
from companion.core.calls import Reason
from companion.ui.care import messages as text
from companion.ui.look.theme import size_for_text


def _paragraph(words: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(words, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def _heading(words: str, parent: QWidget) -> QLabel:
    label = _paragraph(words, parent, "careHeading")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _button(words: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(words, parent)
    button.setAccessibleName(name)
    button.setAutoDefault(True)
    return button


class CareWindow(QWidget):
    """``care`` (not CALLBACK: that one is the callback dialog), for a call tagged ``reason``.

    ``cool_off_requested``: "Write the reply you won't send" (the reframe); ``write_requested``:
    "Write about it" (the debrief).
    """

    cool_off_requested = Signal()
    write_requested = Signal()

    def __init__(
        self,
        care: Care,
        reason: Reason | None = None,
        *,
        contact: str | None = None,
        limits: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.care = care
        title = text.TITLE[care]
        self.setWindowTitle(text.WINDOW_TITLE.format(title=title))
        self.setObjectName("careWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        size_for_text(self, 0, 0, min_width=440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        title_label = _heading(title, self)
        font = title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title_label.setFont(font)
        layout.addWidget(title_label)
        buttons: list[QPushButton] = []
        if care is Care.REFRAME:
            layout.addWidget(_paragraph(text.REFRAME[_reframed(reason)], self))
            layout.addWidget(_heading(text.LIMITS_HEADING, self))
            layout.addWidget(_paragraph(limits or text.NO_LIMITS, self, "limits"))
            cool_off = _button(text.COOL_OFF, text.COOL_OFF_NAME, self)
            cool_off.clicked.connect(self._cool_off)
            buttons.append(cool_off)
        elif care is Care.DEBRIEF:
            layout.addWidget(_paragraph(text.DEBRIEF, self))
            self._add_contact(layout, contact)
            write = _button(text.WRITE, text.WRITE_NAME, self)
            write.clicked.connect(self._write)
            buttons.append(write)
        else:
            layout.addWidget(_paragraph(text.TALK_INTRO, self))
            self._add_contact(layout, contact)
            layout.addWidget(_paragraph(text.URGENT, self, "soft"))
        layout.addStretch(1)
        close = _button(text.CLOSE, text.CLOSE, self)
        close.clicked.connect(self.close)
        buttons.append(close)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        layout.addLayout(row)
        self.buttons = buttons
        buttons[0].setDefault(True)
        buttons[0].setFocus()

    def _add_contact(self, layout: QVBoxLayout, contact: str | None) -> None:
        layout.addWidget(_heading(text.CONTACT_HEADING, self))
        label = _paragraph(contact or text.NO_CONTACT, self, "contact")
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus if contact else Qt.FocusPolicy.NoFocus)
        label.setAccessibleName(text.CONTACT_HEADING)
        label.setAccessibleDescription(contact or text.NO_CONTACT)
        layout.addWidget(label)
        self.contact = label

    def _cool_off(self) -> None:
        self.cool_off_requested.emit()
        self.close()

    def _write(self) -> None:
        self.write_requested.emit()
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


def _reframed(reason: Reason | None) -> Reason:
    return reason if reason in text.REFRAME else Reason.ABUSIVE

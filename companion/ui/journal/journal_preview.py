"""The read-only view of the chosen journal entry, with "Edit" and "Delete…"."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from companion.core.journal import JournalListItem
from companion.core.ports import Clock
from companion.ui.journal import messages
from companion.ui.journal.journal_style import make_button, make_label
from companion.ui.journal.messages import call_text, tags_text, when_in_sentence, when_text
from companion.ui.look.keys import key_name


class EntryPreview(QStackedWidget):
    """Shows one entry as plain text; asks for edits and deletes through signals."""

    edit_requested = Signal()
    delete_requested = Signal()
    call_details_requested = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryPreview")
        self._clock = clock
        hint = make_label(messages.NOTHING_CHOSEN, "emptyState")
        hint.setMargin(16)
        self.addWidget(hint)
        self.addWidget(self._build_page())

    def _build_page(self) -> QWidget:
        page = QWidget()
        self._when = make_label("", "previewWhen")
        self._call = make_label("", "previewCall")
        self._mood_tags = make_label("", "previewMeta")
        self._prompt = make_label("", "previewPrompt")
        self._body = QPlainTextEdit()
        self._body.setObjectName("previewBody")
        self._body.setReadOnly(True)
        self._body.setAccessibleName(messages.ENTRY_TEXT_NAME)
        self._body.setTabChangesFocus(True)
        self.edit_button = make_button(messages.EDIT, messages.EDIT_NAME, "primaryButton")
        self.edit_button.setToolTip(messages.EDIT_TIP)
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.delete_button = make_button(
            messages.DELETE_ENTRY, messages.DELETE_ENTRY_NAME, "deleteButton"
        )
        self.delete_button.setToolTip(
            messages.DELETE_ENTRY_TIP.format(key=key_name(QKeySequence(Qt.Key.Key_Delete)))
        )
        self.delete_button.clicked.connect(self.delete_requested.emit)
        self.call_button = make_button(messages.CALL_DETAILS, messages.CALL_DETAILS_NAME)
        self.call_button.clicked.connect(self.call_details_requested.emit)
        # The call's button sits under the call's line: three buttons in the bottom row left no
        # room at twice the text size in a language a third longer than English.
        call_row = QHBoxLayout()
        call_row.addWidget(self.call_button)
        call_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 2, 0, 0)
        layout.setSpacing(4)
        for label in (self._when, self._call):
            layout.addWidget(label)
        layout.addLayout(call_row)
        for label in (self._mood_tags, self._prompt):
            layout.addWidget(label)
        layout.addSpacing(4)
        layout.addWidget(self._body, 1)
        layout.addLayout(buttons)
        return page

    @property
    def body_text(self) -> str:
        """The entry text as shown (empty when nothing is chosen)."""
        return self._body.toPlainText() if self.currentIndex() == 1 else ""

    def show_item(self, item: JournalListItem | None) -> None:
        if item is None:
            self.setCurrentIndex(0)
            self._body.clear()
            return
        entry = item.entry
        now = self._clock.now()
        when = when_text(entry.created_at, now)
        if entry.updated_at - entry.created_at >= timedelta(minutes=1):
            edited = messages.edited_text(when_in_sentence(entry.updated_at, now))
            when = messages.PART_SEPARATOR.join((when, edited))
        self._when.setText(when)
        self._call.setText(call_text(item.call_tagged_at, item.call_reason, now))
        self._call.setVisible(entry.call_id is not None)
        self.call_button.setVisible(entry.call_id is not None)
        extras = []
        if entry.mood is not None:
            extras.append(messages.mood_text(entry.mood))
        if entry.tags:
            extras.append(tags_text(entry.tags))
        self._mood_tags.setText("    ".join(extras))
        self._mood_tags.setVisible(bool(extras))
        self._prompt.setText(entry.prompt or "")
        self._prompt.setVisible(entry.prompt is not None)
        self._body.setPlainText(entry.body)
        self.setCurrentIndex(1)

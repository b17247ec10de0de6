"""The journal entry editor: writing is kept as a draft while it is typed, so nothing is lost."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from companion.core.calls import DifficultCall
from companion.core.journal import (
    REFLECTION_PROMPTS,
    Draft,
    JournalEntry,
    check_body,
    draft_key,
    format_tags,
    parse_tags,
    prompt_for,
)
from companion.core.moods import Mood
from companion.core.ports import Clock, DraftStore, JournalRepository, StorageUnavailable
from companion.ui.journal import messages
from companion.ui.journal.journal_parts import MoodRow, PromptBox
from companion.ui.journal.journal_style import journal_stylesheet, make_button, make_label
from companion.ui.journal.messages import call_text, time_text
from companion.ui.look.keys import key_name
from companion.ui.look.theme import size_for_text, style
from companion.ui.privacy.capture_shield import shield

_log = logging.getLogger(__name__)

#: Quiet time after the last keystroke before the draft is written.
DRAFT_DELAY_MS = 400


class EntryEditor(QWidget):
    """Writes a new entry, or edits one; ``entry_saved`` carries the saved ``JournalEntry``.

    Closing keeps unsaved writing as a draft (no "are you sure?"): the journal window offers
    it back. Only "Discard…" throws it away, after asking. ``closed`` is emitted either way.
    """

    entry_saved = Signal(object)
    closed = Signal()

    def __init__(
        self,
        journal: JournalRepository,
        drafts: DraftStore,
        clock: Clock,
        *,
        entry: JournalEntry | None = None,
        call: DifficultCall | None = None,
        prompt: str | None = None,
        mood: Mood | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.capture_shield = shield(self)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("entryEditor")
        new_for_call = call is not None and entry is None
        self.setWindowTitle(messages.CALL_TITLE if new_for_call else messages.EDITOR_TITLE)
        style(self, journal_stylesheet)
        self._journal = journal
        self._drafts = drafts
        self._clock = clock
        self._entry = entry
        self._call = call
        self._call_id = entry.call_id if entry is not None else (call.id if call else None)
        self._key = editor_key(entry, call)
        # A new entry may start with a mood (the one just given after the break): only a
        # change from where it started is worth a draft.
        first_mood = entry.mood if entry is not None else mood
        self._baseline = (entry.body, entry.tags, first_mood) if entry else ("", (), first_mood)
        self._finished = False
        self._draft_error = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.flush_draft)
        self._build(_first_prompt(prompt, entry, call), first_mood)
        self._restore_draft()
        self._body.textChanged.connect(self._on_text_changed)
        self._tags.textChanged.connect(self._on_text_changed)
        self._prompt.changed.connect(self._timer.start)
        self._moods.changed.connect(self._on_text_changed)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self._update_buttons()
        size_for_text(self, 580, 580, min_width=460, min_height=440)

    @property
    def key(self) -> str:
        """The draft key: what this editor is writing (``new``, ``entry:<id>``, ``call:<id>``)."""
        return self._key

    def flush_draft(self) -> None:
        """Write the draft now (or drop it when nothing differs from what is saved)."""
        self._timer.stop()
        if self._finished:
            return
        try:
            if self._has_unsaved():
                draft = self._current_draft()
                self._drafts.save_draft(draft)
                kept_at = time_text(draft.saved_at, draft.saved_at)
                self._status.setText(messages.draft_kept(kept_at))
            else:
                self._drafts.discard_draft(self._key)
        except StorageUnavailable as error:
            self._draft_error = True
            self._show_error(messages.draft_not_kept(error))
            return
        if self._draft_error:
            self._draft_error = False
            self._error.hide()

    # building

    def _build(self, prompt: str | None, mood: Mood | None) -> None:
        call_line = make_label("", "callLine")
        if self._call is not None:
            now = self._clock.now()
            call_line.setText(call_text(self._call.tagged_at, self._call.reason, now))
        call_line.setVisible(self._call is not None)
        self._restored = make_label("", "restoredNote")
        self._restored.hide()
        first = prompt_for(self._call_id) if self._call_id is not None else REFLECTION_PROMPTS[0]
        self._prompt = PromptBox(prompt, first)
        self._body = QPlainTextEdit(self._entry.body if self._entry else "")
        self._body.setObjectName("entryBody")
        self._body.setPlaceholderText(messages.BODY_PLACEHOLDER)
        self._body.setAccessibleName(messages.BODY_NAME)
        self._body.setTabChangesFocus(True)
        self._tags = QLineEdit(format_tags(self._entry.tags) if self._entry else "")
        self._tags.setObjectName("entryTags")
        self._tags.setPlaceholderText(messages.TAGS_PLACEHOLDER)
        self._tags.setAccessibleName(messages.TAGS_NAME)
        self._moods = MoodRow(mood)
        self._error = make_label("", "errorLabel")
        self._error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        widgets: list[QWidget] = [call_line, self._restored, self._prompt, self._body]
        widgets += [self._tags, self._moods, self._error]
        for widget in widgets:
            layout.addWidget(widget, 1 if widget is self._body else 0)
        layout.addLayout(self._build_button_row())
        self._body.moveCursor(QTextCursor.MoveOperation.End)
        self._body.setFocus()

    def _build_button_row(self) -> QHBoxLayout:
        self._status = make_label(messages.KEPT_TEXT, "soft")
        self._discard_button = make_button(messages.DISCARD, messages.DISCARD_NAME, "discardButton")
        self._discard_button.clicked.connect(self._on_discard_clicked)
        self._close_button = make_button(messages.CLOSE, messages.CLOSE_NAME)
        self._close_button.setObjectName("closeButton")
        self._close_button.clicked.connect(self.close)
        self._save_button = make_button(messages.SAVE, messages.SAVE_NAME, "primaryButton")
        self._save_button.setToolTip(
            messages.SAVE_TIP.format(key=key_name(QKeySequence.StandardKey.Save))
        )
        self._save_button.setDefault(True)
        self._save_button.clicked.connect(self._on_save_clicked)
        row = QHBoxLayout()
        row.addWidget(self._status, 1)
        row.addWidget(self._discard_button)
        row.addWidget(self._close_button)
        row.addWidget(self._save_button)
        return row

    # state

    def _restore_draft(self) -> None:
        try:
            draft = self._drafts.load_draft(self._key)
        except StorageUnavailable as error:
            self._show_error(messages.draft_unreadable(error))
            return
        if draft is None:
            return
        self._body.setPlainText(draft.body)
        self._tags.setText(format_tags(draft.tags))
        self._prompt.set_prompt(draft.prompt)
        if draft.mood is not None:
            self._moods.set_mood(draft.mood)
        self._body.moveCursor(QTextCursor.MoveOperation.End)
        now = self._clock.now()
        self._restored.setText(
            messages.draft_restored(messages.when_in_sentence(draft.saved_at, now))
        )
        self._restored.show()

    def _has_unsaved(self) -> bool:
        now = (self._body.toPlainText(), parse_tags(self._tags.text()), self._moods.mood)
        return now != self._baseline

    def _current_draft(self) -> Draft:
        return Draft(
            key=self._key,
            body=self._body.toPlainText(),
            saved_at=self._clock.now(),
            tags=parse_tags(self._tags.text()),
            call_id=self._call_id,
            entry_id=self._entry.id if self._entry else None,
            prompt=self._prompt.prompt,
            mood=self._moods.mood,
        )

    def _show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.show()

    def _update_buttons(self) -> None:
        self._save_button.setEnabled(bool(self._body.toPlainText().strip()))
        self._discard_button.setEnabled(self._has_unsaved())

    # slots

    def _on_text_changed(self) -> None:
        self._update_buttons()
        self._timer.start()

    def _on_save_clicked(self) -> None:
        if not self._save_button.isEnabled():
            return
        body = self._body.toPlainText()
        try:
            check_body(body)
        except ValueError as error:
            self._show_error(str(error))
            return
        now = self._clock.now()
        entry = JournalEntry(
            body=body,
            created_at=self._entry.created_at if self._entry else now,
            updated_at=now,
            tags=parse_tags(self._tags.text()),
            call_id=self._call_id,
            mood=self._moods.mood,
            prompt=self._prompt.prompt,
            id=self._entry.id if self._entry else None,
        )
        try:
            saved = self._journal.save(entry)
        except StorageUnavailable as error:
            self._show_error(messages.not_saved(error))
            self.flush_draft()
            return
        self._finish()
        self.entry_saved.emit(saved)
        self.close()

    def _on_discard_clicked(self) -> None:
        if self._confirm_discard():
            self._finish()
            self.close()

    def _confirm_discard(self) -> bool:
        """Ask before throwing writing away; tests replace this."""
        answer = QMessageBox.question(
            self,
            messages.DISCARD_TITLE,
            messages.DISCARD_QUESTION,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _finish(self) -> None:
        """Saved or discarded: the draft has done its job."""
        self._finished = True
        self._timer.stop()
        try:
            self._drafts.discard_draft(self._key)
        except StorageUnavailable as error:
            # The entry itself is safe; a stale draft is only offered back, never lost.
            _log.warning("Could not remove the draft %s: %s", self._key, error)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._finished:
            self.flush_draft()
        self.closed.emit()
        super().closeEvent(event)


def editor_key(entry: JournalEntry | None, call: DifficultCall | None) -> str:
    """The draft key of an editor for ``entry`` or ``call``: one editor per key at a time."""
    if entry is not None:
        return draft_key(entry_id=entry.id, call_id=entry.call_id)
    return draft_key(call_id=call.id if call is not None else None)


def _first_prompt(
    prompt: str | None, entry: JournalEntry | None, call: DifficultCall | None
) -> str | None:
    """The question shown at first: the one given, the entry's own, or the call's."""
    if prompt is not None:
        return prompt
    if entry is not None:
        return entry.prompt
    if call is not None and call.id is not None:
        return prompt_for(call.id)
    return None

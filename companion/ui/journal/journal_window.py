"""The private journal: search as you type, entries newest first, a preview, drafts offered back."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from companion.core.calls import DifficultCall
from companion.core.journal import Draft, JournalEntry, JournalListItem, draft_key
from companion.core.journal_export import ExportFailed
from companion.core.moods import Mood
from companion.core.ports import (
    BackupStore,
    CallRepository,
    Clock,
    DraftStore,
    JournalRepository,
    StorageUnavailable,
)
from companion.ui.journal import messages
from companion.ui.journal.entry_editor import EntryEditor, editor_key
from companion.ui.journal.export_dialog import ask_export_target
from companion.ui.journal.journal_list import EntryListPane
from companion.ui.journal.journal_parts import CallbacksBanner, DraftsBanner, ErrorBox
from companion.ui.journal.journal_preview import EntryPreview
from companion.ui.journal.journal_style import journal_stylesheet, make_button, make_label
from companion.ui.look.keys import key_name
from companion.ui.look.theme import size_for_text, style
from companion.ui.privacy.capture_shield import shield
from companion.ui.shell.questions import Question, ask_safely
from companion.ui.shell.window_activation import bring_forward

SEARCH_DELAY_MS = 150


class JournalWindow(QWidget):
    """Lists, searches, previews and deletes entries; opens one editor per entry or call.

    "More" offers "Restore from backup…", "Export journal…" and "Delete all my data…"; the
    last is the app's to carry out (it closes Companion), so it is only asked for through a
    signal.
    """

    delete_all_requested = Signal()
    #: "Call details…" on an entry about a call: the call's id.
    call_details_requested = Signal(int)

    def __init__(
        self,
        journal: JournalRepository,
        drafts: DraftStore,
        calls: CallRepository,
        clock: Clock,
        parent: QWidget | None = None,
        backups: BackupStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.capture_shield = shield(self)
        self.setObjectName("journalWindow")
        self.setWindowTitle(messages.TITLE)
        style(self, journal_stylesheet)
        self._journal = journal
        self._drafts = drafts
        self._calls = calls
        self._clock = clock
        self._backups = backups
        self._editors: list[EntryEditor] = []
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search_now)
        self._build()
        QShortcut(QKeySequence.StandardKey.New, self, lambda: self.open_editor())
        QShortcut(QKeySequence.StandardKey.Find, self, self._on_find_shortcut)
        size_for_text(self, 760, 560, min_width=560, min_height=420)
        self.refresh()

    # building

    def _build(self) -> None:
        self._search = QLineEdit()
        self._search.setObjectName("journalSearch")
        self._search.setPlaceholderText(messages.SEARCH)
        self._search.setAccessibleName(messages.SEARCH)
        self._search.setClearButtonEnabled(True)
        self._search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search.installEventFilter(self)
        new = make_button(messages.NEW_ENTRY, messages.NEW_ENTRY_NAME, "primaryButton")
        new.setToolTip(messages.NEW_ENTRY_TIP.format(key=key_name(QKeySequence.StandardKey.New)))
        new.clicked.connect(lambda: self.open_editor())
        top = QHBoxLayout()
        top.addWidget(self._search, 1)
        top.addWidget(new)
        top.addWidget(self._build_more_button())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        self._error_box = ErrorBox()
        self._error_box.retry_clicked.connect(self.refresh)
        self._banner = DraftsBanner()
        self._banner.continue_clicked.connect(self._on_continue_clicked)
        layout.addWidget(self._error_box)
        layout.addWidget(self._banner)
        self._callbacks = CallbacksBanner()
        layout.addWidget(self._callbacks)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self._pane = EntryListPane(self._clock)
        self._pane.setMinimumWidth(260)
        self._pane.current_changed.connect(self._on_current_changed)
        self._pane.edit_requested.connect(self._on_edit_requested)
        self._pane.delete_requested.connect(self._on_delete_requested)
        splitter.addWidget(self._pane)
        self._preview = EntryPreview(self._clock)
        self._preview.edit_requested.connect(self._on_edit_requested)
        self._preview.delete_requested.connect(self._on_delete_requested)
        self._preview.call_details_requested.connect(self._on_call_details_requested)
        splitter.addWidget(self._preview)
        splitter.setSizes([340, 390])
        layout.addWidget(splitter, 1)
        self._export_note = make_label("", "exportNote")
        self._export_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._export_note.hide()
        layout.addWidget(self._export_note)
        layout.addWidget(make_label(messages.FOOTER, "footer"))

    def _build_more_button(self) -> QPushButton:
        # A push button with a menu looks like its neighbours; a QToolButton would not.
        more = make_button(messages.MORE, messages.MORE_NAME, "moreButton")
        menu = QMenu(more)
        restore = menu.addAction(messages.RESTORE_ACTION)
        restore.setEnabled(self._backups is not None)
        restore.triggered.connect(self.open_restore)
        menu.addAction(messages.EXPORT_ACTION).triggered.connect(self.export_journal)
        menu.addSeparator()
        menu.addAction(messages.DELETE_ALL_ACTION).triggered.connect(self.delete_all_requested.emit)
        more.setMenu(menu)
        return more

    # public

    def open_restore(self) -> None:
        """The list of daily copies; after a restore, the list shows the journal as restored."""
        if self._backups is None:
            return
        from companion.ui.journal.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self._backups, self._clock, self)
        dialog.restored.connect(lambda _backup: self.refresh())
        dialog.open()

    def export_journal(self) -> None:
        """Ask where, write every entry there, then say what was written or why not."""
        target = ask_export_target(self, self._clock.now().date())
        if target is None:
            return
        path, fmt = target
        self._export_note.hide()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._journal.export(path, fmt, self._clock.now())
        except (ExportFailed, StorageUnavailable) as error:
            self._show_error(str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._error_box.hide()
        self._export_note.setText(messages.exported(result.summary()))
        self._export_note.show()

    @property
    def editors(self) -> tuple[EntryEditor, ...]:
        """The editors open now."""
        return tuple(self._editors)

    def selected_entry(self) -> JournalEntry | None:
        item = self._pane.current_item()
        return item.entry if item is not None else None

    def refresh(self, select_id: int | None = None) -> None:
        """Read the list again (for the current search) and the drafts on offer."""
        self._update_drafts_banner()
        self.run_search_now(select_id)

    def run_search_now(self, select_id: int | None = None) -> None:
        """Show what matches the search box now, without waiting for typing to pause."""
        self._search_timer.stop()
        if select_id is None:
            current = self.selected_entry()
            select_id = current.id if current is not None else None
        query = self._search.text().strip()
        try:
            items = self._journal.search(query) if query else self._journal.recent()
        except StorageUnavailable as error:
            self._show_error(str(error))
            self._pane.show_unreadable(messages.UNREADABLE_TEXT)
            self._preview.setVisible(self._pane.model.rowCount() > 0)
            return
        self._error_box.hide()
        empty_text = messages.no_match(query) if query else messages.EMPTY_TEXT
        self._pane.set_items(items, empty_text, select_id)
        self._preview.setVisible(bool(items))  # the kind sentence gets the whole width

    def open_editor(
        self,
        entry: JournalEntry | None = None,
        call: DifficultCall | None = None,
        prompt: str | None = None,
        mood: Mood | None = None,
    ) -> EntryEditor:
        """Open (or bring forward) the editor for ``entry``, for ``call``, or for a new entry.

        ``mood`` is where a new entry's mood starts (the one given after the break)."""
        key = editor_key(entry, call)
        editor = next((e for e in self._editors if e.key == key), None)
        if editor is None:
            if entry is not None and call is None and entry.call_id is not None:
                call = self._call(entry.call_id)
            editor = EntryEditor(
                self._journal,
                self._drafts,
                self._clock,
                entry=entry,
                call=call,
                prompt=prompt,
                mood=mood,
                parent=self,
            )
            editor.entry_saved.connect(self._on_entry_saved)
            editor.closed.connect(lambda closing=editor: self._on_editor_closed(closing))
            self._editors.append(editor)
            self._update_drafts_banner()
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def set_open_callbacks(self, lines: list[str]) -> None:
        """Overdue and open callbacks, so a promise to a customer is never out of sight."""
        self._callbacks.show_callbacks(lines)

    def bring_forward(self) -> None:
        bring_forward(self)

    def flush_drafts(self) -> None:
        """Write every open editor's draft now (the app calls this before it quits)."""
        for editor in self._editors:
            editor.flush_draft()

    # list, search, banner

    def _update_drafts_banner(self) -> None:
        open_keys = {editor.key for editor in self._editors}
        try:
            waiting = [d for d in self._drafts.all_drafts() if d.key not in open_keys]
        except StorageUnavailable as error:
            self._show_error(str(error))
            waiting = []
        self._banner.show_drafts(waiting, self._clock.now())

    def _show_error(self, message: str) -> None:
        self._error_box.show_message(message)

    def _call(self, call_id: int | None) -> DifficultCall | None:
        if call_id is None:
            return None
        try:
            return self._calls.get(call_id)
        except StorageUnavailable:
            return None  # the entry opens without the call line; nothing is lost

    def _continue_draft(self, draft: Draft) -> None:
        entry = None
        if draft.entry_id is not None:
            entry = self._journal.get(draft.entry_id)
            if entry is None:
                draft = self._rekey_orphan(draft)
        self.open_editor(entry=entry, call=self._call(draft.call_id), prompt=draft.prompt)

    def _rekey_orphan(self, draft: Draft) -> Draft:
        """A draft of an entry deleted since: keep the words as a new entry's draft."""
        key = draft_key(call_id=draft.call_id)
        waiting = self._drafts.load_draft(key)
        body = draft.body if waiting is None else f"{waiting.body}\n\n{draft.body}"
        moved = replace(draft, key=key, entry_id=None, body=body)
        self._drafts.save_draft(moved)
        self._drafts.discard_draft(draft.key)
        return moved

    # slots

    def _on_current_changed(self, item: JournalListItem | None) -> None:
        self._preview.show_item(item)

    def _on_find_shortcut(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def _on_continue_clicked(self, draft: Draft) -> None:
        try:
            self._continue_draft(draft)
        except StorageUnavailable as error:
            self._show_error(str(error))

    def _on_edit_requested(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.open_editor(entry=entry)

    def _on_call_details_requested(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.call_id is not None:
            self.call_details_requested.emit(entry.call_id)

    def _on_delete_requested(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.id is None:
            return
        open_editor = next((e for e in self._editors if e.key == editor_key(entry, None)), None)
        if open_editor is not None:
            self._show_error(messages.OPEN_ELSEWHERE)
            open_editor.raise_()
            return
        if not self._confirm_delete(entry):
            return
        row = self._pane.current_row()
        try:
            self._journal.delete(entry.id)
            self._drafts.discard_draft(draft_key(entry_id=entry.id))
        except StorageUnavailable as error:
            self._show_error(str(error))
            return
        self.refresh()
        self._pane.select_row(row)
        self._pane.view.setFocus()

    def _confirm_delete(self, entry: JournalEntry) -> bool:
        """Ask before deleting; tests replace this."""
        question = Question(
            messages.DELETE_TITLE, messages.DELETE_QUESTION, messages.DELETE, messages.KEEP
        )
        return ask_safely(question, self)

    def _on_entry_saved(self, entry: JournalEntry) -> None:
        self.refresh(select_id=entry.id)

    def _on_editor_closed(self, editor: EntryEditor) -> None:
        if editor in self._editors:
            self._editors.remove(editor)
            editor.deleteLater()
        self._update_drafts_banner()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_key = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self._search and is_key and isinstance(event, QKeyEvent):
            return self._on_search_key(event)
        return super().eventFilter(watched, event)

    def _on_search_key(self, event: QKeyEvent) -> bool:
        """Down moves into the list; Esc clears the search (and only then is it used)."""
        if event.key() == Qt.Key.Key_Down:
            self.run_search_now()
            if self._pane.model.rowCount() == 0:
                return False
            self._pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if self._pane.current_item() is None:
                self._pane.select_row(0)
            return True
        if event.key() == Qt.Key.Key_Escape and self._search.text():
            self._search.clear()
            self.run_search_now()
            return True
        return False

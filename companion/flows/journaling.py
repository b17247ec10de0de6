"""Opens the journal window and the editor, created on first use to keep start-up light."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.ports import BackupStore, CallRepository, Clock, DraftStore, JournalRepository
from companion.ui.shell.window_activation import bring_forward

if TYPE_CHECKING:
    from companion.ui.calls.recent_calls import RecentCallsWindow
    from companion.ui.journal.journal_window import JournalWindow


class JournalFlow:
    """The journal, its editors and the recent calls window, each built when first wanted."""

    def __init__(
        self,
        journal: JournalRepository,
        drafts: DraftStore,
        calls: CallRepository,
        clock: Clock,
        backups: BackupStore | None = None,
        on_delete_all: Callable[[], None] | None = None,
        open_callbacks: Callable[[], list[str]] | None = None,
    ) -> None:
        self._open_callbacks = open_callbacks
        self._backups = backups
        self._on_delete_all = on_delete_all
        self._journal = journal
        self._drafts = drafts
        self._calls = calls
        self._clock = clock
        self._window: JournalWindow | None = None
        self._calls_window: RecentCallsWindow | None = None

    @property
    def window(self) -> JournalWindow | None:
        return self._window

    def _ensure_window(self) -> JournalWindow:
        if self._window is None:
            from companion.ui.journal.journal_window import JournalWindow

            self._window = JournalWindow(
                self._journal, self._drafts, self._calls, self._clock, backups=self._backups
            )
            if self._on_delete_all is not None:
                self._window.delete_all_requested.connect(self._on_delete_all)
            self._window.call_details_requested.connect(self.show_recent_calls)
        return self._window

    @property
    def calls_window(self) -> RecentCallsWindow | None:
        return self._calls_window

    def show_recent_calls(self, call_id: int | None = None) -> None:
        """The latest calls to add or change details, with ``call_id`` chosen if given."""
        if self._calls_window is None:
            from companion.ui.calls.recent_calls import RecentCallsWindow

            self._calls_window = RecentCallsWindow(self._calls, self._clock)
            self._calls_window.call_changed.connect(self._on_call_changed)
        window = self._calls_window
        window.refresh(call_id)
        window.show()
        window.raise_()
        window.activateWindow()

    def _on_call_changed(self, _call: DifficultCall) -> None:
        if self._window is not None and self._window.isVisible():
            self._window.refresh()  # the list shows each entry's call reason

    def show_journal(self) -> None:
        window = self._ensure_window()
        window.refresh()
        if self._open_callbacks is not None:
            window.set_open_callbacks(self._open_callbacks())
        bring_forward(window)

    def write_about_call(self, call: DifficultCall | None, mood: Mood | None = None) -> None:
        """After a break: the editor linked to that call, with one gentle prompt and the mood
        just given (the agent can change it)."""
        editor = self._ensure_window().open_editor(call=call, mood=mood)
        editor.raise_()
        editor.activateWindow()

    def close_windows(self) -> None:
        """Close the editors (each keeps its draft) and the journal window."""
        if self._window is not None:
            for editor in self._window.editors:
                editor.close()
            self._window.close()
        if self._calls_window is not None:
            self._calls_window.close()

    def flush_drafts(self) -> None:
        if self._window is not None:
            self._window.flush_drafts()

    def reflect(self, prompt: str) -> None:
        """The end-of-shift invitation: a new entry with the day's numbers as its prompt.

        Nothing is kept unless the agent saves it (a draft only once they type).
        """
        editor = self._ensure_window().open_editor(prompt=prompt)
        editor.raise_()
        editor.activateWindow()

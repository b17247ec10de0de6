"""Builds the journal and recent calls windows for companion.flows.journaling, on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.core.ports import BackupStore, CallRepository, Clock, DraftStore, JournalRepository

if TYPE_CHECKING:  # both load when first opened: an app waiting in the tray never needs them
    from companion.ui.calls.recent_calls import RecentCallsWindow
    from companion.ui.journal.journal_window import JournalWindow


class JournalWindows:
    """``JournalWindows`` for the flow; ``window`` is the journal window built (a parent for
    the dialogs it asks for)."""

    def __init__(
        self,
        journal: JournalRepository,
        drafts: DraftStore,
        calls: CallRepository,
        clock: Clock,
        backups: BackupStore | None = None,
    ) -> None:
        self._journal = journal
        self._drafts = drafts
        self._calls = calls
        self._clock = clock
        self._backups = backups
        self.window: JournalWindow | None = None

    def journal(self) -> JournalWindow:
        from companion.ui.journal.journal_window import JournalWindow

        self.window = JournalWindow(
            self._journal, self._drafts, self._calls, self._clock, backups=self._backups
        )
        return self.window

    def recent_calls(self) -> RecentCallsWindow:
        from companion.ui.calls.recent_calls import RecentCallsWindow

        return RecentCallsWindow(self._calls, self._clock)

"""Wiring for Insights (issue #16): the tray's and the no-tray window's "Insights…" and
`companion insights` open it; its "Need to talk?" opens the care page the tray menu opens,
its "Debrief summary…" the debrief dialog.

Nothing of the feature loads at start: the flow, the figures and the window are imported on
the first request, so an app waiting in the tray keeps its idle memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from companion.app import CompanionApp
    from companion.flows.insights import InsightsFlow
    from companion.store.storage import Storage


class InsightsOpener(QObject):
    """Builds the Insights flow on the first request, then hands every request to it."""

    def __init__(self, companion: CompanionApp, storage: Storage) -> None:
        super().__init__(companion)
        self._companion = companion
        self._storage = storage  # its repositories stay the same objects when it reopens
        self.flow: InsightsFlow | None = None
        companion.shell.actions.insights_requested.connect(self.show)
        companion.commands.insights_wanted.connect(self.show)
        companion.data.closing.connect(self._close)
        # What moves the figures while the window is open: it reads again (only if open).
        for moved in (
            companion.breaks.count_changed,
            companion.breaks.window_closed,
            companion.journal.call_removed,
            companion.data.reopened,
        ):
            moved.connect(self._refresh)

    def show(self) -> None:
        if self.flow is None:
            self.flow = self._build()
        self.flow.show()

    def _refresh(self) -> None:
        if self.flow is not None:
            self.flow.refresh()

    def _close(self) -> None:
        if self.flow is not None:
            self.flow.close_window()

    def _build(self) -> InsightsFlow:
        from companion.core.insights_report import read_insights
        from companion.flows.insights import InsightsFlow
        from companion.system.clock import SystemClock
        from companion.ui.insights.insights_windows import InsightsWindows

        companion, storage = self._companion, self._storage
        flow = InsightsFlow(
            lambda now: read_insights(storage.calls, storage.breaks, storage.reminders, now),
            SystemClock(),
            InsightsWindows(),
            gate=companion.journal.through_gate,
            parent=self,
        )
        flow.talk_wanted.connect(companion.care.talk)
        # The same action as the tray menu's "Debrief summary…" (companion.app_debrief).
        flow.debrief_wanted.connect(companion.shell.actions.debrief.trigger)
        return flow

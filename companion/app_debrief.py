"""Wires the debrief summary (issue #16): "Debrief summary…" in the tray menu and the no-tray
window opens it, and ``DebriefLauncher.show`` is the function the Insights window calls.

Nothing of the feature is imported until it is first asked for (the idle tray stays as it
was); then the flow, the dialog and the records export load.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from companion.app import CompanionApp
    from companion.core.calls import DifficultCall
    from companion.core.records_export import RecordFormat, RecordKind, RecordsResult
    from companion.flows.debrief import DebriefFlow
    from companion.store.storage import Storage


class DebriefLauncher(QObject):
    """Builds the debrief flow on first use; its ``show`` opens the dialog."""

    def __init__(self, companion: CompanionApp, storage: Storage) -> None:
        super().__init__(companion)
        self._companion, self._storage = companion, storage
        self._flow: DebriefFlow | None = None

    def show(self, calls: Sequence[DifficultCall] = ()) -> None:
        """The summary of this week, or of ``calls`` when given (from a list of calls)."""
        if self._flow is None:
            self._flow = self._build()
        self._flow.show(calls)

    def _build(self) -> DebriefFlow:
        from companion.flows.debrief import DebriefFlow, DebriefReader
        from companion.system.clock import SystemClock
        from companion.ui.debrief.debrief_windows import DebriefWindows

        storage = self._storage
        reader = DebriefReader(storage.calls, storage.breaks, storage.reminders, storage.journal)
        windows = DebriefWindows(SystemClock().now, self._export_records)
        return DebriefFlow(reader, windows, self._companion.journal.through_gate, parent=self)

    def _export_records(
        self, path: Path, what: RecordKind, fmt: RecordFormat, now: datetime, case_refs: bool
    ) -> RecordsResult:
        from companion.store.export_records import export_records

        # Read at each export: the connection moves to the file when a temporary journal ends.
        conn = self._storage.db.conn
        return export_records(conn, path, what, fmt, now, case_refs=case_refs)


def attach_debrief(companion: CompanionApp, storage: Storage) -> DebriefLauncher:
    launcher = DebriefLauncher(companion, storage)
    companion.shell.actions.debrief_requested.connect(lambda: launcher.show())
    companion.journal.debrief_wanted.connect(launcher.show)  # from the recent calls window
    return launcher

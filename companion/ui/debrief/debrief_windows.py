"""Builds the debrief dialog when first wanted, so its modules stay out of the idle tray."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from companion.flows.debrief import DebriefReader

if TYPE_CHECKING:
    from companion.ui.debrief.debrief_dialog import DebriefDialog
    from companion.ui.debrief.debrief_files import ExportRecords


class DebriefWindows:
    """The factory ``flows.debrief.DebriefFlow`` is given."""

    def __init__(
        self, now: Callable[[], datetime], export_records: ExportRecords | None = None
    ) -> None:
        self._now, self._export_records = now, export_records

    def debrief(self, reader: DebriefReader) -> DebriefDialog:
        from companion.ui.debrief.debrief_dialog import DebriefDialog

        return DebriefDialog(reader, self._now, self._export_records)

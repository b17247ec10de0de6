"""The debrief dialog's files: the summary saved as text, and the records exported as CSV or
JSON. Each asks where first (Documents, a dated name) and writes privately (0600) and all at
once: the chosen name holds the whole file or nothing of this one."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from companion.core.journal_export import ExportFailed
from companion.core.ports import StorageUnavailable
from companion.core.records_export import (
    RecordFormat,
    RecordKind,
    RecordsResult,
    default_records_name,
)
from companion.system.atomic_file import write_atomically
from companion.ui.debrief import messages
from companion.ui.journal.export_dialog import documents_folder

log = logging.getLogger(__name__)

#: Writes the records (the store's export, given by the app): path, what, format, now, and
#: whether case references go in.
ExportRecords = Callable[[Path, RecordKind, RecordFormat, datetime, bool], RecordsResult]
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_FILTERS = {RecordFormat.CSV: messages.CSV_FILTER, RecordFormat.JSON: messages.JSON_FILTER}


@dataclass(frozen=True)
class Outcome:
    """What to tell the agent: a summary of what was written, or what went wrong."""

    ok: bool
    message: str


def ask_and_save(parent: QWidget, text: str, today: date) -> Outcome | None:
    """Ask where, then save ``text``; None when the agent cancelled."""
    suggested = documents_folder() / messages.default_name(today.isoformat())
    chosen, _ = QFileDialog.getSaveFileName(
        parent, messages.SAVE_TITLE, str(suggested), messages.TEXT_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_name(path.name + ".txt")
    return save_text(path, text)


def save_text(path: Path, text: str) -> Outcome:
    """``text`` to ``path`` as UTF-8, private and all at once."""
    try:
        write_atomically(path, text.encode("utf-8"), 0o600)
    except OSError as error:
        log.warning("debrief summary not saved: %s", error.strerror or error)
        return Outcome(False, _said(error, path.parent))
    return Outcome(True, messages.saved(path))


def ask_and_export(
    parent: QWidget, export: ExportRecords, now: datetime, case_refs: bool
) -> Outcome | None:
    """Ask where and as what, then export every call, break and callback (with their case
    references only when ``case_refs``: the dialog's "Case references" tick)."""
    suggested = documents_folder() / default_records_name(
        now.date(), RecordKind.ALL, RecordFormat.CSV
    )
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        messages.EXPORT_TITLE,
        str(suggested),
        ";;".join(_FILTERS.values()),
        _FILTERS[RecordFormat.CSV],
    )
    if not chosen:
        return None
    fmt = next((f for f, text in _FILTERS.items() if text == selected), RecordFormat.CSV)
    path = Path(chosen)
    if path.suffix.lower() in (".csv", ".json"):
        fmt = RecordFormat(path.suffix.lower()[1:])
    try:
        result = export(path, RecordKind.ALL, fmt, now, case_refs)
    except (ExportFailed, StorageUnavailable) as error:
        return Outcome(False, str(error))
    return Outcome(True, result.summary())


def _said(error: OSError, folder: Path) -> str:
    if error.errno in _FULL:
        return messages.FULL
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return messages.NOT_WRITABLE.format(folder=folder)
    return messages.OTHER.format(folder=folder, reason=error.strerror or error)

"""“Export journal…”: asks where to save, offering a dated name in Documents, and which format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from companion.core.journal_export import ExportFormat, default_file_name, export_target
from companion.ui.journal import messages

FILTERS = {
    ExportFormat.MARKDOWN: messages.MARKDOWN_FILTER,
    ExportFormat.JSON_LINES: messages.JSON_LINES_FILTER,
}


def ask_export_target(parent: QWidget, today: date) -> tuple[Path, ExportFormat] | None:
    """The file and format the agent chose, or None when they cancelled.

    The dialog asks before replacing an existing file; a name typed without an extension
    gets the chosen format's.
    """
    suggested = documents_folder() / default_file_name(today)
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        messages.EXPORT_TITLE,
        str(suggested),
        ";;".join(FILTERS.values()),
        FILTERS[ExportFormat.MARKDOWN],
    )
    if not chosen:
        return None
    fmt = next((f for f, text in FILTERS.items() if text == selected), ExportFormat.MARKDOWN)
    return export_target(Path(chosen), fmt)


def documents_folder() -> Path:
    """The agent's Documents folder where there is one, else their home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()

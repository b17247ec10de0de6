"""“Delete all my data…”: one clear question first, and afterwards what was removed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

QUESTION_TITLE = "Delete all your Companion data?"
QUESTION = (
    "This removes your journal, its daily copies, your settings and Companion's logs from "
    "this computer, and then Companion closes. It can't be undone."
)


def confirm_delete_all(listed: list[Path], parent: QWidget | None = None) -> bool:
    """Ask, with the files listed under "Show Details…"; "Keep my data" is the default."""
    box = QMessageBox(parent)
    box.setObjectName("deleteAllBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Companion — Delete all my data")
    box.setText(QUESTION_TITLE)
    box.setInformativeText(QUESTION)
    box.setDetailedText("\n".join(str(path) for path in listed) or "Nothing yet.")
    delete = box.addButton("Delete everything", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep my data", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is delete


def show_removed(summary: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Companion — Your data was deleted")
    box.setText("Your Companion data has been deleted. Companion will close now.")
    box.setDetailedText(summary)
    box.exec()


class DataRemovalDialogs:
    """``Removal`` for companion.flows.data_lifecycle: these questions over the files in
    ``data_dir`` and ``log_dir`` (companion.system.data_removal), asked over ``parent()``."""

    def __init__(self, data_dir: Path, log_dir: Path, parent: Callable[[], QWidget | None]) -> None:
        self._data_dir = data_dir
        self._log_dir = log_dir
        self._parent = parent

    def files(self) -> list[Path]:
        from companion.system.data_removal import files_to_remove

        return files_to_remove(self._data_dir, self._log_dir)

    def confirm(self, files: list[Path]) -> bool:
        return confirm_delete_all(files, self._parent())

    def remove(self) -> str:
        """The log is closed first: its files go too."""
        from companion.system.data_removal import describe, remove_all
        from companion.system.logs import stop_logging

        stop_logging()
        return describe(remove_all(self._data_dir, self._log_dir))

    def show_removed(self, summary: str) -> None:
        show_removed(summary)

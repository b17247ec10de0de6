"""“Delete all my data…”: one clear question first, and afterwards what was removed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from companion.ui.settings import messages
from companion.ui.shell.questions import Question, ask_safely

if TYPE_CHECKING:
    from companion.system.data_removal import Elsewhere


def confirm_delete_all(listed: list[Path | str], parent: QWidget | None = None) -> bool:
    """Ask, with the files listed under "Show Details…"; "Keep my data" is the default."""
    question = Question(
        messages.DELETE_ALL_TITLE,
        messages.QUESTION_TITLE,
        messages.DELETE_EVERYTHING,
        messages.KEEP_MY_DATA,
        informative=messages.QUESTION,
        details="\n".join(str(path) for path in listed) or messages.NOTHING_YET,
    )
    return ask_safely(question, parent, name="deleteAllBox")


def show_removed(summary: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(messages.DELETED_TITLE)
    box.setText(messages.DELETED)
    box.setDetailedText(summary)
    box.exec()


class DataRemovalDialogs:
    """``Removal`` for companion.flows.data_lifecycle: these questions over the files in
    ``data_dir`` and ``log_dir`` (companion.system.data_removal), asked over ``parent()``."""

    def __init__(
        self,
        data_dir: Path,
        log_dir: Path,
        parent: Callable[[], QWidget | None],
        key_file: Path | None = None,
        keyring: Callable[[], bool] = lambda: False,
    ) -> None:
        self._data_dir = data_dir
        self._log_dir = log_dir
        self._parent = parent
        self._key_file = key_file
        self._keyring = keyring

    def files(self) -> list[Path | str]:
        """The files, then what is not a file (the keyring's entry, a Run value)."""
        from companion.system.data_removal import files_to_remove

        others = [other.label for other in self._others()]
        return [*files_to_remove(self._data_dir, self._log_dir, self._key_file), *others]

    def confirm(self, files: list[Path | str]) -> bool:
        return confirm_delete_all(files, self._parent())

    def remove(self) -> str:
        """The log is closed first: its files go too."""
        from companion.system.data_removal import describe, remove_all
        from companion.system.logs import stop_logging

        others = self._others()
        stop_logging()
        removal = remove_all(self._data_dir, self._log_dir, key_file=self._key_file, others=others)
        return describe(removal)

    def _others(self) -> list[Elsewhere]:
        from companion.system.data_removal import elsewhere

        return elsewhere(self._data_dir, keyring=self._keyring())

    def show_removed(self, summary: str) -> None:
        show_removed(summary)

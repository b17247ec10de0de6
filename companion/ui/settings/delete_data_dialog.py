"""“Delete all my data…”: one clear question first, and afterwards what was removed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from companion.ui.settings import messages


def confirm_delete_all(listed: list[Path], parent: QWidget | None = None) -> bool:
    """Ask, with the files listed under "Show Details…"; "Keep my data" is the default."""
    box = QMessageBox(parent)
    box.setObjectName("deleteAllBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(messages.DELETE_ALL_TITLE)
    box.setText(messages.QUESTION_TITLE)
    box.setInformativeText(messages.QUESTION)
    box.setDetailedText("\n".join(str(path) for path in listed) or messages.NOTHING_YET)
    delete = box.addButton(messages.DELETE_EVERYTHING, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(messages.KEEP_MY_DATA, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is delete


def show_removed(summary: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(messages.DELETED_TITLE)
    box.setText(messages.DELETED)
    box.setDetailedText(summary)
    box.exec()

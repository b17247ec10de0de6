"""A question whose safe answer is the default: deleting an entry, deleting everything,
starting a new journal. Enter or Escape keeps things as they are."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget


@dataclass(frozen=True)
class Question:
    title: str
    text: str
    #: The button that goes ahead, and the one that keeps things as they are (the default).
    go_ahead: str
    keep: str
    informative: str = ""
    details: str = ""
    #: Warning and DestructiveRole for what can't be undone; Question and AcceptRole else.
    destructive: bool = True


def ask_safely(question: Question, parent: QWidget | None = None, name: str = "") -> bool:
    """Shows ``question`` and waits; True only when the agent chose to go ahead."""
    box = QMessageBox(parent)
    if name:
        box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning if question.destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(question.title)
    box.setText(question.text)
    if question.informative:
        box.setInformativeText(question.informative)
    if question.details:
        box.setDetailedText(question.details)
    role = (
        QMessageBox.ButtonRole.DestructiveRole
        if question.destructive
        else QMessageBox.ButtonRole.AcceptRole
    )
    go_ahead = box.addButton(question.go_ahead, role)
    keep = box.addButton(question.keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is go_ahead

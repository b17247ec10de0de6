"""“Delete all my data…” in the app: one question first (keeping is the default), then what
was removed; nothing goes when the agent keeps it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from companion.app import CompanionApp
from companion.core.calls import DifficultCall
from companion.ui.settings.messages import QUESTION, QUESTION_TITLE
from tests.fakes import T0
from tests.gui.app_helpers import companion, data_dir

__all__ = ["companion", "data_dir"]  # fixtures


@dataclass
class Seen:
    """The dialogs as the agent saw them: title, text, details, and the default button."""

    boxes: list[dict[str, str]] = field(default_factory=list)


def answer_dialogs(qtbot: QtBot, answers: list[str]) -> tuple[Seen, QTimer]:
    """Click ``answers`` in turn in each message box as it opens (they run their own loop)."""
    seen = Seen()
    timer = QTimer()

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not answers:
            return
        default = box.defaultButton()
        seen.boxes.append(
            {
                "title": box.windowTitle(),
                "text": box.text(),
                "informative": box.informativeText(),
                "details": box.detailedText(),
                "default": default.text() if default is not None else "",
                "buttons": ", ".join(b.text() for b in box.buttons()),
            }
        )
        wanted = answers.pop(0)
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == wanted]
        button.click()

    timer.timeout.connect(look)
    timer.start(10)
    return seen, timer


def delete(app: CompanionApp, qtbot: QtBot, answers: list[str]) -> Seen:
    seen, timer = answer_dialogs(qtbot, answers)
    try:
        app.data.delete_all()
    finally:
        timer.stop()
    return seen


def test_keeping_the_data_removes_nothing(
    companion: CompanionApp, qtbot: QtBot, data_dir: Path
) -> None:
    before = sorted(data_dir.rglob("*"))

    seen = delete(companion, qtbot, ["Keep my data"])

    [question] = seen.boxes
    assert question["text"] == QUESTION_TITLE and question["informative"] == QUESTION
    assert question["default"] == "Keep my data"  # Enter keeps everything
    assert str(data_dir / "journal.db") in question["details"].splitlines()
    assert sorted(data_dir.rglob("*")) == before
    companion._storage.calls.add(DifficultCall(tagged_at=T0))  # and the journal still works


def test_deleting_removes_every_file_and_says_what_went(
    companion: CompanionApp, qtbot: QtBot, data_dir: Path
) -> None:
    companion._storage.calls.add(DifficultCall(tagged_at=T0, case_ref="CS-1"))
    qtbot.waitUntil(lambda: (data_dir / "backups").is_dir())  # the start's daily copy

    seen = delete(companion, qtbot, ["Delete everything", "OK"])

    question, summary = seen.boxes
    assert {"Delete everything", "Keep my data"} <= set(question["buttons"].split(", "))
    assert summary["title"] == "Companion — Your data was deleted"
    assert summary["text"] == "Your Companion data has been deleted. Companion will close now."
    removed = summary["details"].splitlines()
    assert removed[0] == "Removed:"
    for path in (data_dir / "journal.db", data_dir / "backups", data_dir):
        assert f"  {path}" in removed, (path, removed)
    assert not data_dir.exists()

"""A real journal on a "full disk" (SQLite's max_page_count): the editor keeps every word and
says so plainly; once there is room again, the same Save works."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from companion.store.database import FULL
from companion.store.storage import open_storage
from companion.ui.journal.entry_editor import EntryEditor
from tests.fakes import FakeClock
from tests.gui.journal_helpers import NOW, button, child, label

WORDS = "Every word of this must survive a full disk. " * 200


def test_a_full_disk_keeps_the_text_and_a_later_save_works(qtbot: QtBot, tmp_path: Path) -> None:
    storage = open_storage(tmp_path / "data", NOW)
    pages = storage.db.execute("PRAGMA page_count").fetchone()[0]
    storage.db.execute(f"PRAGMA max_page_count = {pages}")
    editor = EntryEditor(storage.journal, storage.drafts, FakeClock(NOW))
    qtbot.addWidget(editor)
    editor.show()
    child(editor, QPlainTextEdit, "entryBody").setPlainText(WORDS)

    qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)

    assert editor.isVisible()
    assert child(editor, QPlainTextEdit, "entryBody").toPlainText() == WORDS
    assert FULL in label(editor, "errorLabel").text()
    assert storage.journal.recent() == []

    storage.db.execute("PRAGMA max_page_count = 1073741823")  # room again
    qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)

    assert not editor.isVisible()
    assert [item.entry.body for item in storage.journal.recent()] == [WORDS]
    storage.close()

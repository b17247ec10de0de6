"""“Export journal…” in the journal window's More menu: asks where, writes, says what it did."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from companion.core.journal import JournalEntry
from companion.store.storage import Storage, open_storage
from companion.ui.journal.export_dialog import FILTERS
from companion.ui.journal.journal_window import JournalWindow
from tests.fakes import FakeClock
from tests.gui.journal_helpers import child, label, visible_texts

NOW = datetime(2026, 11, 25, 16, 30).astimezone()
MARKDOWN, JSON_LINES = FILTERS.values()


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what it was offered, answers."""

    def __init__(self, answer: tuple[str, str]) -> None:
        self.answer = answer
        self.offered: list[tuple[str, str, str]] = []

    def __call__(
        self, parent: QWidget, caption: str, suggested: str, filters: str, selected: str
    ) -> tuple[str, str]:
        self.offered.append((caption, suggested, filters))
        return self.answer


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    opened = open_storage(tmp_path / "data", NOW)
    for body in ("The first entry", "The second entry"):
        opened.journal.save(JournalEntry(body=body, created_at=NOW, updated_at=NOW))
    yield opened
    opened.close()


def open_window(qtbot: QtBot, storage: Storage) -> JournalWindow:
    window = JournalWindow(storage.journal, storage.drafts, storage.calls, FakeClock(NOW))
    qtbot.addWidget(window)
    window.show()
    return window


def choose_export(window: JournalWindow) -> None:
    menu = child(window, QPushButton, "moreButton").menu()
    assert isinstance(menu, QMenu)
    next(a for a in menu.actions() if a.text() == "Export journal…").trigger()


def use_dialog(monkeypatch: pytest.MonkeyPatch, answer: tuple[str, str]) -> SaveDialog:
    dialog = SaveDialog(answer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return dialog


def test_it_offers_a_dated_name_in_documents_writes_there_and_says_so(
    qtbot: QtBot, storage: Storage, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested = home / "Documents" / "companion-journal-2026-11-25.md"
    dialog = use_dialog(monkeypatch, (str(suggested), MARKDOWN))
    window = open_window(qtbot, storage)

    choose_export(window)

    assert dialog.offered == [
        (
            "Export your journal to a plain file (not encrypted)",
            str(suggested),
            f"{MARKDOWN};;{JSON_LINES}",
        ),
    ]
    text = suggested.read_text(encoding="utf-8")
    assert "The first entry" in text and "The second entry" in text
    assert stat.S_IMODE(suggested.stat().st_mode) == 0o600
    note = label(window, "exportNote")
    assert note.isVisible()
    assert note.text() == f"Exported 2 entries to {suggested}."


def test_a_name_without_extension_gets_the_chosen_format(
    qtbot: QtBot, storage: Storage, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_dialog(monkeypatch, (str(home / "for-my-tool"), JSON_LINES))
    window = open_window(qtbot, storage)

    choose_export(window)

    lines = (home / "for-my-tool.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line).get("body") for line in lines[1:]] == [
        "The first entry",
        "The second entry",
    ]


def test_cancelling_writes_nothing_and_says_nothing(
    qtbot: QtBot, storage: Storage, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_dialog(monkeypatch, ("", ""))
    window = open_window(qtbot, storage)
    before = visible_texts(window)

    choose_export(window)

    assert list((home / "Documents").iterdir()) == []
    assert visible_texts(window) == before


def test_a_failure_is_said_plainly_where_the_window_shows_problems(
    qtbot: QtBot, storage: Storage, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = home / "gone" / "journal.md"
    use_dialog(monkeypatch, (str(missing), MARKDOWN))
    window = open_window(qtbot, storage)

    choose_export(window)

    assert f"The folder {missing.parent} doesn't exist. Choose another folder." in (
        visible_texts(window)
    )
    assert not label(window, "exportNote").isVisible()
    assert not missing.parent.exists()

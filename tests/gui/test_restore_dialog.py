"""“Restore from backup…”: reached from the journal window, lists the copies, puts one back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from companion.core.journal import JournalEntry
from companion.store.storage import Storage, open_storage
from companion.ui.journal.journal_window import JournalWindow
from companion.ui.journal.messages import NO_COPIES
from companion.ui.journal.restore_dialog import RestoreDialog
from tests.fakes import FakeClock
from tests.gui.journal_helpers import child

NOW = datetime(2026, 11, 24, 16, 30).astimezone()


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    opened = open_storage(tmp_path / "data", NOW)
    yield opened
    opened.close()


def write(storage: Storage, body: str) -> None:
    storage.journal.save(JournalEntry(body=body, created_at=NOW, updated_at=NOW))


def test_the_copies_are_listed_and_one_click_restores_the_chosen_one(
    qtbot: QtBot, storage: Storage, tmp_path: Path
) -> None:
    write(storage, "Monday's entry")
    storage.backups.make_daily(NOW - timedelta(days=1))
    write(storage, "Tuesday's entry")
    storage.backups.make_daily(NOW)
    window = JournalWindow(
        storage.journal, storage.drafts, storage.calls, FakeClock(NOW), backups=storage.backups
    )
    qtbot.addWidget(window)
    window.show()

    more = child(window, QPushButton, "moreButton")
    menu = more.menu()
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Restore from backup…",
        "Export journal…",
        "Delete all my data…",
    ]
    menu.actions()[0].trigger()
    dialog = window.findChild(RestoreDialog)
    assert isinstance(dialog, RestoreDialog)
    listed = child(dialog, QListWidget, "backupList")
    texts = [listed.item(i).text() for i in range(listed.count())]
    assert texts == [
        "Today, 4:30\u202fPM · 2 entries",
        "Monday, November 23, 4:30\u202fPM · 1 entry",
    ]
    dialog.grab().save(str(Path(__file__).parent.parent / "e2e" / "artifacts" / "restore.png"))

    listed.setCurrentRow(1)
    qtbot.mouseClick(_restore(dialog), Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert [item.entry.body for item in storage.journal.recent()] == ["Monday's entry"]
    assert window.editors == ()


def _restore(dialog: RestoreDialog) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == "Restore this copy")


def test_with_no_copies_it_says_so_and_restore_stays_off(qtbot: QtBot, storage: Storage) -> None:
    dialog = RestoreDialog(storage.backups, FakeClock(NOW))
    qtbot.addWidget(dialog)
    listed = child(dialog, QListWidget, "backupList")
    assert listed.item(0).text() == NO_COPIES
    assert not _restore(dialog).isEnabled()


def test_delete_all_is_asked_of_the_app(qtbot: QtBot, storage: Storage) -> None:
    window = JournalWindow(storage.journal, storage.drafts, storage.calls, FakeClock(NOW))
    qtbot.addWidget(window)
    menu = child(window, QPushButton, "moreButton").menu()
    assert isinstance(menu, QMenu)
    with qtbot.waitSignal(window.delete_all_requested):
        next(a for a in menu.actions() if a.text() == "Delete all my data…").trigger()
    restore = next(a for a in menu.actions() if a.text() == "Restore from backup…")
    assert not restore.isEnabled()  # no copies to offer without a backup store

"""The small dialogs (a callback, restoring a copy, how to protect the journal, its passphrase)
name every control once and let Tab follow reading order, as the main windows do
(tests/gui/test_accessible_windows.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from companion.core.journal import JournalEntry
from companion.core.journal_key import Protection
from companion.store.storage import Storage, open_storage
from companion.ui.journal.restore_dialog import RestoreDialog
from companion.ui.privacy import messages as privacy_text
from companion.ui.privacy.unlock_dialogs import PassphraseDialog, ProtectionDialog
from companion.ui.reminders.callback_dialog import CallbackDialog
from tests.fakes import FakeClock
from tests.gui.a11y_checks import out_of_reading_order, tab_chain, unnamed_and_shared

NOW = datetime(2026, 11, 24, 16, 30, tzinfo=UTC)
CHOICES = (Protection.KEY_FILE, Protection.PASSPHRASE, Protection.NONE)


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    opened = open_storage(tmp_path / "data", NOW)
    opened.journal.save(JournalEntry(body="an entry", created_at=NOW, updated_at=NOW))
    opened.backups.make_daily(NOW - timedelta(days=1))
    opened.backups.make_daily(NOW)
    yield opened
    opened.close()


def check(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert unnamed_and_shared(dialog) == ([], [])
    assert out_of_reading_order(dialog) == []
    assert len(tab_chain(dialog)) >= 2  # something to Tab between: the check means something


def test_the_callback_dialog(qtbot: QtBot) -> None:
    check(qtbot, CallbackDialog(lambda: NOW, case_ref="4711"))


def test_restoring_a_copy(qtbot: QtBot, storage: Storage) -> None:
    check(qtbot, RestoreDialog(storage.backups, FakeClock(NOW)))


def test_choosing_how_to_protect_the_journal(qtbot: QtBot) -> None:
    check(qtbot, ProtectionDialog(CHOICES))


@pytest.mark.parametrize("new", [True, False])
def test_the_passphrase(qtbot: QtBot, new: bool) -> None:
    check(qtbot, PassphraseDialog(new=new, problem=privacy_text.MISMATCH if new else None))

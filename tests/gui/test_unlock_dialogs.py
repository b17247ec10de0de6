"""The first-start choice and the passphrase, with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton
from pytestqt.qtbot import QtBot

from companion.core.journal_key import Protection
from companion.ui.privacy import messages as text
from companion.ui.privacy.unlock_dialogs import PassphraseDialog, ProtectionDialog, UnlockDialogs

CHOICES = (Protection.KEY_FILE, Protection.PASSPHRASE, Protection.NONE)


def test_each_way_is_offered_with_what_it_protects_against(qtbot: QtBot) -> None:
    dialog = ProtectionDialog(CHOICES)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # for the arrow keys

    buttons = dialog.findChildren(QRadioButton)
    assert [b.text() for b in buttons] == [text.CHOICES[c][0] for c in CHOICES]
    assert [b.accessibleDescription() for b in buttons] == [text.CHOICES[c][1] for c in CHOICES]
    assert buttons[0].isChecked() and dialog.focusWidget() is buttons[0]

    qtbot.keyClick(buttons[0], Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.chosen() is Protection.PASSPHRASE


def test_a_new_passphrase_is_typed_twice_and_a_mismatch_is_said(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.repeat is not None and dialog.focusWidget() is dialog.first

    qtbot.keyClicks(dialog.first, "river stones")
    qtbot.keyClick(dialog.first, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "river stone")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible() and dialog.problem.text() == text.MISMATCH
    assert dialog.repeat.text() == "" and dialog.focusWidget() is dialog.repeat
    qtbot.keyClicks(dialog.repeat, "river stones")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.passphrase() == "river stones"


def test_unlocking_asks_once_and_shows_why_it_asks_again(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(new=False, problem="That passphrase doesn't open your journal.")
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.repeat is None
    assert dialog.problem.isVisible() and "doesn't open" in dialog.problem.accessibleName()
    assert dialog.windowTitle() == text.UNLOCK_TITLE


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_the_prompts_wait_for_the_agent_and_escape_means_not_now(qtbot: QtBot, key: Qt.Key) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PassphraseDialog)
        qtbot.keyClicks(dialog.first, "correct horse")
        qtbot.keyClick(dialog.first, key)

    QTimer.singleShot(0, answer)
    typed = UnlockDialogs().passphrase(new=False, problem=None)

    assert typed == (None if key == Qt.Key.Key_Escape else "correct horse")


def test_screenshots_for_a_person_to_look_at(qtbot: QtBot, tmp_path: Path) -> None:
    for name, dialog in (
        ("choose", ProtectionDialog(CHOICES)),
        ("new-passphrase", PassphraseDialog(new=True, problem=text.MISMATCH)),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.grab().save(str(tmp_path / f"{name}.png"))
        assert dialog.sizeHint().width() <= 640

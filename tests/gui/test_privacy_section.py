"""What Settings says about privacy is chosen from the facts, and true for each."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from companion.core.journal_key import Encryption, Protection
from companion.system.capture_exclusion import Capture
from companion.ui.privacy import messages as text
from companion.ui.privacy.privacy_section import (
    PrivacyFacts,
    PrivacyGroup,
    confirm_new_journal,
    lock_sentences,
    privacy_sentences,
)

KEYCHAIN, DEFAULT, LINUX = Protection.KEYCHAIN, Encryption.DEFAULT, Capture.SHOWN


def test_each_protection_says_what_it_is_and_linux_says_it_cannot_hide_windows() -> None:
    said = privacy_sentences(PrivacyFacts(KEYCHAIN, DEFAULT, LINUX, encrypted=True))
    assert said == [text.IN_USE[KEYCHAIN], text.CAPTURE[LINUX]]

    key_file = Path("/home/agent/.config/companion/journal.key")
    said = privacy_sentences(
        PrivacyFacts(
            Protection.KEY_FILE, Encryption.REQUIRED, Capture.HIDDEN, encrypted=True,
            key_file=key_file,
        )
    )  # fmt: skip
    assert str(key_file) in said[0] and said[1] == text.CAPTURE[Capture.HIDDEN]


def test_plain_says_so_and_names_it_when_it_turned_encryption_off() -> None:
    said = privacy_sentences(PrivacyFacts(Protection.NONE, Encryption.OFF, LINUX, encrypted=False))
    assert said[:2] == [text.IN_USE[Protection.NONE], text.IT_TURNED_OFF]
    chosen = privacy_sentences(PrivacyFacts(Protection.NONE, DEFAULT, LINUX, encrypted=False))
    assert text.IT_TURNED_OFF not in chosen


def test_a_journal_not_open_yet_says_why_and_claims_nothing_else(qtbot: QtBot) -> None:
    facts = PrivacyFacts(
        KEYCHAIN, DEFAULT, LINUX, encrypted=False, file_open=False,
        why_no_key="Your keyring is locked.",
    )  # fmt: skip
    group = PrivacyGroup(facts, None)
    qtbot.addWidget(group)

    shown = [label.text() for label in group.findChildren(QLabel)]
    assert shown[0] == "Your journal isn't open right now. Your keyring is locked."
    assert "encrypted" not in shown[0]


def test_a_plain_journal_opened_without_its_key_is_not_called_encrypted() -> None:
    """The keyring failed at the first start: the old plain journal opened as it was."""
    said = privacy_sentences(
        PrivacyFacts(KEYCHAIN, DEFAULT, LINUX, encrypted=False, why_no_key="No keyring answer.")
    )
    assert said[0].startswith("Your journal is not encrypted yet. No keyring answer.")
    assert text.IN_USE[KEYCHAIN] not in said


def test_the_lock_offers_never_and_each_stretch_and_says_what_it_is(qtbot: QtBot) -> None:
    facts = PrivacyFacts(KEYCHAIN, DEFAULT, LINUX, encrypted=True, hears_screen_lock=True)
    group = PrivacyGroup(facts, 15)
    qtbot.addWidget(group)

    choices = [group.lock.itemText(i) for i in range(group.lock.count())]
    assert choices[:3] == ["Never", "After 1 minute away", "After 5 minutes away"]
    assert group.chosen_lock_minutes() == 15 and group.lock.isEnabled()
    group.lock.setCurrentIndex(0)
    assert group.chosen_lock_minutes() is None
    assert group.lock_note.text().startswith(text.LOCK_WHAT)
    assert text.LOCK_WITH_SCREEN in group.lock_note.text()
    assert text.LOCK_OWN_PASSPHRASE in group.lock_note.text()  # a keyring: its own passphrase


def test_the_lock_says_which_passphrase_opens_it_and_only_what_this_desktop_hears() -> None:
    passphrase = PrivacyFacts(Protection.PASSPHRASE, DEFAULT, Capture.HIDDEN, encrypted=True)
    said = lock_sentences(passphrase)
    assert text.LOCK_JOURNAL_PASSPHRASE in said and text.LOCK_WITH_SCREEN not in said


def test_while_locked_the_lock_cannot_be_changed_here(qtbot: QtBot) -> None:
    facts = PrivacyFacts(KEYCHAIN, DEFAULT, LINUX, encrypted=True, locked_now=True)
    group = PrivacyGroup(facts, 5)
    qtbot.addWidget(group)

    assert not group.lock.isEnabled() and text.LOCK_WHILE_LOCKED in group.lock_note.text()


def test_a_lock_with_its_own_passphrase_already_asks_for_none() -> None:
    facts = PrivacyFacts(KEYCHAIN, DEFAULT, LINUX, encrypted=True, lock_passphrase_set=True)
    said = lock_sentences(facts)
    assert text.LOCK_OWN_SET in said and text.LOCK_OWN_PASSPHRASE not in said


def test_a_lost_key_offers_a_new_journal_only_after_a_second_yes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting = PrivacyFacts(KEYCHAIN, DEFAULT, LINUX, encrypted=False, file_open=False)
    assert PrivacyGroup(waiting, None).new_journal is None  # a locked keyring: nothing offered

    lost = PrivacyFacts(KEYCHAIN, DEFAULT, LINUX, encrypted=False, file_open=False, key_lost=True)
    group = PrivacyGroup(lost, None)
    qtbot.addWidget(group)
    wanted: list[None] = []
    group.new_journal_wanted.connect(lambda: wanted.append(None))
    answers = iter([False, True])
    monkeypatch.setattr(
        "companion.ui.privacy.privacy_section.confirm_new_journal", lambda parent: next(answers)
    )
    assert group.new_journal is not None
    assert group.new_journal.accessibleDescription() == text.NEW_JOURNAL_WHY

    group.new_journal.click()  # "Keep waiting"
    assert wanted == []
    group.new_journal.click()
    assert wanted == [None]


def test_starting_over_is_never_one_enter_away(qtbot: QtBot) -> None:
    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, press_enter)
            return
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(20, press_enter)
    assert not confirm_new_journal()

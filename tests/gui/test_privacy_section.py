"""What Settings says about privacy is chosen from the facts, and true for each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from companion.core.journal_key import Encryption, Protection
from companion.system.capture_exclusion import Capture
from companion.ui.privacy import messages as text
from companion.ui.privacy.privacy_section import PrivacyFacts, privacy_group, privacy_sentences


def test_each_protection_says_what_it_is_and_linux_says_it_cannot_hide_windows() -> None:
    said = privacy_sentences(PrivacyFacts(Protection.KEYCHAIN, Encryption.DEFAULT, Capture.SHOWN))
    assert said == [text.IN_USE[Protection.KEYCHAIN], text.CAPTURE[Capture.SHOWN]]

    key_file = Path("/home/agent/.config/companion/journal.key")
    said = privacy_sentences(
        PrivacyFacts(Protection.KEY_FILE, Encryption.REQUIRED, Capture.HIDDEN, key_file=key_file)
    )
    assert str(key_file) in said[0] and said[1] == text.CAPTURE[Capture.HIDDEN]


def test_plain_says_so_and_names_it_when_it_turned_encryption_off() -> None:
    said = privacy_sentences(PrivacyFacts(Protection.NONE, Encryption.OFF, Capture.SHOWN))
    assert said[:2] == [text.IN_USE[Protection.NONE], text.IT_TURNED_OFF]
    chosen = privacy_sentences(PrivacyFacts(Protection.NONE, Encryption.DEFAULT, Capture.SHOWN))
    assert text.IT_TURNED_OFF not in chosen


def test_a_journal_not_open_yet_says_why_and_claims_nothing_else(qtbot: QtBot) -> None:
    facts = PrivacyFacts(
        Protection.KEYCHAIN, Encryption.DEFAULT, Capture.SHOWN, waiting="Your keyring is locked."
    )
    group = privacy_group(facts)
    qtbot.addWidget(group)

    shown = [label.text() for label in group.findChildren(QLabel)]
    assert shown[0] == text.NOT_OPEN_NOW.format(why="Your keyring is locked.")
    assert "opens without a question" not in " ".join(shown)

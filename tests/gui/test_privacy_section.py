"""What Settings says about privacy is chosen from the facts, and true for each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from companion.core.journal_key import Encryption, Protection
from companion.system.capture_exclusion import Capture
from companion.ui.privacy import messages as text
from companion.ui.privacy.privacy_section import PrivacyFacts, privacy_group, privacy_sentences

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
    group = privacy_group(facts)
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

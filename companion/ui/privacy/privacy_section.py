"""Settings' privacy group: how the journal is kept, and what screen sharing shows of it.

Read-only for now: every sentence is chosen from the facts of this computer and this start
(the protection in use, IT's rule, whether the journal opened, what captures show).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from companion.core.journal_key import Encryption, Protection
from companion.system.capture_exclusion import Capture
from companion.ui.privacy import messages as text


@dataclass(frozen=True)
class PrivacyFacts:
    protection: Protection
    rule: Encryption
    capture: Capture
    #: Whether the journal open now is encrypted (False: plain, or a temporary one in memory).
    encrypted: bool
    #: Whether the journal file is open (False: a temporary journal stands in for it).
    file_open: bool = True
    #: Why there was no key at this start (a locked keyring, no passphrase); None with one.
    why_no_key: str | None = None
    key_file: Path | None = None


def privacy_sentences(facts: PrivacyFacts) -> list[str]:
    """What Settings says, in order; each true for ``facts``."""
    why = facts.why_no_key or ""
    if facts.protection is Protection.NONE or facts.encrypted:
        kept = text.IN_USE[facts.protection].format(path=facts.key_file or "")
    elif not facts.file_open:
        kept = text.NOT_OPEN_NOW.format(why=why).strip()
    else:
        kept = text.NOT_ENCRYPTED_YET.format(why=why).strip()
    said = [kept]
    if facts.protection is Protection.NONE and facts.rule is Encryption.OFF:
        said.append(text.IT_TURNED_OFF)
    said.append(text.CAPTURE[facts.capture])
    return said


def privacy_group(facts: PrivacyFacts, parent: QWidget | None = None) -> QGroupBox:
    group = QGroupBox(text.PRIVACY_GROUP, parent)
    layout = QVBoxLayout(group)
    for sentence in privacy_sentences(facts):
        label = QLabel(sentence, group)
        label.setWordWrap(True)
        layout.addWidget(label)
    return group

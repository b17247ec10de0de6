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
    #: Why the journal isn't open (a locked keyring, no passphrase yet); None when it is.
    waiting: str | None = None
    key_file: Path | None = None


def privacy_sentences(facts: PrivacyFacts) -> list[str]:
    """What Settings says, in order; each true for ``facts``."""
    if facts.waiting is not None and facts.protection is not Protection.NONE:
        kept = text.NOT_OPEN_NOW.format(why=facts.waiting)
    else:
        kept = text.IN_USE[facts.protection].format(path=facts.key_file or "")
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

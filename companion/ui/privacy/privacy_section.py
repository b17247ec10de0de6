"""Settings' privacy group: how the journal is kept, and what screen sharing shows of it.

Every sentence is chosen from the facts of this computer and this start (the protection in
use, IT's rule, whether the journal opened, what captures show). One choice: the app lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.core.app_lock import LOCK_AFTER_MINUTES
from companion.core.journal_key import Encryption, Protection
from companion.system.capture_exclusion import Capture
from companion.ui.privacy import messages as text
from companion.ui.shell.questions import Question, ask_safely


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
    #: The app lock: whether it is locked now (then it can't be changed here), and whether
    #: the journal's passphrase opens it (else it has a passphrase of its own).
    locked_now: bool = False
    hears_screen_lock: bool = False
    #: Whether the lock has a passphrase of its own already (keyring and key file journals).
    lock_passphrase_set: bool = False
    #: The journal waits for a key that is gone (or a passphrase not given): a new one is offered.
    key_lost: bool = False


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


def lock_sentences(facts: PrivacyFacts) -> list[str]:
    """What Settings says under the lock's choice."""
    said = [text.LOCK_WHAT]
    if facts.hears_screen_lock:
        said.append(text.LOCK_WITH_SCREEN)
    if facts.locked_now:
        said.append(text.LOCK_WHILE_LOCKED)
    elif facts.protection is Protection.PASSPHRASE and facts.encrypted:
        said.append(text.LOCK_JOURNAL_PASSPHRASE)
    elif facts.lock_passphrase_set:
        said.append(text.LOCK_OWN_SET)
    else:
        said.append(text.LOCK_OWN_PASSPHRASE)
    return said


def lock_choice_label(minutes: int | None) -> str:
    if minutes is None:
        return text.LOCK_OFF
    return text.lock_after(minutes)


class PrivacyGroup(QGroupBox):
    """The facts, then the app lock's choice (``chosen_lock_minutes``); while the key is lost,
    "Start a new journal…", asked twice over (``new_journal_wanted``)."""

    new_journal_wanted = Signal()

    def __init__(
        self, facts: PrivacyFacts, lock_minutes: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(text.PRIVACY_GROUP, parent)
        layout = QVBoxLayout(self)
        for sentence in privacy_sentences(facts):
            layout.addWidget(_wrapped(sentence, self))
        self.new_journal: QPushButton | None = None
        if facts.key_lost:
            layout.addWidget(_wrapped(text.NEW_JOURNAL_WHY, self))
            self.new_journal = QPushButton(text.NEW_JOURNAL_BUTTON, self)
            self.new_journal.setAccessibleDescription(text.NEW_JOURNAL_WHY)
            self.new_journal.clicked.connect(self._ask_new_journal)
            row = QHBoxLayout()
            row.addWidget(self.new_journal)
            row.addStretch(1)
            layout.addLayout(row)
        self.lock = QComboBox(self)
        for minutes in (None, *LOCK_AFTER_MINUTES):
            self.lock.addItem(lock_choice_label(minutes), minutes)
        self.lock.setCurrentIndex(max(0, self.lock.findData(lock_minutes)))
        self.lock.setEnabled(not facts.locked_now)
        form = QFormLayout()
        form.addRow(text.LOCK_LABEL, self.lock)
        layout.addLayout(form)
        notes = " ".join(lock_sentences(facts))
        self.lock_note = _wrapped(notes, self)
        self.lock.setAccessibleDescription(notes)
        layout.addWidget(self.lock_note)

    def _ask_new_journal(self) -> None:
        if confirm_new_journal(self):
            self.window().close()  # the journal opens only while no window is open
            self.new_journal_wanted.emit()

    def chosen_lock_minutes(self) -> int | None:
        minutes = self.lock.currentData()
        return None if minutes is None else int(minutes)


def confirm_new_journal(parent: QWidget | None = None) -> bool:
    """ "Keep waiting" is the default: starting over is never one Enter away."""
    question = Question(
        text.NEW_JOURNAL_TITLE,
        text.NEW_JOURNAL_TITLE,
        text.NEW_JOURNAL_YES,
        text.NEW_JOURNAL_NO,
        informative=text.NEW_JOURNAL_QUESTION,
        destructive=False,
    )
    return ask_safely(question, parent)


def _wrapped(words: str, parent: QWidget) -> QLabel:
    label = QLabel(words, parent)
    label.setWordWrap(True)
    return label

"""The questions of companion.flows.journal_unlock: how to keep the key, and the passphrase.

Both are small modal dialogs, usable with the keyboard alone (the first choice and the first
field have the focus; Enter accepts, Escape is "Not now") and named for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from companion.core.journal_key import Protection
from companion.ui.look.theme import size_for_text
from companion.ui.privacy import messages as text


@dataclass(frozen=True)
class PassphraseWords:
    """What a passphrase dialog says: its title, one sentence above the field, its button."""

    title: str
    intro: str
    ok: str


JOURNAL_NEW = PassphraseWords(text.NEW_TITLE, text.NEW_INTRO, text.NEW_OK)
JOURNAL_UNLOCK = PassphraseWords(text.UNLOCK_TITLE, text.UNLOCK_INTRO, text.UNLOCK_OK)
LOCK_NEW = PassphraseWords(text.LOCK_NEW_TITLE, text.LOCK_NEW_INTRO, text.NEW_OK)
LOCK_OWN = PassphraseWords(text.LOCKED_TITLE, text.LOCKED_OWN_INTRO, text.UNLOCK_OK)
LOCK_JOURNAL = PassphraseWords(text.LOCKED_TITLE, text.LOCKED_JOURNAL_INTRO, text.UNLOCK_OK)


class UnlockDialogs:
    """``UnlockPrompts`` for the flow: each call shows one dialog and waits for the agent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def choose(self, choices: tuple[Protection, ...]) -> Protection | None:
        dialog = ProtectionDialog(choices, self._parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def passphrase(self, *, new: bool, problem: str | None) -> str | None:
        return ask_passphrase(JOURNAL_NEW if new else JOURNAL_UNLOCK, new, problem, self._parent)


def ask_passphrase(
    words: PassphraseWords, new: bool, problem: str | None, parent: QWidget | None = None
) -> str | None:
    """Shows one passphrase dialog and waits; None when the agent closes it."""
    dialog = PassphraseDialog(new=new, problem=problem, parent=parent, words=words)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _paragraph(words: str, parent: QWidget) -> QLabel:
    label = QLabel(words, parent)
    label.setWordWrap(True)
    return label


class ProtectionDialog(QDialog):
    """One radio button per way to keep the key, each with what it protects against."""

    def __init__(self, choices: tuple[Protection, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(text.CHOOSE_TITLE)
        size_for_text(self, 0, 0, min_width=460)
        layout = QVBoxLayout(self)
        layout.addWidget(_paragraph(text.CHOOSE_INTRO, self))
        self._group = QButtonGroup(self)
        self._choices = choices
        for index, choice in enumerate(choices):
            title, explanation = text.CHOICES[choice]
            button = QRadioButton(title, self)
            button.setAccessibleDescription(explanation)
            button.setChecked(index == 0)
            self._group.addButton(button, index)
            layout.addWidget(button)
            detail = _paragraph(explanation, self)
            detail.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(detail)
        layout.addStretch(1)
        buttons = QDialogButtonBox(self)
        buttons.addButton(text.CHOOSE_OK, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(text.CHOOSE_LATER, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first = self._group.button(0)
        if first is not None:
            first.setFocus()

    def chosen(self) -> Protection:
        return self._choices[max(self._group.checkedId(), 0)]


class PassphraseDialog(QDialog):
    """Asks for the passphrase; a new one is typed twice."""

    def __init__(
        self,
        *,
        new: bool,
        problem: str | None = None,
        parent: QWidget | None = None,
        words: PassphraseWords | None = None,
    ) -> None:
        super().__init__(parent)
        words = words or (JOURNAL_NEW if new else JOURNAL_UNLOCK)
        self.setWindowTitle(words.title)
        size_for_text(self, 0, 0, min_width=420)
        layout = QVBoxLayout(self)
        layout.addWidget(_paragraph(words.intro, self))
        self.problem = _paragraph(problem or "", self)
        self.problem.setObjectName("problem")
        font = self.problem.font()
        font.setBold(True)
        self.problem.setFont(font)
        self.problem.setVisible(problem is not None)
        self.problem.setAccessibleName(problem or "")
        layout.addWidget(self.problem)
        self.first = self._field(text.PASSPHRASE_LABEL, layout)
        self.repeat = self._field(text.REPEAT_LABEL, layout) if new else None
        show = QCheckBox(text.SHOW_TYPING, self)
        show.toggled.connect(self._show_typing)
        layout.addWidget(show)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(words.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.addButton(text.UNLOCK_LATER, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept_if_same)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.first.setFocus()

    def passphrase(self) -> str:
        return self.first.text()

    def _field(self, label: str, layout: QVBoxLayout) -> QLineEdit:
        caption = QLabel(label, self)
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(label)
        caption.setBuddy(field)
        layout.addWidget(caption)
        layout.addWidget(field)
        return field

    def _show_typing(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.first, self.repeat):
            if field is not None:
                field.setEchoMode(mode)

    def _accept_if_same(self) -> None:
        if self.repeat is not None and self.repeat.text() != self.first.text():
            self.problem.setText(text.MISMATCH)
            self.problem.setAccessibleName(text.MISMATCH)
            self.problem.setVisible(True)
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self.accept()

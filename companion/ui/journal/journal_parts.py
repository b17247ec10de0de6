"""Small pieces of the journal window and editor: the question, the moods, two banners."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.core.journal import REFLECTION_PROMPTS, Draft
from companion.core.moods import Mood
from companion.ui.journal import messages
from companion.ui.journal.journal_style import make_button, make_label
from companion.ui.journal.messages import when_in_sentence


class PromptBox(QWidget):
    """A gentle question, another one on request, or none: ``changed`` says which is shown."""

    changed = Signal()

    def __init__(self, prompt: str | None, first: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first = first
        self._box = QFrame()
        self._box.setObjectName("promptBox")
        self._label = make_label("", "promptLabel")
        self.another_button = make_button(
            messages.ANOTHER_QUESTION, messages.ANOTHER_QUESTION_NAME, "linkButton"
        )
        self.another_button.clicked.connect(self._on_another_clicked)
        self.hide_button = make_button(messages.NOT_NOW, messages.NOT_NOW_NAME, "linkButton")
        self.hide_button.clicked.connect(lambda: self._set(None))
        self.show_button = make_button(
            messages.NEED_A_QUESTION, messages.NEED_A_QUESTION_NAME, "linkButton"
        )
        self.show_button.clicked.connect(self._on_show_clicked)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.another_button)
        row.addWidget(self.hide_button)
        inner = QVBoxLayout(self._box)
        inner.setContentsMargins(14, 10, 8, 4)
        inner.setSpacing(2)
        inner.addWidget(self._label)
        inner.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._box)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.set_prompt(prompt)

    @property
    def prompt(self) -> str | None:
        return self._prompt

    def set_prompt(self, prompt: str | None) -> None:
        self._prompt = prompt
        self._label.setText(prompt or "")
        self._box.setVisible(prompt is not None)
        self.show_button.setVisible(prompt is None)

    def _set(self, prompt: str | None) -> None:
        self.set_prompt(prompt)
        self.changed.emit()

    def _on_another_clicked(self) -> None:
        current = self._prompt
        index = REFLECTION_PROMPTS.index(current) + 1 if current in REFLECTION_PROMPTS else 0
        self._set(REFLECTION_PROMPTS[index % len(REFLECTION_PROMPTS)])

    def _on_show_clicked(self) -> None:
        self._set(self._first)
        self.another_button.setFocus()


class MoodRow(QWidget):
    """Five faces; one or none is chosen, and clicking the chosen one clears it."""

    changed = Signal()

    def __init__(self, mood: Mood | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mood = mood
        self.buttons: dict[Mood, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        # Wraps: the question runs a third longer in German or French, beside five faces.
        row.addWidget(make_label(messages.MOOD_QUESTION, "soft"))
        for choice in Mood:
            button = make_button(choice.face, messages.mood_name(choice), "moodButton")
            button.setToolTip(choice.label)
            button.setCheckable(True)
            button.setChecked(choice == mood)
            button.clicked.connect(lambda checked, m=choice: self._on_clicked(m, checked))
            self.buttons[choice] = button
            row.addWidget(button)
        self._chosen = make_label(mood.label if mood else "", "soft", wrap=False)
        row.addWidget(self._chosen)
        row.addStretch(1)

    @property
    def mood(self) -> Mood | None:
        return self._mood

    def set_mood(self, mood: Mood | None) -> None:
        self._mood = mood
        self._chosen.setText(mood.label if mood else "")
        for choice, button in self.buttons.items():
            button.setChecked(choice == mood)

    def _on_clicked(self, mood: Mood, checked: bool) -> None:
        self.set_mood(mood if checked else None)
        self.changed.emit()


class ErrorBox(QFrame):
    """A known storage problem, said plainly, with "Try again"."""

    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBox")
        self.label = make_label("", "errorText")
        retry = make_button(messages.TRY_AGAIN, messages.TRY_AGAIN_NAME, "linkButton")
        retry.clicked.connect(self.retry_clicked.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        row.addWidget(self.label, 1)
        row.addWidget(retry)
        self.hide()

    def show_message(self, message: str) -> None:
        self.label.setText(message)
        self.show()


class DraftsBanner(QFrame):
    """'You have unsaved writing from 10:42 — Continue', for the newest draft not open now."""

    continue_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftsBanner")
        self._draft: Draft | None = None
        self.label = make_label("", "bannerLabel")
        self.continue_button = make_button(messages.CONTINUE, messages.CONTINUE_NAME, "linkButton")
        self.continue_button.clicked.connect(self._on_continue_clicked)
        self.label.setWordWrap(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 8, 6)
        row.setSpacing(2)
        row.addWidget(self.label)
        row.addWidget(self.continue_button)
        row.addStretch(1)
        self.hide()

    def show_drafts(self, drafts: list[Draft], now: datetime) -> None:
        self._draft = max(drafts, key=lambda d: d.saved_at, default=None)
        if self._draft is None:
            self.hide()
            return
        when = when_in_sentence(self._draft.saved_at, now)
        self.label.setText(messages.drafts_text(when, len(drafts)))
        self.show()

    def _on_continue_clicked(self) -> None:
        if self._draft is not None:
            self.continue_clicked.emit(self._draft)


class CallbacksBanner(QFrame):
    """The callbacks the agent promised and has not done yet, overdue ones first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callbacksBanner")
        self.label = make_label("", "bannerLabel")
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 8, 6)
        row.addWidget(self.label, 1)
        self.hide()

    def show_callbacks(self, lines: list[str]) -> None:
        if not lines:
            self.hide()
            return
        self.label.setText(messages.callbacks_text(lines))
        self.show()

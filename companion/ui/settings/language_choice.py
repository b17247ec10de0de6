"""The settings window's language choice: the desktop's, or a language in its own name."""

from __future__ import annotations

from collections.abc import Sequence

from babel import Locale, UnknownLocaleError
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from companion.system.language import available_languages
from companion.ui.settings import language_messages as messages
from companion.ui.settings.messages import FOLLOW_DESKTOP


def own_name(tag: str) -> str:
    """A language as its speakers write it: "Español", "Português (Brasil)", "Deutsch"."""
    try:
        name = Locale.parse(tag).get_display_name(tag) or tag
    except (ValueError, UnknownLocaleError):
        return tag
    return name[:1].upper() + name[1:]


class LanguageChoice(QWidget):
    """A list of languages (None first: follow the desktop) and, once another is picked, a
    word that it applies from the next start: sentences are translated as windows are made."""

    def __init__(self, current: str | None, available: Sequence[str] | None = None) -> None:
        super().__init__()
        tags = list(available_languages() if available is None else available)
        if current is not None and current not in tags:
            tags.append(current)  # IT's or an older choice without a catalog here: shown as is
        self.combo = QComboBox()
        self.combo.addItem(FOLLOW_DESKTOP, None)
        for tag in sorted(tags, key=lambda t: own_name(t).casefold()):
            self.combo.addItem(own_name(tag), tag)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.setAccessibleName(messages.LANGUAGE)
        # On Linux Qt names a combo box by its value ("Follow my desktop") and the form's label
        # belongs to this container: the description says what the list is about.
        self.combo.setAccessibleDescription(messages.LANGUAGE)
        self._current = current
        self.note = QLabel(messages.NEXT_START)
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.combo.currentIndexChanged.connect(self._on_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.note)

    def chosen(self) -> str | None:
        data = self.combo.currentData()
        return data if isinstance(data, str) else None

    def _on_changed(self) -> None:
        self.note.setVisible(self.chosen() != self._current)

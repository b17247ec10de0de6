"""The reply you won't send: written, then kept in the journal or thrown away. Companion never
copies it anywhere, and neither can a slip of the keyboard: copy, cut and dragging text out are
off in this field, so it can't end up in a reply to the customer by accident."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from companion.ui.care import messages as text
from companion.ui.look.theme import size_for_text
from companion.ui.privacy.capture_shield import shield
from companion.ui.shell.questions import Question, ask_safely

#: Longest reply kept (about ten pages): more is cut, never refused silently.
MAX_REPLY_CHARS = 20_000


class SealedEdit(QPlainTextEdit):
    """A text field whose words stay in it: no copy, no cut, no drag out, no context menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
            QKeySequence.StandardKey.Cut
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        return QMimeData()  # a drag carries nothing out


class CoolOffWindow(QWidget):
    """``keep_requested(text)`` when the agent keeps it; closing with words in it asks first."""

    keep_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(text.COOL_OFF_TITLE)
        self.setObjectName("coolOffWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        size_for_text(self, 520, 380)
        shield(self)  # private words: left out of screen sharing where the OS allows
        intro = QLabel(text.COOL_OFF_INTRO, self)
        intro.setWordWrap(True)
        self.field = SealedEdit(self)
        self.field.setAccessibleName(text.COOL_OFF_FIELD)
        self.field.textChanged.connect(self._limit)
        self.keep = QPushButton(text.KEEP, self)
        self.keep.clicked.connect(self._keep)
        self.throw_away = QPushButton(text.THROW_AWAY, self)
        self.throw_away.clicked.connect(self._throw_away)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep)
        row.addWidget(self.throw_away)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(intro)
        layout.addWidget(self.field, 1)
        layout.addLayout(row)
        self.field.setFocus()
        self._decided = False

    def _limit(self) -> None:
        words = self.field.toPlainText()
        if len(words) > MAX_REPLY_CHARS:
            self.field.setPlainText(words[:MAX_REPLY_CHARS])

    def _keep(self) -> None:
        words = self.field.toPlainText().strip()
        if words:
            self.keep_requested.emit(words)
        self._decided = True
        self.close()

    def _throw_away(self) -> None:
        self.field.clear()
        self._decided = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed with words in it: keep them (the default) or throw them away, as asked."""
        if not self._decided and self.field.toPlainText().strip():
            question = Question(
                text.KEEP_QUESTION,
                text.KEEP_QUESTION,
                text.THROW_AWAY,
                text.KEEP,
                informative=text.KEEP_INFORMATIVE,
            )
            if not ask_safely(question, self):
                self._keep()
                return
        self._decided = True
        super().closeEvent(event)

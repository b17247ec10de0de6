"""A one-click mood check: five faces and a way to skip the question."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from companion.core.moods import Mood
from companion.ui.breathing import messages
from companion.ui.breathing.breathing_style import MOOD_FACE_PX, MOOD_WORD_PX
from companion.ui.look.theme import current_look

_DIGIT_KEYS = {
    Qt.Key.Key_1: Mood.AWFUL,
    Qt.Key.Key_2: Mood.LOW,
    Qt.Key.Key_3: Mood.OKAY,
    Qt.Key.Key_4: Mood.CALM,
    Qt.Key.Key_5: Mood.GOOD,
}


def mood_for_key(key: int) -> Mood | None:
    """The mood a digit key picks (1-5), or None for any other key."""
    for digit, mood in _DIGIT_KEYS.items():
        if key == digit:
            return mood
    return None


class _Line(QSpacerItem):
    """One line of a face button: laid out like a label, painted by the button.

    Two labels per face made the window build, style and lay out ten more widgets before its
    first frame (issue #5); the layout still places these lines exactly where those were.
    """

    def __init__(self, text: str, design_px: int, color: str, font: QFont) -> None:
        self.text = text
        self.font = QFont(font)
        self.font.setPointSizeF(current_look().points(design_px))
        self.color = QColor(color)
        # A label's size hint: its text's bounding box; it grows, never shrinks below it.
        flags = int(Qt.AlignmentFlag.AlignCenter)
        size = QFontMetrics(self.font).boundingRect(QRect(0, 0, 2000, 2000), flags, text).size()
        grows = QSizePolicy.Policy.Minimum
        super().__init__(size.width(), size.height(), grows, grows)


class FaceButton(QPushButton):
    """A flat button showing a big face with its word underneath."""

    def __init__(self, mood: Mood, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moodButton")
        self.setAccessibleName(messages.mood_name(mood))
        self.setToolTip(messages.mood_tooltip(mood))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(True)  # Enter activates the focused face, as in a dialog.
        self.setMinimumSize(72, 86)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        text_color = current_look().breath.text
        self._lines = (
            _Line(mood.face, MOOD_FACE_PX, text_color, self.font()),
            _Line(mood.label, MOOD_WORD_PX, text_color, self.font()),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 8)
        layout.addItem(self._lines[0])
        layout.addSpacing(2)  # a layout puts no spacing next to a spacer item by itself
        layout.addItem(self._lines[1])

    def sizeHint(self) -> QSize:
        # A button's own hint counts only its (empty) text: the lines decide, at any text size.
        # (QPushButton's minimumSizeHint asks this one.)
        layout = self.layout()
        lines = layout.minimumSize() if layout is not None else QSize()
        return lines.expandedTo(super().sizeHint())

    @property
    def lines(self) -> tuple[str, str]:
        """The face and the word, as shown."""
        return self._lines[0].text, self._lines[1].text

    def line_rects(self) -> tuple[QRect, QRect]:
        """Where the face and the word are drawn (as the layout placed them)."""
        return self._lines[0].geometry(), self._lines[1].geometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the styled button: background, border, focus ring
        painter = QPainter(self)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextForceLeftToRight
        for line in self._lines:
            painter.setFont(line.font)
            painter.setPen(line.color)
            painter.drawText(line.geometry(), flags, line.text)


class MoodPicker(QGroupBox):
    """Asks one question; ``chosen`` carries the :class:`Mood`, or None when skipped."""

    chosen = Signal(object)

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moodPicker")
        # A group named by its question, which a screen reader says as the focus enters the
        # faces; without it Orca said "Mood 3: Okay" with no question before it. (A plain
        # widget is a "filler", which screen readers pass over.) Drawn as nothing but its
        # contents: no title, no frame.
        self.setAccessibleName(question)
        self.setFlat(True)
        self.setStyleSheet("QGroupBox#moodPicker { border: none; margin: 0; padding: 0; }")
        self._question = QLabel(question)
        self._question.setObjectName("moodQuestion")
        self._question.setWordWrap(True)
        self._question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._buttons: dict[Mood, QPushButton] = {}
        faces = QHBoxLayout()
        faces.setSpacing(8)
        for mood in Mood:
            button = FaceButton(mood)
            button.clicked.connect(lambda _checked=False, m=mood: self.choose(m))
            self._buttons[mood] = button
            faces.addWidget(button)
        self._skip = QPushButton(messages.SKIP)
        self._skip.setObjectName("quietButton")
        self._skip.setAccessibleName(messages.SKIP_MOOD_NAME)
        self._skip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._skip.setAutoDefault(True)
        self._skip.clicked.connect(lambda: self.choose(None))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self._question)
        layout.addLayout(faces)
        layout.addWidget(self._skip, 0, Qt.AlignmentFlag.AlignHCenter)

    @property
    def question(self) -> str:
        return self._question.text()

    def button(self, mood: Mood | None) -> QPushButton:
        """The face button for ``mood``, or the Skip button for None."""
        return self._skip if mood is None else self._buttons[mood]

    def focus_default(self) -> None:
        """Focus the middle face, so Enter never picks an extreme by accident.

        (Not a focus proxy: that would make Tab jump over the first two faces.)
        """
        self._buttons[Mood.OKAY].setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, mood: Mood | None) -> None:
        self.chosen.emit(mood)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mood = mood_for_key(event.key())
        if mood is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.choose(mood)
            return
        super().keyPressEvent(event)

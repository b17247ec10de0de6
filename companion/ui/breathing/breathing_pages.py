"""The three pages of the breathing window: before, breathing and after."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.core.aftercare import Care
from companion.core.breaks import EXTEND_SECONDS
from companion.core.breathing import PATTERNS, Pattern, PhaseState
from companion.core.moods import Mood
from companion.ui.breathing import accessible, messages
from companion.ui.breathing.mood_picker import MoodPicker
from companion.ui.breathing.pacer import PacerWidget
from companion.ui.breathing.phase_cues import PhaseCues
from companion.ui.breathing.phase_sound import PhaseSound
from companion.ui.calls.call_details import CallDetailsForm
from companion.ui.care import messages as care_text
from companion.ui.shell.screen_reader import name_combo_box


def make_button(text: str, accessible_name: str, object_name: str = "") -> QPushButton:
    """A push button that Tab reaches on every platform and that Enter activates."""
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(True)
    if object_name:
        button.setObjectName(object_name)
    return button


def make_label(text: str, object_name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if object_name:
        label.setObjectName(object_name)
    return label


class BeforePage(QWidget):
    """Mood check (optional), the choice of pattern with why it works, and Start.

    ``countdown`` under Start is where the window says when breathing will start by itself.
    """

    pattern_changed = Signal(object)

    def __init__(
        self,
        pattern: Pattern,
        *,
        mood_check: bool,
        phone_hint: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.picker: MoodPicker | None = None
        #: IT's words for going "not ready" in the phone system first (plain text).
        self.phone_hint: QLabel | None = None
        if phone_hint:
            self.phone_hint = make_label(phone_hint, "soft")
            self.phone_hint.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        if mood_check:
            self.picker = MoodPicker(messages.MOOD_BEFORE)
            layout.addWidget(self.picker)
        else:
            layout.addWidget(make_label(messages.READY, "heading"))
        layout.addSpacing(6)
        self.pattern_box = QComboBox()
        name_combo_box(self.pattern_box, messages.PATTERN_NAME)
        for candidate in PATTERNS.values():
            self.pattern_box.addItem(candidate.name, candidate.key)
        self.pattern_box.setCurrentIndex(self.pattern_box.findData(pattern.key))
        self.pattern_box.currentIndexChanged.connect(self._on_pattern_box_changed)
        self.summary = make_label("", "soft")
        self.why_toggle = make_button(messages.WHY, messages.WHY_NAME, "linkButton")
        self.why_toggle.setCheckable(True)
        self.why_toggle.toggled.connect(self._on_why_toggle_toggled)
        # Built on the first "Why this works": most breaks never open it (issue #5).
        self._why: tuple[QScrollArea, QLabel, QLabel] | None = None
        self._pattern = pattern
        self.start_button = make_button(messages.START, messages.START, "primaryButton")
        self.countdown = make_label("", "soft")
        self.countdown.setAccessibleDescription(messages.COUNTDOWN_DESCRIPTION)
        self._layout = layout
        layout.addWidget(self.pattern_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.why_toggle, 0, Qt.AlignmentFlag.AlignHCenter)
        self._spacer = QWidget()
        layout.addWidget(self._spacer, 1)
        if self.phone_hint is not None:
            layout.addWidget(self.phone_hint)
        layout.addWidget(self.start_button)
        layout.addWidget(self.countdown)
        self.show_pattern(pattern)

    def _build_why_area(self) -> tuple[QScrollArea, QLabel, QLabel]:
        """The research behind a pattern is long: it scrolls rather than squeezing the faces."""
        why = make_label("", "small")
        source = make_label("", "source")
        body = QWidget()
        body.setObjectName("whyBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(8)
        for label in (why, source):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column.addWidget(label)
        column.addStretch(1)
        area = QScrollArea()
        area.setObjectName("whyArea")
        area.setWidget(body)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Where it always stood: between the toggle and the spacer it takes turns with, and
        # next after the toggle for Tab.
        self._layout.insertWidget(self._layout.indexOf(self._spacer), area, 1)
        QWidget.setTabOrder(self.why_toggle, area)
        return area, why, source

    def focus_default(self) -> None:
        if self.picker is not None:
            self.picker.focus_default()
        else:
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_pattern(self, pattern: Pattern) -> None:
        self._pattern = pattern
        self.summary.setText(pattern.summary)
        if self._why is not None:
            _area, why, source = self._why
            why.setText(pattern.why)
            source.setText(pattern.source)

    def _on_pattern_box_changed(self, index: int) -> None:
        pattern = PATTERNS[str(self.pattern_box.itemData(index))]
        self.show_pattern(pattern)
        self.pattern_changed.emit(pattern)

    def _on_why_toggle_toggled(self, checked: bool) -> None:
        if self._why is None:
            self._why = self._build_why_area()
            self.show_pattern(self._pattern)
        self._why[0].setVisible(checked)
        self._spacer.setVisible(not checked)
        self.why_toggle.setText(messages.HIDE_WHY if checked else messages.WHY)


class BreathingPage(QWidget):
    """The pacer, the time left, the break's buttons and, for a tagged call, its details.

    Each new step of the breath is announced to screen readers (``phase_cues`` decides when)
    and, with ``sound``, marked by a soft tone.
    """

    def __init__(
        self,
        *,
        reduced_motion: bool,
        details: CallDetailsForm | None,
        sound: PhaseSound | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sound = sound
        self._cues: PhaseCues | None = None
        self.pacer = PacerWidget()
        self.pacer.set_reduced_motion(reduced_motion)
        self.time_left = make_label("", "timeLeft")
        self._time_left_text = ""
        self.safety = make_label(messages.SAFETY, "soft")
        self.safety.setAccessibleName(messages.SAFETY)
        seconds = int(EXTEND_SECONDS)
        self.extend_button = make_button(
            messages.extend_text(seconds), messages.extend_name(seconds)
        )
        self.pause_button = make_button(messages.PAUSE, messages.PAUSE)
        self.done_button = make_button(messages.DONE, messages.DONE_NAME)
        self.skip_button = make_button(messages.SKIP, messages.SKIP_NAME, "quietButton")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.extend_button, self.pause_button, self.done_button):
            buttons.addWidget(button, 1)
        buttons.addWidget(self.skip_button)
        self.details: CallDetailsForm | None = None
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.pacer, 1)
        layout.addWidget(self.time_left)
        layout.addWidget(self.safety)
        layout.addLayout(buttons)
        self.set_details(details)

    def set_details(self, details: CallDetailsForm | None) -> None:
        """Show these details under the buttons, in place of any shown before."""
        if self.details is not None:
            self._layout.removeWidget(self.details)
        self.details = details
        if details is not None:
            self._layout.addWidget(details)
            details.show()  # a form arriving while the page is up shows at once

    def focus_default(self) -> None:
        self.pause_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_paused(self, paused: bool) -> None:
        self.pause_button.setText(messages.RESUME if paused else messages.PAUSE)
        self.pause_button.setAccessibleName(messages.RESUME if paused else messages.PAUSE)

    def show_progress(
        self, pattern: Pattern, state: PhaseState, remaining: float, *, paused: bool
    ) -> None:
        """One frame of the break: the pacer, the time left, and the step's cue if it is new."""
        self.pacer.set_state(state)
        self.show_time_left(remaining, paused=paused)
        if self._cues is None:
            self._cues = PhaseCues(pattern)
        cue = self._cues.follow(state, remaining)
        if cue is None:
            return
        if cue.words:
            accessible.announce(self.pacer, cue.words)
        if self._sound is not None:
            self._sound.play(cue.movement)

    def show_time_left(self, seconds: float, *, paused: bool) -> None:
        text = messages.time_left_text(seconds)
        if paused:
            text = messages.paused_text(text)
        if text != self._time_left_text:  # called every frame; it changes once a second
            self._time_left_text = text
            self.time_left.setText(text)


class AfterPage(QWidget):
    """A kind word, the mood check (optional), then back to work or to the journal."""

    def __init__(
        self,
        *,
        mood_check: bool,
        support_contact: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = make_label(messages.kind_line(None), "kindLine")
        self.support: QLabel | None = None
        if support_contact:
            # IT's EAP or peer-support line; plain text so the policy cannot inject markup.
            self.support = make_label(messages.support_text(support_contact), "supportContact")
            self.support.setTextFormat(Qt.TextFormat.PlainText)
            self.support.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.picker: MoodPicker | None = None
        if mood_check:
            self.picker = MoodPicker(messages.MOOD_AFTER)
        self.change = make_label("", "soft")
        self.write_button = make_button(messages.WRITE, messages.WRITE_NAME)
        self.back_button = make_button(messages.BACK, messages.BACK, "primaryButton")
        # After-care for this call's reason (core.aftercare): an offer, never the default.
        self.care: Care | None = None
        self.care_button = make_button("", "")
        self.care_button.hide()
        self.closing = QWidget()
        closing = QVBoxLayout(self.closing)
        closing.setContentsMargins(0, 0, 0, 0)
        closing.setSpacing(10)
        closing.addWidget(self.change)
        if self.support is not None:
            closing.addWidget(self.support)
        closing.addStretch(1)
        closing.addWidget(self.care_button)
        closing.addWidget(self.write_button)
        closing.addWidget(self.back_button)
        # Keeps the faces at their size while the question is asked; gone with the question.
        self._filler = QWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.kind)
        if self.picker is not None:
            layout.addWidget(self.picker)
            layout.addWidget(self._filler, 1)
            self.closing.hide()
        layout.addWidget(self.closing, 1)

    def focus_default(self) -> None:
        if self.picker is not None and not self.picker.isHidden():
            self.picker.focus_default()
        else:
            self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def offer_care(self, care: Care | None) -> None:
        """The after-care button for the call's reason, or none."""
        self.care = care if care in care_text.OFFER else None
        if self.care is None:
            self.care_button.hide()
            return
        self.care_button.setText(care_text.OFFER[self.care])
        self.care_button.setAccessibleName(care_text.OFFER_NAME[self.care])
        self.care_button.show()

    def show_closing(self, before: Mood | None, after: Mood | None) -> None:
        """Swap the question for the way out, with how the mood moved when both are known."""
        if self.picker is not None:
            self.picker.hide()
        self._filler.hide()
        text = messages.mood_change_text(before, after)
        self.change.setText(text)
        self.change.setVisible(bool(text))
        self.closing.show()
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

"""The Settings window: breaks, shift, reminders and notifications, saved as one typed value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from companion.core.breathing import PATTERNS
from companion.core.notices import Delivery
from companion.core.reminder_settings import ReminderSettings
from companion.core.settings import (
    MAX_AUTO_START_SECONDS,
    MAX_BREAK_SECONDS,
    MIN_BREAK_SECONDS,
    Appearance,
    Settings,
)
from companion.ui.look.theme import Look, style
from companion.ui.privacy.privacy_section import PrivacyFacts, PrivacyGroup
from companion.ui.settings import language_messages, messages
from companion.ui.settings.language_choice import LanguageChoice
from companion.ui.settings.locked_settings import show_locked
from companion.ui.settings.weekday_boxes import weekday_boxes
from companion.ui.shell.clock_fields import as_region_writes
from companion.ui.shell.wrapping_check_box import WrappingCheckBox

_MOTION = (
    (messages.FOLLOW_DESKTOP, None),
    (messages.CALM_BAR, True),
    (messages.MOVING_SHAPE, False),
)
_COLOURS = (
    (messages.FOLLOW_DESKTOP, None),
    (messages.LIGHT, Appearance.LIGHT),
    (messages.DARK, Appearance.DARK),
    (messages.HIGH_CONTRAST, Appearance.HIGH_CONTRAST),
)


def _sheet(look: Look) -> str:
    """Few rules: the rest is the application palette of ``look`` (theme.qt_palette)."""
    c = look.paper
    return f"""
QLabel#settingsWarning {{ background: {c.warm}; color: {c.ink}; border: 1px solid {c.warm_line};
                         padding: 8px; border-radius: 6px; }}
QLabel#testResult {{ color: {c.ink}; }}
QGroupBox {{ font-weight: 600; margin-top: 16px; padding: 10px 8px 6px 8px;
            border: 1px solid {c.line}; border-radius: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
"""


def _spin(low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class SettingsWindow(QWidget):
    """Shows ``settings``; emits ``saved`` with a checked new value, or ``test_requested``."""

    saved = Signal(object)
    test_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        warnings: list[str] | None = None,
        locked: frozenset[str] = frozenset(),
        *,
        autostart_on: bool = False,
        no_notification_service: bool = False,
        cannot_tell: Sequence[str] = (),
        privacy: PrivacyFacts | None = None,
        shortcut_note: str | None = None,
        tone_player_found: bool | None = None,
    ) -> None:
        super().__init__()
        self.privacy = (
            None if privacy is None else PrivacyGroup(privacy, settings.lock_after_minutes)
        )
        self.setWindowTitle(messages.TITLE)
        style(self, _sheet)
        self._base = settings
        r = settings.reminders
        self.warning = QLabel("\n".join(warnings or []))
        self.warning.setObjectName("settingsWarning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(bool(warnings))
        self.error = QLabel("")
        self.error.setObjectName("settingsWarning")
        self.error.hide()
        self.pattern = QComboBox()
        for key, pattern in PATTERNS.items():
            self.pattern.addItem(pattern.name, key)
        self.pattern.setCurrentIndex(max(0, self.pattern.findData(settings.pattern_key)))
        self.length = _spin(
            MIN_BREAK_SECONDS, MAX_BREAK_SECONDS, settings.break_seconds, messages.SECONDS_SUFFIX
        )
        self.length.setSingleStep(15)
        self.motion = QComboBox()
        for label, value in _MOTION:
            self.motion.addItem(label, value)
        self.motion.setCurrentIndex([v for _, v in _MOTION].index(settings.reduced_motion))
        self.colours = QComboBox()
        for words, appearance in _COLOURS:
            self.colours.addItem(words, appearance)
        self.colours.setCurrentIndex([v for _, v in _COLOURS].index(settings.appearance))
        self.language = LanguageChoice(settings.language)
        self.mood = WrappingCheckBox(messages.MOOD_CHECK)
        self.mood.setChecked(settings.mood_check)
        self.shortcut = WrappingCheckBox(messages.shortcut_text())
        self.shortcut.setChecked(settings.global_shortcut)
        # Why the shortcut isn't heard although it is on (taken, or this desktop can't).
        self.shortcut_note = QLabel(shortcut_note or "")
        self.shortcut_note.setObjectName("shortcutNote")
        self.shortcut_note.setWordWrap(True)
        self.shortcut_note.setVisible(bool(shortcut_note))
        self.shortcut.setAccessibleDescription(shortcut_note or "")
        self._build_break_start(settings, tone_player_found)
        self.start, self.end = QTimeEdit(_qtime(r.shift_start)), QTimeEdit(_qtime(r.shift_end))
        # A night shift (22:00 to 06:00) is fine; saying so shows a slip (13:00 to 12:00).
        self.next_day = QLabel(messages.NEXT_DAY)
        for edit in (self.start, self.end):
            as_region_writes(edit, with_date=False)
            edit.timeChanged.connect(self._on_hours_changed)
        self._on_hours_changed()
        self.days = weekday_boxes(r.working_days)
        self.enabled = WrappingCheckBox(messages.ENABLED)
        self.enabled.setChecked(r.enabled)
        self.nudge_calls = _spin(2, 10, r.nudge_calls, messages.HARD_CALLS_SUFFIX)
        self.nudge_window = _spin(10, 240, r.nudge_window_minutes, messages.MINUTES_SUFFIX)
        self.rate = _spin(5, 120, r.rate_limit_minutes, messages.MINUTES_SUFFIX)
        self.away = _spin(1, 30, r.away_minutes, messages.MINUTES_SUFFIX)
        self.reflection = WrappingCheckBox(messages.REFLECTION)
        self.reflection.setChecked(r.reflection)
        # What waits when (away, a call, Do Not Disturb) and what this computer can't tell.
        self.moment_note = QLabel(
            messages.WAITS_TEXT + "".join(f"\n{line}" for line in cannot_tell)
        )
        self.moment_note.setObjectName("momentNote")
        self.moment_note.setWordWrap(True)
        self._autostart_on = autostart_on
        self.autostart = WrappingCheckBox(messages.AUTOSTART)
        self.autostart.setChecked(autostart_on)
        # Notices have no sound of their own (QtMultimedia is not in PySide6-Essentials): the
        # setting only asks the desktop's notification service to keep quiet, or lets it choose.
        self.sound = WrappingCheckBox(messages.SOUND)
        self.sound.setToolTip(messages.SOUND_TOOLTIP)
        self.sound.setChecked(r.sound)
        self.test_button = QPushButton(messages.TEST)
        self.test_button.clicked.connect(self.test_requested.emit)
        self.test_result = QLabel("")
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.service_note = QLabel(messages.NO_SERVICE_TEXT)
        self.service_note.setObjectName("serviceNote")
        self.service_note.setWordWrap(True)
        self.service_note.setVisible(no_notification_service)
        self.locked_note = QLabel(messages.LOCKED_NOTE)
        self.locked_note.setWordWrap(True)
        self.locked_note.setVisible(bool(locked))
        self._build()
        self._name_for_screen_readers()
        show_locked(self._widgets_by_setting(), locked)

    def _name_for_screen_readers(self) -> None:
        """Names for controls whose visible label is shared (both shift times sit on the
        "Working hours" row) or not theirs (a combo box would be read by its current value),
        and in words what their row shows around them ("the next day", "within")."""
        shift, nudge = messages.SHIFT_DESCRIPTION, messages.NUDGE_DESCRIPTION
        for widget, name, description in (
            (self.pattern, messages.PATTERN_NAME, ""),
            (self.motion, messages.MOTION_NAME, ""),
            (self.start, messages.SHIFT_START_NAME, shift),
            (self.end, messages.SHIFT_END_NAME, shift),
            (self.nudge_calls, messages.NUDGE_CALLS_NAME, nudge),
            (self.nudge_window, messages.NUDGE_WINDOW_NAME, nudge),
            (self.test_result, messages.TEST_RESULT_NAME, ""),
        ):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    def _build(self) -> None:
        breaks = QFormLayout()
        breaks.addRow(messages.PATTERN, self.pattern)
        breaks.addRow(messages.LENGTH, self.length)
        breaks.addRow(messages.MOTION, self.motion)
        breaks.addRow(messages.COLOURS, self.colours)
        breaks.addRow(language_messages.LANGUAGE, self.language)
        breaks.addRow("", self.mood)
        breaks.addRow(messages.AUTO_START, self.auto_start)
        breaks.addRow("", self.phase_sound)
        breaks.addRow("", self.no_tone_player)
        breaks.addRow("", self.shortcut)
        breaks.addRow("", self.shortcut_note)
        shift = QFormLayout()
        hours = QHBoxLayout()
        hours.addWidget(self.start)
        hours.addWidget(QLabel(messages.TO))
        hours.addWidget(self.end)
        hours.addWidget(self.next_day)
        hours.addStretch(1)
        shift.addRow(messages.WORKING_HOURS, hours)
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        shift.addRow(messages.WORKING_DAYS, days)
        shift.addRow("", self.autostart)
        reminders = QFormLayout()
        reminders.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        reminders.addRow(self.enabled)
        nudge = QHBoxLayout()
        nudge.addWidget(self.nudge_calls)
        nudge.addWidget(QLabel(messages.WITHIN))
        nudge.addWidget(self.nudge_window)
        nudge.addStretch(1)
        reminders.addRow(messages.SUGGEST_AFTER, nudge)
        reminders.addRow(messages.RATE, self.rate)
        reminders.addRow(messages.AWAY, self.away)
        reminders.addRow("", self.reflection)
        reminders.addRow(self.moment_note)
        notifications = QFormLayout()
        notifications.addRow(self.service_note)
        notifications.addRow(self.sound)
        test = QHBoxLayout()
        test.addWidget(self.test_button)
        test.addWidget(self.test_result, 1)
        notifications.addRow(test)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.addWidget(self.warning)
        layout.addWidget(self.locked_note)
        # The groups scroll when the screen is shorter than they are (a laptop at 768 lines,
        # large text): squeezed, Qt would shrink the spin boxes until their text is cut off.
        content = QWidget()
        groups = QVBoxLayout(content)
        groups.setContentsMargins(0, 0, 6, 0)
        for title, form in (
            (messages.BREAKS, breaks),
            (messages.YOUR_SHIFT, shift),
            (messages.REMINDERS, reminders),
            (messages.NOTIFICATIONS, notifications),
        ):
            group = QGroupBox(title)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a field under its label
            group.setLayout(form)
            groups.addWidget(group)
        if self.privacy is not None:
            groups.addWidget(self.privacy)
        groups.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsGroups")
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As wide as its sentences ask, never wider than the screen: past that they wrap.
        screen = QGuiApplication.primaryScreen().availableGeometry()
        scroll.setMinimumWidth(min(content.sizeHint().width() + 12, screen.width() - 48))
        available = screen.height()
        scroll.setMinimumHeight(min(content.sizeHint().height(), max(available - 220, 240)))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _build_break_start(self, settings: Settings, tone_player_found: bool | None) -> None:
        """The automatic start's delay (0 reads "Never") and the tone, with a word when this
        computer has nothing to play the tone with (None: look now)."""
        self.auto_start = _spin(
            0, MAX_AUTO_START_SECONDS, settings.auto_start_seconds, messages.SECONDS_SUFFIX
        )
        self.auto_start.setSpecialValueText(messages.AUTO_START_NEVER)
        self.auto_start.setAccessibleName(messages.AUTO_START)
        self.auto_start.setAccessibleDescription(messages.AUTO_START_DESCRIPTION)
        self.phase_sound = WrappingCheckBox(messages.PHASE_SOUND)
        self.phase_sound.setChecked(settings.phase_sound)
        if tone_player_found is None:
            from companion.ui.breathing.phase_sound import find_player

            tone_player_found = find_player() is not None
        self.no_tone_player = QLabel(messages.NO_TONE_PLAYER)
        self.no_tone_player.setObjectName("noTonePlayer")
        self.no_tone_player.setWordWrap(True)
        self.no_tone_player.setVisible(not tone_player_found)

    def _widgets_by_setting(self) -> dict[str, list[QWidget]]:
        """Which widgets show which setting, by the names admin policy locks them with."""
        return {
            "pattern_key": [self.pattern],
            "break_seconds": [self.length],
            "reduced_motion": [self.motion],
            "mood_check": [self.mood],
            "global_shortcut": [self.shortcut],
            "autostart": [self.autostart],
            "language": [self.language.combo],
            "reminders.shift_start": [self.start],
            "reminders.shift_end": [self.end],
            "reminders.working_days": list(self.days),
            "reminders.enabled": [self.enabled],
            "reminders.nudge_calls": [self.nudge_calls],
            "reminders.nudge_window_minutes": [self.nudge_window],
            "reminders.rate_limit_minutes": [self.rate],
            "reminders.away_minutes": [self.away],
            "reminders.reflection": [self.reflection],
            "reminders.sound": [self.sound],
        }

    def _on_hours_changed(self) -> None:
        self.next_day.setVisible(self.end.time() < self.start.time())

    def show_test_result(self, delivery: Delivery) -> None:
        self.test_result.setText(delivery.describe())

    def chosen(self) -> Settings:
        """The settings as shown; raises ValueError for a combination that can't work."""
        reminders = ReminderSettings(
            enabled=self.enabled.isChecked(),
            nudge_calls=self.nudge_calls.value(),
            nudge_window_minutes=self.nudge_window.value(),
            rate_limit_minutes=self.rate.value(),
            shift_start=_pytime(self.start.time()),
            shift_end=_pytime(self.end.time()),
            working_days=tuple(i for i, box in enumerate(self.days) if box.isChecked()),
            reflection=self.reflection.isChecked(),
            away_minutes=self.away.value(),
            sound=self.sound.isChecked(),
        )
        return replace(
            self._base,
            pattern_key=str(self.pattern.currentData()),
            break_seconds=self.length.value(),
            reduced_motion=self.motion.currentData(),
            appearance=self.colours.currentData(),
            language=self.language.chosen(),
            mood_check=self.mood.isChecked(),
            global_shortcut=self.shortcut.isChecked(),
            auto_start_seconds=self.auto_start.value(),
            phase_sound=self.phase_sound.isChecked(),
            reminders=reminders,
            autostart=self._chosen_autostart(),
            lock_after_minutes=(
                self._base.lock_after_minutes
                if self.privacy is None
                else self.privacy.chosen_lock_minutes()
            ),
        )

    def _chosen_autostart(self) -> bool | None:
        """Untouched stays "not chosen", so an installer's system-wide entry keeps working."""
        checked = self.autostart.isChecked()
        if checked == self._autostart_on and self._base.autostart is None:
            return None
        return checked

    def _on_save(self) -> None:
        try:
            settings = self.chosen()
        except ValueError as error:
            self.error.setText(messages.cannot_save(error))
            self.error.show()
            return
        self.error.hide()
        self._base = settings
        self.saved.emit(settings)
        self.close()


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())

"""A setting IT locked is shown disabled, with "Set by your IT department"."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox
from pytestqt.qtbot import QtBot

from companion.ui.settings.locked_settings import show_locked
from companion.ui.settings.messages import LOCKED_TOOLTIP


def test_locked_settings_are_disabled_with_the_reason(qtbot: QtBot) -> None:
    length, sound = QSpinBox(), QCheckBox("Play a sound")
    days = [QCheckBox("Mon"), QCheckBox("Tue")]
    for widget in (length, sound, *days):
        qtbot.addWidget(widget)

    show_locked(
        {"break_seconds": [length], "reminders.sound": [sound], "reminders.working_days": days},
        frozenset({"break_seconds", "reminders.working_days", "autostart"}),
    )

    for widget in (length, *days):
        assert not widget.isEnabled() and widget.toolTip() == LOCKED_TOOLTIP
        assert widget.accessibleDescription() == LOCKED_TOOLTIP
    assert sound.isEnabled() and sound.toolTip() == ""

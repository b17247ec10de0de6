"""Settings for the break's start and its tone: the automatic start's delay or none (WCAG
2.2.1, timing adjustable), and the soft tone at each step, off until the agent turns it on."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from companion.core.settings import MAX_AUTO_START_SECONDS, Settings, settings_from_mapping
from companion.ui.settings import messages
from companion.ui.settings.settings_window import SettingsWindow


def open_window(qtbot: QtBot, settings: Settings, *, player: bool = True) -> SettingsWindow:
    window = SettingsWindow(settings, [], tone_player_found=player)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_automatic_start_shows_its_delay_and_can_be_turned_off(qtbot: QtBot) -> None:
    window = open_window(qtbot, Settings())
    spin = window.auto_start
    assert spin.text() == "5 s"
    assert spin.accessibleName() == messages.AUTO_START
    assert spin.accessibleDescription() == messages.AUTO_START_DESCRIPTION
    for _ in range(5):
        qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert spin.text() == "Never"
    saved: list[Settings] = []
    window.saved.connect(saved.append)
    [save] = [b for b in window.findChildren(QPushButton) if b.text().replace("&", "") == "Save"]
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert [s.auto_start_seconds for s in saved] == [0]
    again = open_window(qtbot, saved[0])
    assert again.auto_start.text() == "Never"
    again.auto_start.setValue(MAX_AUTO_START_SECONDS + 5)
    assert again.chosen().auto_start_seconds == MAX_AUTO_START_SECONDS


def test_the_tone_is_off_by_default_and_saved_when_turned_on(qtbot: QtBot) -> None:
    window = open_window(qtbot, Settings())
    assert not window.phase_sound.isChecked()
    assert window.no_tone_player.isHidden()
    qtbot.mouseClick(window.phase_sound, Qt.MouseButton.LeftButton)
    assert window.chosen().phase_sound is True
    again = open_window(qtbot, replace(Settings(), phase_sound=True))
    assert again.phase_sound.isChecked()


def test_without_a_player_settings_say_the_tone_stays_silent(qtbot: QtBot) -> None:
    window = open_window(qtbot, Settings(), player=False)
    assert window.no_tone_player.isVisible()
    assert window.no_tone_player.text() == messages.NO_TONE_PLAYER
    assert window.phase_sound.isEnabled(), "the choice is kept for a computer that has one"


@pytest.mark.parametrize(
    ("value", "expected", "warned"),
    [(0, 0, False), (30, 30, False), (61, 5, True), (-1, 5, True), ("soon", 5, True)],
)
def test_the_file_keeps_a_good_delay_and_warns_of_a_bad_one(
    value: object, expected: int, warned: bool
) -> None:
    settings, warnings = settings_from_mapping({"auto_start_seconds": value, "phase_sound": 1})
    assert settings.auto_start_seconds == expected
    assert bool([w for w in warnings if "auto_start_seconds" in w]) == warned
    assert settings.phase_sound is False and any("phase_sound" in w for w in warnings)

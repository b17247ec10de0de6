"""The settings window: start with my computer, and IT's locks shown on the real window."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from companion.core.notices import Notice
from companion.core.settings import Settings
from companion.notify.presentation import ServerInfo, present
from companion.ui.settings.messages import LOCKED_TOOLTIP
from companion.ui.settings.settings_window import SettingsWindow

DUNST = ServerInfo("dunst", capabilities=frozenset({"actions"}))


def open_window(qtbot: QtBot, settings: Settings, **kwargs: object) -> SettingsWindow:
    window = SettingsWindow(settings, [], **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    return window


def test_untouched_autostart_stays_not_chosen(qtbot: QtBot) -> None:
    window = open_window(qtbot, Settings(), autostart_on=True)
    assert window.autostart.isChecked()
    assert window.chosen().autostart is None


def test_toggling_autostart_is_the_agents_choice(qtbot: QtBot) -> None:
    window = open_window(qtbot, Settings(), autostart_on=True)
    window.autostart.setChecked(False)
    assert window.chosen().autostart is False
    window.autostart.setChecked(True)
    assert window.chosen().autostart is None, "back as it was: still nothing chosen"
    off = open_window(qtbot, Settings(), autostart_on=False)
    off.autostart.setChecked(True)
    assert off.chosen().autostart is True


def test_an_earlier_choice_is_kept(qtbot: QtBot) -> None:
    window = open_window(qtbot, replace(Settings(), autostart=True), autostart_on=True)
    assert window.chosen().autostart is True


def test_locks_show_on_the_real_window(qtbot: QtBot) -> None:
    window = open_window(
        qtbot, Settings(), locked=frozenset({"autostart", "break_seconds", "reminders.shift_end"})
    )
    for widget in (window.autostart, window.length, window.end):
        assert not widget.isEnabled() and widget.toolTip() == LOCKED_TOOLTIP
    assert window.pattern.isEnabled()
    assert not window.locked_note.isHidden()
    assert open_window(qtbot, Settings()).locked_note.isHidden()


def test_a_night_shift_can_be_chosen_and_says_it_ends_the_next_day(qtbot: QtBot) -> None:
    window = open_window(qtbot, Settings())
    window.show()
    assert not window.next_day.isVisible()
    saved: list[Settings] = []
    window.saved.connect(saved.append)
    window.start.setTime(QTime(22, 0))
    window.end.setTime(QTime(6, 0))
    assert window.next_day.isVisible()
    window._on_save()
    assert window.error.isHidden()
    [chosen] = saved
    assert (chosen.reminders.shift_start, chosen.reminders.shift_end) == (time(22), time(6))
    assert chosen.reminders.crosses_midnight


def test_the_sound_setting_says_what_it_does_and_reaches_the_notification(
    qtbot: QtBot,
) -> None:
    """Companion has no sound of its own: on, the desktop's notifications may make one."""
    window = open_window(qtbot, Settings())
    assert window.sound.text() == "Let notifications make a sound (when your desktop plays them)"
    assert "plays no sound itself" in window.sound.toolTip()
    window.sound.setChecked(True)
    silent = Notice("t", "b")
    assert (shown := present(silent, DUNST)) is not None and shown.hints["suppress-sound"]
    allowed = replace(silent, sound=window.chosen().reminders.sound)
    assert (shown := present(allowed, DUNST)) is not None and "suppress-sound" not in shown.hints


def test_on_a_short_screen_the_groups_scroll_instead_of_squeezing(qtbot: QtBot) -> None:
    """A spin box squeezed below its size hint cuts its text off ("3 hard ca"): the groups
    scroll instead, whatever the screen's height."""
    from PySide6.QtWidgets import QScrollArea, QSpinBox

    window = SettingsWindow(Settings())
    qtbot.addWidget(window)
    window.resize(window.width(), 420)
    window.show()
    qtbot.waitExposed(window)

    scroll = window.findChild(QScrollArea, "settingsGroups")
    assert scroll is not None and scroll.widget() is not None
    for spin in window.findChildren(QSpinBox):
        assert spin.height() >= spin.minimumSizeHint().height(), spin.suffix()


def test_the_shortcut_from_anywhere_is_a_choice_and_says_why_it_is_not_heard(
    qtbot: QtBot,
) -> None:
    window = open_window(qtbot, Settings())
    assert window.shortcut.isChecked() and window.shortcut_note.isHidden()
    window.shortcut.setChecked(False)
    assert window.chosen().global_shortcut is False

    taken = "Another program already uses Ctrl+Alt+H, so Companion can't."
    noted = open_window(qtbot, Settings(), shortcut_note=taken)
    assert not noted.shortcut_note.isHidden() and noted.shortcut_note.text() == taken
    assert noted.shortcut.accessibleDescription() == taken

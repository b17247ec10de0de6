"""Every control has a name of its own and Tab follows reading order, as Qt's accessibility
interfaces show them to screen readers (tests/e2e/test_accessibility.py reads them through
AT-SPI on a real desktop)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.core.settings import Settings
from companion.ui.settings import messages
from companion.ui.settings.settings_window import SettingsWindow
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.actions_window import ActionsWindow
from companion.ui.shell.app_icon import app_icon
from companion.ui.shell.tray import TrayController
from tests.gui.a11y_checks import control_names, out_of_reading_order, unnamed_and_shared


def shown(qtbot: QtBot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_settings_controls_each_have_their_own_name(qtbot: QtBot) -> None:
    window = shown(qtbot, SettingsWindow(Settings()))
    assert unnamed_and_shared(window) == ([], [])
    names = [name for _, name in control_names(window)]
    # Once each, where "Your shift" and "Reminders" stood twice before.
    for name in (messages.SHIFT_START_NAME, messages.SHIFT_END_NAME,
                 messages.NUDGE_CALLS_NAME, messages.NUDGE_WINDOW_NAME):  # fmt: skip
        assert names.count(name) == 1
    assert window.test_result.accessibleName() == messages.TEST_RESULT_NAME
    # "the next day" and "within" are shown beside the controls; a screen reader hears why.
    assert window.end.accessibleDescription() == messages.SHIFT_DESCRIPTION
    assert window.nudge_window.accessibleDescription() == messages.NUDGE_DESCRIPTION


def test_settings_tab_order_follows_reading_order(qtbot: QtBot) -> None:
    window = shown(qtbot, SettingsWindow(Settings()))
    window.resize(window.width(), 1400)  # every group in view, none scrolled away
    assert out_of_reading_order(window) == []


def test_the_no_tray_window_names_and_order(qtbot: QtBot) -> None:
    window = shown(qtbot, ActionsWindow(app_icon(), ShellActions()))
    assert unnamed_and_shared(window) == ([], [])
    assert out_of_reading_order(window) == []


# Offscreen has no keyboard grab nor raise for a popup: Qt says so, and the menu still shows.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_the_tray_menu_items_each_have_their_own_name(qtbot: QtBot) -> None:
    menu = TrayController(app_icon(), ShellActions()).menu
    shown(qtbot, menu)
    assert unnamed_and_shared(menu) == ([], [])
    assert len(control_names(menu)) >= 6

"""The tray and its no-tray fallback window show one set of actions, which emit the agent's
intents as signals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from companion.core.calls import Reason
from companion.ui.reminders.reminder_menu import ReminderMenu
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.actions_window import ActionsWindow
from companion.ui.shell.app_icon import app_icon
from companion.ui.shell.messages import NO_TRAY_TEXT
from companion.ui.shell.tray import TrayController, tooltip_for


def make_icon() -> QIcon:
    return app_icon()


def make_tray() -> TrayController:
    return TrayController(make_icon(), ShellActions())


def make_window() -> tuple[ActionsWindow, ShellActions]:
    actions = ShellActions()
    return ActionsWindow(make_icon(), actions), actions


def test_left_click_is_the_one_click_tag(qtbot: QtBot) -> None:
    tray = make_tray()
    with qtbot.waitSignal(tray.actions.quick_tag_requested, timeout=1000):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.assertNotEmitted(tray.actions.quick_tag_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)


def test_menu_has_every_action_and_each_reason(qtbot: QtBot) -> None:
    tray = make_tray()
    labels = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert labels == [
        "Tag a difficult call",
        "Start a breathing break",
        "Journal…",
        "Recent hard calls…",
        "Insights…",
        "Need to talk?",
        "Debrief summary…",
        "Quit",
    ]
    tag_menu = tray.menu.actions()[0].menu()
    reasons = [a.text() for a in tag_menu.actions()]  # type: ignore[union-attr]
    assert reasons == [r.label for r in Reason]
    seen: list[object] = []
    tray.actions.tag_requested.connect(seen.append)
    tag_menu.actions()[2].trigger()  # type: ignore[union-attr]
    assert seen == [Reason.DISTRESSING]
    signals = (
        (1, tray.actions.break_requested),
        (2, tray.actions.journal_requested),
        (3, tray.actions.calls_requested),
    )
    for index, signal in signals:
        with qtbot.waitSignal(signal, timeout=1000):
            tray.menu.actions()[index].trigger()
    with qtbot.waitSignal(tray.actions.quit_requested, timeout=1000):
        tray.menu.actions()[-1].trigger()


def test_tooltip_counts_today() -> None:
    assert "No hard calls" in tooltip_for(0)
    assert "1 hard call tagged" in tooltip_for(1)
    assert "4 hard calls" in tooltip_for(4)


def test_fallback_window_offers_the_same_actions(qtbot: QtBot) -> None:
    window, actions = make_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(actions.quick_tag_requested, timeout=1000):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    window.set_today_count(2)
    assert any("2 hard calls" in label.text() for label in window.findChildren(QLabel))


def test_fallback_window_says_why_it_is_there(qtbot: QtBot) -> None:
    window, _ = make_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    note = window.findChild(QLabel, "noTrayNote")
    assert note is not None and note.isVisible() and note.text() == NO_TRAY_TEXT
    assert NO_TRAY_TEXT == "Your desktop has no tray, so Companion lives in this small window."


def test_fallback_window_with_a_reason_tags_with_it(qtbot: QtBot) -> None:
    window, actions = make_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    reasons = window.findChild(QComboBox)
    assert reasons is not None
    reasons.setCurrentIndex(1)
    button = window.findChild(QPushButton, "hardCallButton")
    assert button is not None
    with qtbot.waitSignal(actions.tag_requested, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [Reason.ABUSIVE]
    assert reasons.currentIndex() == 0


def test_closing_the_fallback_window_does_not_quit(qtbot: QtBot) -> None:
    window, _ = make_window()
    qtbot.addWidget(window)
    window.show()
    assert window.close() is False


def test_fallback_window_carries_the_reminder_menu(qtbot: QtBot) -> None:
    """Without a tray, callbacks, pause and settings must still be reachable."""
    window, actions = make_window()
    qtbot.addWidget(window)
    ReminderMenu(window.more_menu, window)
    more = next(b for b in window.findChildren(QPushButton) if b.text() == "More")
    assert more.menu() is window.more_menu
    labels = [a.text() for a in window.more_menu.actions()]
    assert labels[:3] == ["Recent hard calls…", "Insights…", "Debrief summary…"]
    assert labels[4:] == ["Call back later…", "Pause reminders", "Settings…"]
    assert labels[3].startswith("Callbacks")
    with qtbot.waitSignal(actions.calls_requested, timeout=1000):
        window.more_menu.actions()[0].trigger()
    with qtbot.waitSignal(actions.insights_requested, timeout=1000):
        window.more_menu.actions()[1].trigger()


def test_tray_and_window_show_the_very_same_actions(qtbot: QtBot) -> None:
    """One QAction each, built once: what the menu triggers, the window's buttons trigger."""
    actions = ShellActions()
    tray = TrayController(make_icon(), actions)
    window = ActionsWindow(make_icon(), actions)
    qtbot.addWidget(window)
    menu = tray.menu.actions()
    assert menu[0].menu().actions() == list(actions.tags)  # type: ignore[union-attr]
    assert menu[1:5] == [actions.breathe, actions.journal, actions.calls, actions.insights]
    assert menu[-1] is actions.quit
    assert actions.talk in menu  # "Need to talk?", always there
    assert window.more_menu.actions()[:2] == [actions.calls, actions.insights]
    buttons = {b.text(): b for b in window.findChildren(QPushButton)}
    assert list(buttons) == [
        "I just had a hard call",
        "Breathing break",
        "Journal…",
        "Need to talk?",
        "More",
        "Quit",
    ]
    clicks = (
        ("Breathing break", actions.break_requested),
        ("Journal…", actions.journal_requested),
        ("Need to talk?", actions.talk_requested),
        ("Quit", actions.quit_requested),
    )
    for text, signal in clicks:
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(buttons[text], Qt.MouseButton.LeftButton)
    actions.journal.setEnabled(False)
    assert not buttons["Journal…"].isEnabled()


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard", r"does not support raise\(\)")
def test_need_to_talk_is_reached_by_keyboard_in_the_menu_and_the_window(qtbot: QtBot) -> None:
    """Arrow keys in the tray menu, Tab in the window without a tray: no mouse needed."""
    actions = ShellActions()
    tray = TrayController(make_icon(), actions)
    menu = tray.menu
    menu.popup(menu.mapToGlobal(menu.pos()))
    qtbot.waitExposed(menu)
    for _ in range(len(menu.actions())):
        if menu.activeAction() is actions.talk:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    with qtbot.waitSignal(actions.talk_requested, timeout=1000):
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    window = ActionsWindow(make_icon(), actions)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    talk = next(b for b in window.findChildren(QPushButton) if b.text() == "Need to talk?")
    focus = window.focusWidget() or window
    for _ in range(20):
        if talk.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget() or focus, Qt.Key.Key_Tab)
    assert talk.hasFocus()
    with qtbot.waitSignal(actions.talk_requested, timeout=1000):
        qtbot.keyClick(talk, Qt.Key.Key_Space)

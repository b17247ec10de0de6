"""Windows come forward as each desktop allows: no token-less focus request on Wayland."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.ui.shell.window_activation import bring_forward

TOKEN = "24d27c64-29e7-4d79-aaec-32285e0b3a56_TIME0"


class Window(QWidget):
    """Counts the focus requests bring_forward makes (what the compositor would be asked)."""

    def __init__(self) -> None:
        super().__init__()
        self.activations = 0

    def activateWindow(self) -> None:
        self.activations += 1
        super().activateWindow()


def shown(qtbot: QtBot, visible: bool) -> Window:
    window = Window()
    qtbot.addWidget(window)
    if visible:
        window.show()
    return window


def test_wayland_without_a_token_shows_a_new_window_without_asking(qtbot: QtBot) -> None:
    window = shown(qtbot, visible=False)
    bring_forward(window, {}, "wayland")
    assert window.isVisible()
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert window.activations == 0


def test_wayland_without_a_token_leaves_an_open_window_where_it_is(qtbot: QtBot) -> None:
    window = shown(qtbot, visible=True)
    bring_forward(window, {}, "wayland")
    assert window.activations == 0


def test_wayland_with_a_token_asks_once(qtbot: QtBot) -> None:
    open_window = shown(qtbot, visible=True)
    bring_forward(open_window, {"XDG_ACTIVATION_TOKEN": TOKEN}, "wayland")
    assert open_window.activations == 1
    new_window = shown(qtbot, visible=False)
    bring_forward(new_window, {"XDG_ACTIVATION_TOKEN": TOKEN}, "wayland")
    # Qt's show() asks with the token for a new window; a second request would have none.
    assert new_window.activations == 0
    assert not new_window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_other_desktops_raise_and_activate_as_before(qtbot: QtBot) -> None:
    for platform in ("xcb", "windows", "cocoa", "offscreen"):
        window = shown(qtbot, visible=False)
        bring_forward(window, {}, platform)
        assert window.isVisible() and window.activations == 1

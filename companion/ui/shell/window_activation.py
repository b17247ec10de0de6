"""Bringing a window forward the way each desktop allows it, without a sticky "is ready" notice.

On Wayland only the compositor decides who has the focus. Asked without a valid activation
token, GNOME Shell refuses and leaves a sticky '"Companion — Breathing break" is ready' notice
instead, which also holds back every banner after it (seen on GNOME Shell 43.9; Qt asks for
a token of its own, which GNOME does not honour for an app the agent was not using). So a
window asks for the focus only with a token in hand (``companion.system.activation``): a
launcher's, forwarded with a command, or the one the panel gives Qt's tray icon on a click.
Without one, a window already open stays where it is, and a new one is shown without asking,
so the compositor's own rule decides (GNOME Shell 43 gave a new window the focus in every case
tried, also right after a click in another window). On X11 the launch's startup id goes on the
window first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from companion.system.activation import (
    PROCESS_ENVIRONMENT,
    WAYLAND,
    X11,
    Environment,
    has_activation_token,
    take_startup_id,
)
from companion.system.x11_startup import set_startup_id


def bring_forward(
    window: QWidget, environ: Environment = PROCESS_ENVIRONMENT, platform: str | None = None
) -> None:
    """Show ``window``, raised and focused where the desktop lets this app do that."""
    platform = QGuiApplication.platformName() if platform is None else platform
    may_activate = platform != WAYLAND or has_activation_token(environ)
    # Qt asks for the focus when a window is first shown unless told not to.
    window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not may_activate)
    if platform == X11:
        startup_id = take_startup_id(environ)
        if startup_id:
            set_startup_id(int(window.winId()), startup_id)
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    was_visible = window.isVisible()
    window.show()
    if not may_activate:
        return
    window.raise_()
    if was_visible or platform != WAYLAND:
        # On Wayland show() has just used the token for a new window; asking again would
        # make a second, token-less request.
        window.activateWindow()

"""The harness itself, proved on a bare PySide6 tray script before the app drives it."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.e2e.desktop import Desktop, Geometry, Spawn

BARE_TRAY = Path(__file__).with_name("bare_tray.py")
CLICKED = "Bare — clicked"
PRINT_TRAY_AVAILABLE = (
    "from PySide6.QtWidgets import QApplication, QSystemTrayIcon\n"
    "app = QApplication([])\n"
    "print(QSystemTrayIcon.isSystemTrayAvailable())\n"
)


def test_left_click_opens_window_and_escape_closes_it(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    spawn([sys.executable, str(BARE_TRAY)], desktop=desktop)
    icon = desktop.wait_tray_icon("bare-tray")
    assert icon.geometry.width > 1 and icon.geometry.height > 1
    panel = desktop.tray_panel()
    corner = Geometry(panel.x + panel.width - 200, 0, 200, panel.height + 8)
    desktop.screenshot(artifacts_dir / "bare_tray.png", region=corner, scale=4)

    # Showing the window again is harmless: the click is sent again until it is there.
    desktop.click_tray_until(1, lambda: desktop.search(CLICKED), "the clicked window")
    desktop.screenshot(artifacts_dir / "bare_clicked.png")
    desktop.key_until("Escape", CLICKED, lambda: not desktop.search(CLICKED), "it to close")


def test_right_click_opens_menu_whose_quit_ends_the_app(desktop: Desktop, spawn: Spawn) -> None:
    app = spawn([sys.executable, str(BARE_TRAY)], desktop=desktop)
    menu = desktop.click_tray_until(3, desktop.newest_popup, "the context menu")
    desktop.unwatch(app)
    # The menu's only item, "Quit", clicked until the app has gone (a click after that lands
    # on the bare root window).
    desktop.until(
        lambda: desktop.click(*menu.geometry.center), lambda: app.returncode is not None, "Quit"
    )
    assert app.wait_exit() == 0
    assert app.output() == ""


def test_tray_is_available_with_trayer(desktop: Desktop, spawn: Spawn) -> None:
    probe = spawn([sys.executable, "-c", PRINT_TRAY_AVAILABLE], desktop.env, name="probe")
    assert probe.wait_exit() == 0, probe.describe()
    assert probe.output().strip() == "True"


def test_tray_is_unavailable_on_bare_x(bare_desktop: Desktop, spawn: Spawn) -> None:
    probe = spawn([sys.executable, "-c", PRINT_TRAY_AVAILABLE], bare_desktop.env, name="probe")
    assert probe.wait_exit() == 0, probe.describe()
    assert probe.output().strip() == "False"

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

    desktop.click_tray(1)
    window = desktop.find_window(CLICKED)
    desktop.screenshot(artifacts_dir / "bare_clicked.png")
    desktop.key("Escape", window=window)
    desktop.wait_window_gone(CLICKED)


def test_right_click_opens_menu_whose_quit_ends_the_app(desktop: Desktop, spawn: Spawn) -> None:
    app = spawn([sys.executable, str(BARE_TRAY)], desktop=desktop)
    desktop.click_tray(3)
    menu = desktop.wait_popup()
    desktop.unwatch(app)
    desktop.click(*menu.geometry.center)  # the menu's only item, "Quit"
    assert app.wait_exit(5) == 0
    assert app.output() == ""


def test_tray_is_available_with_trayer(desktop: Desktop, spawn: Spawn) -> None:
    probe = spawn([sys.executable, "-c", PRINT_TRAY_AVAILABLE], desktop.env, name="probe")
    assert probe.wait_exit(10) == 0, probe.describe()
    assert probe.output().strip() == "True"


def test_tray_is_unavailable_on_bare_x(bare_desktop: Desktop, spawn: Spawn) -> None:
    probe = spawn([sys.executable, "-c", PRINT_TRAY_AVAILABLE], bare_desktop.env, name="probe")
    assert probe.wait_exit(10) == 0, probe.describe()
    assert probe.output().strip() == "False"

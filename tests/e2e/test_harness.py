"""The harness itself, proved on a bare PySide6 tray script before the app drives it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.e2e.desktop import Desktop, Geometry, Spawn
from tests.e2e.display import Display, TimedOut, ToolFailed
from tests.e2e.timing import patience

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


def test_until_repeats_the_action_only_while_its_effect_is_absent() -> None:
    display = Display()
    sent: list[int] = []

    def act() -> None:
        sent.append(len(sent))
        if len(sent) == 1:
            raise ToolFailed("the window was replaced")  # a lost try, not the end

    effect = display.until(act, lambda: len(sent) >= 3 or None, "three tries", 5.0, every=0.05)
    assert effect is True
    assert sent == [0, 1, 2]  # and not one more once the effect showed


def test_until_gives_up_at_its_deadline_saying_how_often_it_tried() -> None:
    display = Display()
    sent: list[int] = []
    started = time.monotonic()
    with pytest.raises(TimedOut, match=r"after 0\.3s and \d+ tries waiting for nothing"):
        display.until(lambda: sent.append(1), lambda: None, "nothing", 0.3, every=0.1)
    assert 0.3 <= time.monotonic() - started < 0.3 + patience(1)
    assert 2 <= len(sent) <= 4

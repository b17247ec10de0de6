"""Insights in the real app on the test desktop: `companion insights` opens it (found by its
title with xdotool), its tree names every control once, and the keyboard reaches a chart's
table as a screen-reader user would; "Insights…" in the tray menu opens it too."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.ui.insights import messages
from companion.ui.shell import messages as shell_text
from tests.e2e import atspi
from tests.e2e.desktop import Desktop, Spawn
from tests.e2e.test_accessibility import (
    choose_in_tray_menu,
    focus,
    next_heard,
    tab_to,
    window_in_tree,
)
from tests.e2e.test_app import BREAK_TITLE, gone, rows, start_app
from tests.e2e.timing import patience

__all__ = ["focus"]  # the fixture, used by name

PER_DAY_TOGGLE = messages.toggle_name(messages.PER_DAY)
PER_DAY_TABLE = messages.table_name(messages.PER_DAY)


@pytest.fixture(autouse=True)
def _needs_pyatspi() -> None:
    reason = atspi.missing()
    if reason is not None:
        pytest.skip(f"can't read the accessibility tree ({reason}; run `make desktop-tools`)")


def test_the_command_opens_insights_and_its_tables_are_reached_by_keyboard(
    desktop: Desktop, spawn: Spawn, focus: atspi.FocusWatch, artifacts_dir: Path
) -> None:
    start_app(desktop, spawn)
    assert desktop.run_app("tag", "--reason", "angry").returncode == 0
    desktop.find_window(BREAK_TITLE)
    desktop.key_until("Escape", BREAK_TITLE, lambda: gone(desktop, BREAK_TITLE), "it to close")
    assert rows(desktop, "select reason from calls") == [("angry",)]

    assert desktop.run_app("insights").returncode == 0
    desktop.find_window(messages.TITLE, timeout=patience(20))
    desktop.screenshot_window(messages.TITLE, artifacts_dir / "insights.png")
    nodes = window_in_tree(desktop, messages.TITLE)
    assert atspi.naming_problems([n for n in nodes if n.window == messages.TITLE]) == {}
    names = {n.name for n in nodes if n.window == messages.TITLE and n.is_control}
    assert {PER_DAY_TOGGLE, messages.CLOSE_NAME} <= names

    tab_to(desktop, focus, messages.TITLE, PER_DAY_TOGGLE)
    window = desktop.find_window(messages.TITLE)
    desktop.key("space", window=window)
    # Tab lands in the table: AT-SPI may tell its current cell ("Monday, December 7") before
    # the table itself, in either order, so both are waited for rather than the first alone.
    before = len(focus.focused())
    next_heard(desktop, focus, lambda: desktop.key("Tab", window=window))

    def table_heard() -> list[atspi.Node] | None:
        heard = focus.focused()[before:]
        return heard if any(n.name == PER_DAY_TABLE and n.role == "table" for n in heard) else None

    heard = desktop.wait_for(table_heard, "the table to take the focus", patience(10))
    assert {n.role for n in heard} <= {"table", "table cell"}, heard


def test_insights_is_in_the_tray_menu(
    desktop: Desktop, spawn: Spawn, focus: atspi.FocusWatch
) -> None:
    start_app(desktop, spawn)
    choose_in_tray_menu(desktop, focus, shell_text.INSIGHTS, messages.TITLE)
    window_in_tree(desktop, messages.TITLE)

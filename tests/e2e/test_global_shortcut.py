"""Ctrl+Alt+H from anywhere, with the real app on Xvfb (issue #11): the key grabbed on the X
server tags a call and opens the break, observed from outside (xdotool, the journal file)."""

from __future__ import annotations

import contextlib

from companion.ui.breathing.messages import WINDOW_TITLE as BREAK_TITLE
from tests.e2e.desktop import APP, Desktop, Spawn
from tests.e2e.pins import read_journal
from tests.e2e.timing import patience


def calls_tagged(desktop: Desktop) -> int:
    if not (desktop.data_dir / "journal.db").exists():
        return 0
    with contextlib.closing(read_journal(desktop.data_dir)) as db:
        return int(db.execute("select count(*) from calls").fetchone()[0])


def test_ctrl_alt_h_tags_a_call_and_starts_a_break_from_anywhere(
    desktop: Desktop, spawn: Spawn
) -> None:
    spawn(APP, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))
    desktop.wait_for(lambda: "journal_open" in desktop.trace_events(), "journal_open", patience(30))

    desktop.until(
        lambda: desktop.run("xdotool", "key", "ctrl+alt+h"),
        lambda: calls_tagged(desktop) or None,
        "a call tagged by Ctrl+Alt+H",
        patience(20),
    )

    desktop.find_window(BREAK_TITLE, timeout=patience(20))
    assert calls_tagged(desktop) == 1

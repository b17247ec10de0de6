"""The real app on a real X desktop with a tray host, driven and observed from outside."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.e2e.desktop import ChildProcess, Desktop, Geometry, Spawn
from tests.e2e.x11 import top_level

APP = [sys.executable, "-m", "companion"]
BREAK_TITLE = "Companion — Breathing break"
JOURNAL_TITLE = "Companion — Journal"
TRACE_ENV = "COMPANION_BENCH_TRACE"


def start_app(desktop: Desktop, spawn: Spawn) -> ChildProcess:
    app = spawn(APP, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=20)
    return app


def rows(desktop: Desktop, query: str) -> list[tuple[object, ...]]:
    path = Path(desktop.env["COMPANION_DATA_DIR"]) / "journal.db"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(query).fetchall()


def second_launch(desktop: Desktop, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*APP, *args], env=desktop.env, capture_output=True, text=True, timeout=30, check=False
    )


def test_one_click_tags_and_breathes_and_both_are_saved(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    start_app(desktop, spawn)
    panel = desktop.tray_panel()
    corner = Geometry(panel.x + panel.width - 160, 0, 160, panel.height + 8)
    desktop.screenshot(artifacts_dir / "app_tray.png", region=corner, scale=4)

    desktop.click_tray(1)
    window = desktop.find_window(BREAK_TITLE)
    desktop.wait_for(lambda: rows(desktop, "select id from calls") or None, "a call row", 5)
    desktop.key("3", window=window)  # "Okay" on the mood check starts the breathing
    desktop.wait_for(
        lambda: desktop.screenshot_window(BREAK_TITLE, artifacts_dir / "app_break.png"),
        "a break screenshot",
        5,
    )
    desktop.key("Escape", window=window)  # ends the breathing early
    desktop.wait_for(lambda: rows(desktop, "select outcome from breaks") or None, "a break", 5)
    desktop.key("Escape", window=window)  # closes the window from the after page
    desktop.wait_window_gone(BREAK_TITLE)

    calls = rows(desktop, "select id, reason from calls")
    breaks = rows(desktop, "select call_id, outcome, mood_before, pattern_key from breaks")
    assert len(calls) == 1 and calls[0][1] is None
    assert breaks == [(calls[0][0], "ended_early", 3, "sigh")]


def trace_events(trace: Path) -> list[str]:
    """The events the app wrote with COMPANION_BENCH_TRACE (see companion/ui/bench_trace.py)."""
    if not trace.exists():
        return []
    return [line.split()[1] for line in trace.read_text(encoding="utf-8").splitlines()]


def test_a_tray_click_and_nothing_else_starts_the_breathing(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path, tmp_path: Path
) -> None:
    trace = tmp_path / "trace.txt"
    spawn(APP, desktop.env | {TRACE_ENV: str(trace)}, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=20)

    desktop.click_tray(1)  # and then the agent does nothing at all
    window = desktop.find_window(BREAK_TITLE)
    desktop.screenshot_window(BREAK_TITLE, artifacts_dir / "app_break_countdown.png")
    desktop.wait_for(
        lambda: "breathing_started" in trace_events(trace), "breathing to start by itself", 15
    )
    time.sleep(1.5)  # a little breathing, so the break has a length
    desktop.screenshot_window(BREAK_TITLE, artifacts_dir / "app_break_by_itself.png")
    desktop.key("Escape", window=window)
    desktop.wait_for(lambda: rows(desktop, "select id from breaks") or None, "a break", 5)

    [(call_id,)] = rows(desktop, "select id from calls")
    [(linked, outcome, actual, mood_before)] = rows(
        desktop, "select call_id, outcome, actual_seconds, mood_before from breaks"
    )
    assert (linked, outcome, mood_before) == (call_id, "ended_early", None)
    assert isinstance(actual, float) and actual > 1.0


def test_a_second_launch_hands_its_tag_to_the_first(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    app = start_app(desktop, spawn)
    result = second_launch(desktop, "tag", "--reason", "abusive", "--intensity", "4")
    assert result.returncode == 0, result.stderr
    desktop.find_window(BREAK_TITLE)
    assert rows(desktop, "select reason, intensity from calls") == [("abusive", 4)]
    assert app.returncode is None

    assert second_launch(desktop, "journal").returncode == 0
    desktop.find_window(JOURNAL_TITLE)
    desktop.screenshot(artifacts_dir / "app_journal.png")

    desktop.unwatch(app)
    assert second_launch(desktop, "quit").returncode == 0
    assert app.wait_exit(10) == 0


def stacking(desktop: Desktop) -> list[int]:
    """Top-level windows from the bottom of the stack to the top (xwininfo lists the top
    first)."""
    return [w.id for w in reversed(top_level(desktop.windows()))]


def on_top_and_focused(desktop: Desktop, window: int, other: int) -> bool:
    order = stacking(desktop)
    focused = int(desktop.run("xdotool", "getwindowfocus").strip())
    return order.index(window) > order.index(other) and focused == window


def test_without_a_tray_a_window_offers_the_actions(
    bare_desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    spawn(APP, desktop=bare_desktop, name="companion")
    actions = bare_desktop.find_window("Companion", timeout=20)
    bare_desktop.screenshot_window("Companion", artifacts_dir / "app_no_tray.png")

    # Another window covers it and has the keyboard: the journal, opened right over it (it
    # takes the focus as it opens). Then the agent runs `companion` again. (Not a window of
    # another program focused with xdotool: with no window manager, X ignores a focus request
    # stamped earlier than the last focus change, so Qt could raise the window but never
    # take the keyboard back from it.)
    assert second_launch(bare_desktop, "journal").returncode == 0
    journal = bare_desktop.find_window(JOURNAL_TITLE)
    where = bare_desktop.window_geometry(actions)
    bare_desktop.run("xdotool", "windowmove", "--sync", str(journal), str(where.x), str(where.y))
    bare_desktop.wait_for(
        lambda: on_top_and_focused(bare_desktop, journal, actions), "the journal on top", 5
    )
    assert second_launch(bare_desktop).returncode == 0
    bare_desktop.wait_for(
        lambda: on_top_and_focused(bare_desktop, actions, journal), "Companion on top", 5
    )

    result = second_launch(bare_desktop, "tag")
    assert result.returncode == 0, result.stderr
    bare_desktop.find_window(BREAK_TITLE)


def test_sigterm_mid_break_saves_the_break_and_exits_cleanly(
    desktop: Desktop, spawn: Spawn
) -> None:
    app = start_app(desktop, spawn)
    desktop.click_tray(1)
    window = desktop.find_window(BREAK_TITLE)
    desktop.key("5", window=window)
    desktop.unwatch(app)
    os.kill(app.pid, signal.SIGTERM)
    assert app.wait_exit(10) == 0, app.describe()
    assert rows(desktop, "select outcome, mood_before from breaks") == [("ended_early", 5)]


EDITOR_CALL_TITLE = "Write about that call"
EDITOR_TITLE = "Companion — Journal entry"
WRITTEN = "He shouted about the refund. Not my fault, and I stayed calm."


def test_write_about_the_call_quit_restart_and_find_it(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    app = start_app(desktop, spawn)
    desktop.click_tray(1)
    window = desktop.find_window(BREAK_TITLE)
    desktop.key("2", window=window)  # mood before: starts breathing
    desktop.key("Escape", window=window)  # end early
    desktop.key("4", window=window)  # mood after
    desktop.key("shift+Tab", window=window)  # from "Back to work" to "Write about it"
    desktop.key("space", window=window)
    editor = desktop.find_window(EDITOR_CALL_TITLE, exact=False)
    desktop.type_text(
        "He shouted about the refund. Not my fault, and I stayed calm.", window=editor
    )
    desktop.screenshot(artifacts_dir / "app_editor.png")
    desktop.key("ctrl+s", window=editor)
    desktop.wait_window_gone(EDITOR_CALL_TITLE, exact=False)
    [(call_id,)] = rows(desktop, "select id from calls")
    # The mood given after the break (4, "Calmer") came into the entry with the call.
    assert rows(desktop, "select call_id, body, mood from journal") == [(call_id, WRITTEN, 4)]

    desktop.unwatch(app)
    assert second_launch(desktop, "quit").returncode == 0
    assert app.wait_exit(10) == 0
    start_app(desktop, spawn)
    assert rows(desktop, "select call_id, body, mood from journal") == [(call_id, WRITTEN, 4)]
    assert second_launch(desktop, "journal").returncode == 0
    journal = desktop.find_window(JOURNAL_TITLE)

    # Found as the agent finds it: search, Down into the results, Enter opens the entry.
    # A word it doesn't contain first, so an editor can only come from a search that found it.
    desktop.type_text("zebra", window=journal)
    desktop.key("Down", "Return", window=journal)
    time.sleep(1.0)  # room for a wrong editor to appear
    assert desktop.search(EDITOR_TITLE) == []
    desktop.key("Escape", window=journal)  # clears the search
    desktop.type_text("refund", window=journal)
    desktop.screenshot(artifacts_dir / "app_journal_found.png")
    desktop.key("Down", "Return", window=journal)
    desktop.find_window(EDITOR_TITLE)


def test_killed_mid_sentence_the_draft_is_there_next_start(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    app = start_app(desktop, spawn)
    assert second_launch(desktop, "journal").returncode == 0
    journal = desktop.find_window(JOURNAL_TITLE)
    desktop.key("ctrl+n", window=journal)
    editor = desktop.find_window(EDITOR_TITLE)
    desktop.type_text("Half a thought about the escalation", window=editor)
    desktop.wait_for(
        lambda: (
            rows(desktop, "select body from drafts") == [("Half a thought about the escalation",)]
        ),
        "the draft on disk",
        5,
    )
    desktop.unwatch(app)
    os.kill(app.pid, signal.SIGKILL)
    app.wait_exit(5)

    start_app(desktop, spawn)
    assert rows(desktop, "select body from drafts") == [("Half a thought about the escalation",)]
    assert second_launch(desktop, "journal").returncode == 0
    desktop.find_window(JOURNAL_TITLE)
    desktop.screenshot(artifacts_dir / "app_journal_draft.png")

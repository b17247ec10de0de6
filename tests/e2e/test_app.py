"""The real app on a real X desktop with a tray host, driven and observed from outside.

Each key or click is sent again until its effect shows (desktop.key_until and friends), the
break never starts breathing by itself unless that is the test (tests/e2e/pins.py), and every
deadline scales with patience().
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from datetime import datetime
from pathlib import Path

from companion.ui.breathing.start_countdown import AUTO_START_ENV, AUTO_START_SECONDS
from tests.e2e.desktop import APP, ChildProcess, Desktop, Geometry, Spawn
from tests.e2e.pins import PINNED_START, read_journal
from tests.e2e.timing import patience
from tests.e2e.x11 import top_level

BREAK_TITLE = "Companion — Breathing break"
JOURNAL_TITLE = "Companion — Journal"


def start_app(desktop: Desktop, spawn: Spawn, env: dict[str, str] | None = None) -> ChildProcess:
    app = spawn(APP, env, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))
    return app


def rows(desktop: Desktop, query: str) -> list[tuple[object, ...]]:
    path = desktop.data_dir / "journal.db"
    if not path.exists():
        return []  # not made yet: opening it read-only would fail
    with contextlib.closing(read_journal(desktop.data_dir)) as db:
        return db.execute(query).fetchall()


def tag_with_a_tray_click(desktop: Desktop) -> object:
    """A left click on the icon: sent again only while no call was tagged (a click that
    arrived has its row at once), so it tags one call. The break window it opens is shown."""
    [(call_id,)] = desktop.click_tray_until(
        1, lambda: rows(desktop, "select id from calls") or None, "a call tagged by the click"
    )
    desktop.find_window(BREAK_TITLE)
    return call_id


def breathing_started(desktop: Desktop) -> bool:
    return "breathing_started" in desktop.trace_events()


def break_recorded(desktop: Desktop) -> list[tuple[object, ...]] | None:
    return rows(desktop, "select id from breaks") or None


def gone(desktop: Desktop, title: str, exact: bool = True) -> bool:
    return not desktop.search(title, exact=exact)


def test_one_click_tags_and_breathes_and_both_are_saved(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    start_app(desktop, spawn)
    panel = desktop.tray_panel()
    corner = Geometry(panel.x + panel.width - 160, 0, 160, panel.height + 8)
    desktop.screenshot(artifacts_dir / "app_tray.png", region=corner, scale=4)

    tag_with_a_tray_click(desktop)
    # "Okay" on the mood check starts the breathing (once it has, a mood key does nothing).
    desktop.key_until("3", BREAK_TITLE, lambda: breathing_started(desktop), "breathing")
    desktop.screenshot_window(BREAK_TITLE, artifacts_dir / "app_break.png")
    # Escape ends the breathing early (the break's row), then closes the after page.
    desktop.key_until("Escape", BREAK_TITLE, lambda: break_recorded(desktop), "the break")
    desktop.key_until("Escape", BREAK_TITLE, lambda: gone(desktop, BREAK_TITLE), "it to close")

    calls = rows(desktop, "select id, reason from calls")
    breaks = rows(desktop, "select call_id, outcome, mood_before, pattern_key from breaks")
    assert len(calls) == 1 and calls[0][1] is None
    assert breaks == [(calls[0][0], "ended_early", 3, "sigh")]
    # On the pinned clock (tests/e2e/pins.py): that Wednesday, minutes after ten.
    [(tagged_at,)] = rows(desktop, "select tagged_at from calls")
    tagged = datetime.fromisoformat(str(tagged_at))
    assert tagged.date() == PINNED_START.date() and tagged.hour == PINNED_START.hour


def test_a_tray_click_and_nothing_else_starts_the_breathing(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    # The one test with the app's own countdown: the others pin it off (tests/e2e/pins.py).
    start_app(desktop, spawn, desktop.env | {AUTO_START_ENV: str(AUTO_START_SECONDS)})

    tag_with_a_tray_click(desktop)  # and then the agent does nothing at all
    desktop.screenshot_window(BREAK_TITLE, artifacts_dir / "app_break_countdown.png")
    desktop.wait_for(
        lambda: breathing_started(desktop), "breathing to start by itself", patience(15)
    )
    time.sleep(1.5)  # a little breathing, so the break has a length
    desktop.screenshot_window(BREAK_TITLE, artifacts_dir / "app_break_by_itself.png")
    desktop.key_until("Escape", BREAK_TITLE, lambda: break_recorded(desktop), "the break")

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
    result = desktop.run_app("tag", "--reason", "abusive", "--intensity", "4")
    assert result.returncode == 0, result.stderr
    desktop.find_window(BREAK_TITLE)
    assert rows(desktop, "select reason, intensity from calls") == [("abusive", 4)]
    assert app.returncode is None

    assert desktop.run_app("journal").returncode == 0
    desktop.find_window(JOURNAL_TITLE)
    desktop.screenshot(artifacts_dir / "app_journal.png")

    desktop.unwatch(app)
    assert desktop.run_app("quit").returncode == 0
    assert app.wait_exit() == 0


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
    actions = bare_desktop.find_window("Companion", timeout=patience(20))
    bare_desktop.screenshot_window("Companion", artifacts_dir / "app_no_tray.png")

    # Another window covers it and has the keyboard: the journal, opened right over it (it
    # takes the focus as it opens). Then the agent runs `companion` again. (Not a window of
    # another program focused with xdotool: with no window manager, X ignores a focus request
    # stamped earlier than the last focus change, so Qt could raise the window but never
    # take the keyboard back from it.)
    assert bare_desktop.run_app("journal").returncode == 0
    journal = bare_desktop.find_window(JOURNAL_TITLE)
    where = bare_desktop.window_geometry(actions)
    bare_desktop.until(
        lambda: bare_desktop.run(
            "xdotool", "windowmove", "--sync", str(journal), str(where.x), str(where.y)
        ),
        lambda: on_top_and_focused(bare_desktop, journal, actions),
        "the journal on top",
    )
    # `companion` again only brings the window forward: harmless to ask twice.
    bare_desktop.until(
        lambda: bare_desktop.run_app().check_returncode(),
        lambda: on_top_and_focused(bare_desktop, actions, journal),
        "Companion on top",
    )

    result = bare_desktop.run_app("tag")
    assert result.returncode == 0, result.stderr
    bare_desktop.find_window(BREAK_TITLE)


def test_sigterm_mid_break_saves_the_break_and_exits_cleanly(
    desktop: Desktop, spawn: Spawn
) -> None:
    app = start_app(desktop, spawn)
    tag_with_a_tray_click(desktop)
    desktop.key_until("5", BREAK_TITLE, lambda: breathing_started(desktop), "breathing")
    desktop.unwatch(app)
    os.kill(app.pid, signal.SIGTERM)
    assert app.wait_exit() == 0, app.describe()
    assert rows(desktop, "select outcome, mood_before from breaks") == [("ended_early", 5)]


EDITOR_CALL_TITLE = "Write about that call"
EDITOR_TITLE = "Companion — Journal entry"
WRITTEN = "He shouted about the refund. Not my fault, and I stayed calm."


def test_write_about_the_call_quit_restart_and_find_it(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    app = start_app(desktop, spawn)
    call_id = tag_with_a_tray_click(desktop)
    desktop.key_until("2", BREAK_TITLE, lambda: breathing_started(desktop), "breathing")
    desktop.key_until("Escape", BREAK_TITLE, lambda: break_recorded(desktop), "an early end")
    desktop.key_until(  # the mood after, then the way out shows
        "4", BREAK_TITLE, lambda: rows(desktop, "select id from breaks where mood_after = 4"), "4"
    )
    # From "Back to work" to "Write about it", pressed: the editor opens over the break.
    desktop.key_until(
        ("shift+Tab", "space"),
        BREAK_TITLE,
        lambda: desktop.search(EDITOR_CALL_TITLE, exact=False),
        "the editor",
    )
    desktop.type_until(
        WRITTEN,
        EDITOR_CALL_TITLE,
        lambda: (WRITTEN,) in rows(desktop, "select body from drafts"),
        "the text kept as a draft",
        exact=False,
    )
    desktop.screenshot(artifacts_dir / "app_editor.png")
    desktop.key_until(
        "ctrl+s",
        EDITOR_CALL_TITLE,
        lambda: gone(desktop, EDITOR_CALL_TITLE, exact=False),
        "the editor to save and close",
        exact=False,
    )
    # The mood given after the break (4, "Calm") came into the entry with the call.
    assert rows(desktop, "select call_id, body, mood from journal") == [(call_id, WRITTEN, 4)]

    desktop.unwatch(app)
    assert desktop.run_app("quit").returncode == 0
    assert app.wait_exit() == 0
    start_app(desktop, spawn)
    assert rows(desktop, "select call_id, body, mood from journal") == [(call_id, WRITTEN, 4)]
    assert desktop.run_app("journal").returncode == 0
    desktop.find_window(JOURNAL_TITLE)

    # Found as the agent finds it: search, Down into the results, Enter opens the entry (sent
    # again until it does: opening the same entry again only brings its editor forward).
    desktop.until(
        lambda: search_and_open(desktop, "refund", artifacts_dir / "app_journal_found.png"),
        lambda: desktop.search(EDITOR_TITLE),
        "the entry found by a search",
    )
    desktop.key_until("Escape", EDITOR_TITLE, lambda: gone(desktop, EDITOR_TITLE), "it to close")
    # A word it doesn't contain, on a journal window now known to take keys: no editor.
    search_and_open(desktop, "zebra")
    time.sleep(1.0)  # room for a wrong editor to appear
    assert desktop.search(EDITOR_TITLE) == []


def search_and_open(desktop: Desktop, words: str, screenshot: Path | None = None) -> None:
    """In the journal: Ctrl+F, Ctrl+A (so the words replace any search), the words, Down into
    the results and Enter on the first."""
    journal = desktop.find_window(JOURNAL_TITLE)
    desktop.key("ctrl+f", "ctrl+a", window=journal)
    desktop.type_text(words)
    if screenshot is not None:
        desktop.screenshot(screenshot)
    desktop.key("Down", "Return")


def test_killed_mid_sentence_the_draft_is_there_next_start(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    app = start_app(desktop, spawn)
    assert desktop.run_app("journal").returncode == 0
    # Ctrl+N again only brings the new entry's editor forward.
    desktop.key_until("ctrl+n", JOURNAL_TITLE, lambda: desktop.search(EDITOR_TITLE), "an editor")
    desktop.type_until(
        "Half a thought about the escalation",
        EDITOR_TITLE,
        lambda: (
            rows(desktop, "select body from drafts") == [("Half a thought about the escalation",)]
        ),
        "the draft on disk",
    )
    desktop.unwatch(app)
    os.kill(app.pid, signal.SIGKILL)
    app.wait_exit()

    start_app(desktop, spawn)
    assert rows(desktop, "select body from drafts") == [("Half a thought about the escalation",)]
    assert desktop.run_app("journal").returncode == 0
    desktop.find_window(JOURNAL_TITLE)
    desktop.screenshot(artifacts_dir / "app_journal_draft.png")

"""Companion as a screen reader meets it: the AT-SPI tree and focus of the real app on the test
desktop, read with Debian's python3-pyatspi (tests/e2e/atspi.py), and the whole loop done with
the keyboard alone.

Every window's controls have names, none shared within a window. The tray's menu is a popup,
which Qt leaves out of the tree (QAccessibleApplication lists top-level windows "except popups",
qtbase src/gui/accessible/qaccessibleobject.cpp); its items reach a screen reader as each takes
the focus, which is how Orca reads menus, and that is what is checked here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from companion.core.aftercare import Care
from companion.ui.breathing import messages as break_text
from companion.ui.care import messages as care_text
from companion.ui.journal import messages as journal_text
from companion.ui.shell import messages as shell_text
from tests.e2e import atspi
from tests.e2e.atspi import FocusWatch, Node
from tests.e2e.desktop import APP, Desktop, Spawn
from tests.e2e.test_app import (
    BREAK_TITLE,
    EDITOR_CALL_TITLE,
    EDITOR_TITLE,
    JOURNAL_TITLE,
    break_recorded,
    breathing_started,
    gone,
    rows,
    start_app,
)
from tests.e2e.timing import patience

SETTINGS_TITLE = "Companion — Settings"
CALLS_TITLE = "Companion — Recent hard calls"
TALK_TITLE = care_text.WINDOW_TITLE.format(title=care_text.TITLE[Care.TALK])
REFRAME_TITLE = care_text.WINDOW_TITLE.format(title=care_text.TITLE[Care.REFRAME])
WRITTEN = "Loud caller. I kept my voice low and it passed."
#: Tab presses to reach a control before a test gives up (a window has fewer).
MAX_TABS = 25


@pytest.fixture(autouse=True)
def _needs_pyatspi() -> None:
    reason = atspi.missing()
    if reason is not None:
        pytest.skip(f"can't read the accessibility tree ({reason}; run `make desktop-tools`)")


def listening(desktop: Desktop) -> Iterator[FocusWatch]:
    """The accessibility bus on, then a focus watch for the app the test starts after."""
    atspi.accessible(desktop)
    watch = FocusWatch.start(desktop)
    yield watch
    watch.stop()


@pytest.fixture
def focus(desktop: Desktop) -> Iterator[FocusWatch]:
    yield from listening(desktop)


@pytest.fixture
def bare_focus(bare_desktop: Desktop) -> Iterator[FocusWatch]:
    yield from listening(bare_desktop)


def window_in_tree(desktop: Desktop, title: str) -> list[Node]:
    """The tree, once a window titled `title` is in it with its controls."""

    def probe() -> list[Node] | None:
        nodes = atspi.tree(desktop)
        return nodes if any(n.window == title and n.is_control for n in nodes) else None

    return desktop.wait_for(probe, f"{title!r} in the accessibility tree", patience(20))


def check_names(desktop: Desktop, title: str, seen: dict[str, list[str]]) -> None:
    """Note what is wrong with the names of every window in the tree now; `title` must be one."""
    nodes = window_in_tree(desktop, title)
    seen.update(atspi.naming_problems(nodes))


def last_focus(focus: FocusWatch) -> Node | None:
    found = focus.focused()
    return found[-1] if found else None


def tab_to(desktop: Desktop, focus: FocusWatch, title: str, name: str) -> None:
    """Press Tab in the window titled `title` until the control named `name` has the focus,
    as a screen-reader user moves until they hear it."""
    for _ in range(MAX_TABS):
        current = last_focus(focus)
        if current is not None and current.name == name:
            return
        next_heard(desktop, focus, lambda: desktop.key("Tab", window=desktop.find_window(title)))
    heard = [node.name for node in focus.focused()[-MAX_TABS:]]
    raise AssertionError(f"Tab never reached {name!r} in {title!r}; heard {heard}")


def test_every_window_names_each_control_once(
    desktop: Desktop, spawn: Spawn, focus: FocusWatch
) -> None:
    problems: dict[str, list[str]] = {}
    start_app(desktop, spawn)
    # The break, page by page: the mood question, the breathing, the after page and its care.
    assert desktop.run_app("tag", "--reason", "abusive").returncode == 0
    check_names(desktop, BREAK_TITLE, problems)
    desktop.key_until("3", BREAK_TITLE, lambda: breathing_started(desktop), "breathing")
    check_names(desktop, BREAK_TITLE, problems)
    desktop.key_until("Escape", BREAK_TITLE, lambda: break_recorded(desktop), "the break")
    desktop.key_until(
        "4", BREAK_TITLE, lambda: rows(desktop, "select id from breaks where mood_after = 4"), "4"
    )
    check_names(desktop, BREAK_TITLE, problems)
    tab_to(desktop, focus, BREAK_TITLE, care_text.OFFER_NAME[Care.REFRAME])
    desktop.key_until("space", BREAK_TITLE, lambda: desktop.search(REFRAME_TITLE), "the care")
    check_names(desktop, REFRAME_TITLE, problems)
    # The journal and a new entry's editor, Settings, then recent calls from the tray menu.
    assert desktop.run_app("journal").returncode == 0
    check_names(desktop, JOURNAL_TITLE, problems)
    desktop.key_until("ctrl+n", JOURNAL_TITLE, lambda: desktop.search(EDITOR_TITLE), "an editor")
    check_names(desktop, EDITOR_TITLE, problems)
    assert desktop.run_app("settings").returncode == 0
    check_names(desktop, SETTINGS_TITLE, problems)
    for item, title in (
        (shell_text.RECENT_CALLS, CALLS_TITLE),
        (shell_text.NEED_TO_TALK, TALK_TITLE),
    ):
        choose_in_tray_menu(desktop, focus, item, title)
        check_names(desktop, title, problems)
    windows = atspi.windows(desktop)
    for title in (BREAK_TITLE, REFRAME_TITLE, JOURNAL_TITLE, EDITOR_TITLE, SETTINGS_TITLE,
                  CALLS_TITLE, TALK_TITLE):  # fmt: skip
        assert title in windows
    assert problems == {}


def next_heard(desktop: Desktop, focus: FocusWatch, act: Callable[[], object]) -> Node:
    """Do `act` (a key, a click and a key) until something new takes the focus; that."""
    count = len(focus.focused())
    desktop.until(act, lambda: len(focus.focused()) > count or None, "the focus to move")
    return focus.focused()[-1]


def open_tray_menu(desktop: Desktop, focus: FocusWatch) -> Node:
    """Right-click the icon and press Down: the first item, as it takes the focus."""
    return next_heard(desktop, focus, lambda: (desktop.click_tray(3), desktop.key("Down")))


def menu_items_heard(desktop: Desktop, focus: FocusWatch) -> list[Node]:
    """Open the tray menu and press Down through it once round; what took the focus."""
    heard = [open_tray_menu(desktop, focus)]
    for _ in range(MAX_TABS):
        node = next_heard(desktop, focus, lambda: desktop.key("Down"))
        if node.name == heard[0].name:
            desktop.key("Escape")
            return heard
        heard.append(node)
    raise AssertionError(f"Down never came back round the tray menu; heard {heard}")


def choose_in_tray_menu(desktop: Desktop, focus: FocusWatch, item: str, title: str) -> None:
    """Open the tray menu, Down until `item` is heard, Return; the window it opens is shown."""
    node = open_tray_menu(desktop, focus)
    for _ in range(MAX_TABS):
        if node.name == item:
            desktop.key("Return")
            desktop.find_window(title, timeout=patience(20))
            return
        node = next_heard(desktop, focus, lambda: desktop.key("Down"))
    raise AssertionError(f"{item!r} never took the focus in the tray menu")


def test_the_tray_menu_speaks_each_item_as_the_arrows_reach_it(
    desktop: Desktop, spawn: Spawn, focus: FocusWatch
) -> None:
    start_app(desktop, spawn)
    heard = menu_items_heard(desktop, focus)
    names = [node.name for node in heard]
    print("HEARD", [(n.role, n.name) for n in heard])
    assert all(name.strip() for name in names), names
    assert len(set(names)) == len(names), names
    assert {shell_text.TAG_MENU, shell_text.RECENT_CALLS, shell_text.NEED_TO_TALK} <= set(names)
    assert {node.role for node in heard} <= {"menu item", "menu"}


def test_the_whole_loop_with_the_keyboard_alone(
    bare_desktop: Desktop, spawn: Spawn, bare_focus: FocusWatch, artifacts_dir: Path
) -> None:
    desktop = bare_desktop
    spawn(APP, desktop=desktop, name="companion")
    desktop.find_window(shell_text.WINDOW_TITLE, timeout=patience(20))
    # The window opens on its big button: Return tags the call (and only once: a second
    # Return would land on the break window, which has the focus by then).
    desktop.key_until(
        "Return", shell_text.WINDOW_TITLE, lambda: rows(desktop, "select id from calls") or None,
        "a call tagged with Return",
    )  # fmt: skip
    breathe_and_write(desktop, bare_focus, artifacts_dir)


def test_with_a_tray_the_shortcut_starts_the_same_loop(
    desktop: Desktop, spawn: Spawn, focus: FocusWatch, artifacts_dir: Path
) -> None:
    """The tray icon is out of the keyboard's reach; Ctrl+Alt+H (README) is not."""
    start_app(desktop, spawn)
    desktop.wait_for(lambda: "journal_open" in desktop.trace_events(), "journal_open", patience(30))
    desktop.until(
        lambda: desktop.run("xdotool", "key", "ctrl+alt+h"),
        lambda: rows(desktop, "select id from calls") or None,
        "a call tagged with Ctrl+Alt+H",
        patience(20),
    )
    breathe_and_write(desktop, focus, artifacts_dir)


def breathe_and_write(desktop: Desktop, focus: FocusWatch, artifacts_dir: Path) -> None:
    """From the break a tag opened: mood, breathing, mood after, Write about it, the text,
    Ctrl+S; all with keys, each step checked in the tree or the journal file."""
    [(call_id,)] = rows(desktop, "select id from calls")
    desktop.find_window(BREAK_TITLE)
    mood = window_in_tree(desktop, BREAK_TITLE)
    assert any(n.name.startswith("Mood 3") and n.window == BREAK_TITLE for n in mood)
    desktop.key_until("3", BREAK_TITLE, lambda: breathing_started(desktop), "breathing")
    desktop.screenshot_window(BREAK_TITLE, artifacts_dir / "a11y_breathing.png")
    desktop.key_until("Escape", BREAK_TITLE, lambda: break_recorded(desktop), "the break")
    desktop.key_until(
        "4", BREAK_TITLE, lambda: rows(desktop, "select id from breaks where mood_after = 4"), "4"
    )
    # The after page: "Back to work" has the focus and says so; Tab back to "Write about it".
    desktop.wait_for(
        lambda: (n := last_focus(focus)) is not None and n.name == break_text.BACK,
        "the focus on Back to work",
    )
    tab_to(desktop, focus, BREAK_TITLE, break_text.WRITE_NAME)
    desktop.key_until(
        "space", BREAK_TITLE, lambda: desktop.search(EDITOR_CALL_TITLE, exact=False), "the editor"
    )
    desktop.wait_for(
        lambda: (n := last_focus(focus)) is not None and n.name == journal_text.BODY_NAME,
        "the focus in the editor's text",
    )
    desktop.type_until(
        WRITTEN, EDITOR_CALL_TITLE,
        lambda: (WRITTEN,) in rows(desktop, "select body from drafts"),
        "the text kept as a draft", exact=False,
    )  # fmt: skip
    desktop.screenshot(artifacts_dir / "a11y_editor.png")
    desktop.key_until(
        "ctrl+s", EDITOR_CALL_TITLE, lambda: gone(desktop, EDITOR_CALL_TITLE, exact=False),
        "the editor to save and close", exact=False,
    )  # fmt: skip
    assert rows(desktop, "select call_id, body, mood from journal") == [(call_id, WRITTEN, 4)]
    breaks = rows(desktop, "select call_id, outcome, mood_before, mood_after from breaks")
    assert breaks == [(call_id, "ended_early", 3, 4)]

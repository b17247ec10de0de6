"""Companion on a real GNOME Shell 43 (Wayland, headless): what GNOME users get.

The tray through Ubuntu's AppIndicator extension, the focus a break gets when a softphone or
the tray starts it (issue #11, part 6), GNOME's idle monitor (part 4), and the banner a due
callback should bring (part 2). The shell starts once for the module (tests/e2e/gnome.py);
each test has a Companion data folder of its own and stops what it started.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection

from companion.core.reminders import Callback
from companion.store.storage import open_storage
from companion.system.idle import IdleTime
from companion.system.idle_dbus import DBusIdle
from companion.system.portal_shortcut import SHORTCUT_ID
from tests.e2e import shortcuts_portal
from tests.e2e.gnome import GnomeShell
from tests.e2e.pins import journal_key, read_journal, write_settings
from tests.e2e.processes import ChildProcess
from tests.e2e.timing import patience

APP = [sys.executable, "-m", "companion"]
BREAK_TITLE = "Companion — Breathing break"
#: Nothing falls due by itself while a focus test runs.
QUIET = {"reminders": {"enabled": False}}
#: All day, every day, no reflection: only the callback the test sets falls due.
ALL_DAY = {
    "reminders": {
        "shift_start": "00:00",
        "shift_end": "23:59",
        "working_days": [0, 1, 2, 3, 4, 5, 6],
        "reflection": False,
        "away_minutes": 30,
    }
}
#: How long GNOME takes to show a refused activation as a notice: Mutter handles the request
#: in the main-loop turn it arrives in and the notice is up within a frame (seen: < 0.2 s);
#: the absence of one is checked this long after the command was done.
NOTICE_SETTLE_S = 1.5


def data_dir(gnome: GnomeShell) -> Path:
    return Path(gnome.env["COMPANION_DATA_DIR"])


def start_companion(gnome: GnomeShell, settings: dict[str, object] = QUIET) -> ChildProcess:
    """Companion with pinned settings; returns once GNOME shows its tray icon."""
    write_settings(data_dir(gnome), settings)
    app = gnome.spawn(APP, name="companion")
    gnome.wait_for(gnome.tray_icon, "Companion's icon in GNOME's top bar", patience(20))
    return app


def calls(gnome: GnomeShell) -> int:
    path = data_dir(gnome) / "journal.db"
    if not path.exists():
        return 0
    with contextlib.closing(read_journal(data_dir(gnome))) as db:
        return int(db.execute("select count(*) from calls").fetchone()[0])


def tag_from_softphone(gnome: GnomeShell, count: int) -> None:
    """The agent clicks "Hard call" in the softphone; its hook runs `companion tag`, which
    answers only once the call is stored: wait for the ``count``-th call."""
    gnome.click_softphone()
    gnome.wait_for(lambda: calls(gnome) >= count or None, f"call {count} stored", patience(20))


def registered_tray_items(gnome: GnomeShell) -> str:
    """The StatusNotifierWatcher's list, as the AppIndicator extension keeps it."""
    return gnome.run(
        "gdbus", "call", "--session", "--dest", "org.kde.StatusNotifierWatcher",
        "--object-path", "/StatusNotifierWatcher", "--method",
        "org.freedesktop.DBus.Properties.Get", "org.kde.StatusNotifierWatcher",
        "RegisteredStatusNotifierItems",
    )  # fmt: skip


def test_a_tray_activate_starts_a_break_that_takes_the_focus_from_the_softphone(
    gnome: GnomeShell, artifacts_dir: Path
) -> None:
    assert "QT_QPA_PLATFORM" not in gnome.env and gnome.env["WAYLAND_DISPLAY"]
    start_companion(gnome)
    assert "/StatusNotifierItem" in registered_tray_items(gnome)
    gnome.start_softphone(["true"])

    gnome.until(  # the tray's click is "tag and breathe": a stored call says it arrived
        gnome.activate_tray, lambda: calls(gnome) >= 1 or None, "call stored", patience(5)
    )

    window = gnome.wait_focus(BREAK_TITLE)
    assert window.wayland  # Qt's own Wayland client, not XWayland
    assert calls(gnome) == 1  # the tray's click is "tag and breathe"
    gnome.screenshot(artifacts_dir / "gnome_tray_break.png")
    assert gnome.ready_notices() == []


def test_a_tag_from_a_softphone_hands_on_its_token_and_the_break_takes_the_focus(
    gnome: GnomeShell,
) -> None:
    """The token GTK's launch context made for the click travels with `companion tag` to
    the running Companion, which activates its break window with it: GNOME gives the focus.

    The second tag is the telling one: the break window is already open behind the softphone
    the agent just clicked, which is what showed a sticky '"…" is ready' notice before."""
    start_companion(gnome)
    gnome.start_softphone([*APP, "tag"])
    tag_from_softphone(gnome, 1)
    gnome.wait_window(BREAK_TITLE)
    gnome.focus_softphone()  # back to the call: the break window stays open behind

    tag_from_softphone(gnome, 2)

    gnome.wait_focus(BREAK_TITLE)
    assert gnome.ready_notices() == []


def test_a_tag_without_a_token_leaves_the_focus_where_it_is_and_no_ready_notice(
    gnome: GnomeShell,
) -> None:
    """A hook that spawns `companion tag` without a launch context has no token: Companion
    does not ask for the focus (GNOME would refuse and leave a sticky notice that also holds
    back every banner after it), so the agent keeps typing in the softphone."""
    start_companion(gnome)
    gnome.start_softphone([*APP, "tag"], token=False)
    tag_from_softphone(gnome, 1)
    gnome.wait_window(BREAK_TITLE)
    gnome.focus_softphone()

    tag_from_softphone(gnome, 2)
    time.sleep(NOTICE_SETTLE_S)  # an absence: see NOTICE_SETTLE_S

    assert gnome.focused_title() == "Softphone"
    assert gnome.ready_notices() == []


@pytest.fixture
def gnome_bus(qapp: object, gnome: GnomeShell) -> Iterator[QDBusConnection]:
    """This test process's own connection to the GNOME session bus."""
    name = "gnome-idle-test"
    bus = QDBusConnection.connectToBus(gnome.env["DBUS_SESSION_BUS_ADDRESS"], name)
    assert bus.isConnected()
    yield bus
    QDBusConnection.disconnectFromBus(name)


def test_gnome_idle_time_grows_while_nobody_touches_it_and_input_resets_it(
    gnome: GnomeShell, gnome_bus: QDBusConnection
) -> None:
    wayland = {"WAYLAND_DISPLAY": gnome.env["WAYLAND_DISPLAY"], "XDG_SESSION_TYPE": "wayland"}
    idle = IdleTime("linux", wayland, desktop=DBusIdle(gnome_bus))
    gnome.pointer_to(5, 400)  # the agent was just here
    start = idle.seconds()
    assert start is not None and idle.source == "GNOME"
    quiet = 2.0
    time.sleep(quiet)  # the subject: time passing without input
    later = idle.seconds()
    assert later is not None and later >= start + quiet - 0.1  # Mutter counts milliseconds
    gnome.pointer_to(5, 500)
    back = idle.seconds()
    assert back is not None and back < later


def seed_callback(gnome: GnomeShell, due_in: timedelta) -> None:
    """A callback for case 4711, stored the way `companion callback --in 1m --case 4711`
    stores it (the same repository call), due ``due_in`` from now: `--in` counts whole
    minutes, and a test should not wait one."""
    now = datetime.now().astimezone()
    storage = open_storage(data_dir(gnome), now, key=journal_key(data_dir(gnome)))
    try:
        storage.reminders.add_callback(
            Callback(due_at=now + due_in, text="", created_at=now, case_ref="4711")
        )
    finally:
        storage.close()


def test_a_due_callback_reaches_gnome_shell(gnome: GnomeShell) -> None:
    """Delivered today: the notice lands in GNOME's message list (a banner or not)."""
    seed_callback(gnome, timedelta(seconds=3))
    start_companion(gnome, ALL_DAY)
    gnome.wait_for(lambda: gnome.notices("4711"), "the callback in GNOME Shell", patience(20))


def test_a_due_callback_shows_a_banner_on_gnome(gnome: GnomeShell, artifacts_dir: Path) -> None:
    seed_callback(gnome, timedelta(seconds=3))
    start_companion(gnome, ALL_DAY)
    gnome.wait_for(lambda: gnome.notices("4711"), "the callback in GNOME Shell", patience(20))

    # No banner was up when the test began (the fixture let them go): one shows at once.
    shown = gnome.wait_for(
        lambda: [text for text in gnome.banners() if "4711" in text] or None,
        "a banner for the callback of case 4711",
        patience(5),
    )
    gnome.screenshot(artifacts_dir / "gnome_callback_banner.png")
    assert shown


def test_on_wayland_the_portals_shortcut_tags_a_call_and_opens_the_break(
    gnome: GnomeShell, tmp_path: Path
) -> None:
    """Ctrl+Alt+H through the desktop portal's GlobalShortcuts, the only way a Wayland app
    hears a key while another app has the focus. GNOME 43 has no backend for it (GNOME 48
    has), so the real frontend runs with the stand-in backend (tests/e2e/shortcuts_portal.py),
    replacing any portal the bus started. The press comes without an activation token (GNOME
    43 makes none for it): the break opens, and GNOME shows no sticky "is ready" notice."""
    reason = shortcuts_portal.missing()
    if reason:
        pytest.skip(reason)
    backend = gnome.spawn(
        [shortcuts_portal.SYSTEM_PYTHON, str(shortcuts_portal.BACKEND), "accept"],
        name="shortcuts-backend",
    )
    gnome.wait_for(lambda: "ready" in backend.output() or None, "the stand-in", patience(10))
    portals = shortcuts_portal.portal_dir(tmp_path, with_backend=True)
    frontend_env = gnome.env | {
        "XDG_DESKTOP_PORTAL_DIR": str(portals),
        "XDG_CURRENT_DESKTOP": shortcuts_portal.DESKTOP,
    }
    gnome.spawn([str(shortcuts_portal.FRONTEND), "--replace"], frontend_env, name="portal")
    gnome.wait_for(
        lambda: "GlobalShortcuts" in introspect_portal(gnome) or None,
        "the portal's GlobalShortcuts",
        patience(15),
    )
    start_companion(gnome)
    gnome.start_softphone(["true"])

    gnome.until(  # retried: the press may come before Companion's shortcut is bound
        lambda: gnome.run(*shortcuts_portal.press_command(SHORTCUT_ID), check=False) and None,
        lambda: calls(gnome) >= 1 or None,
        "a call tagged by the portal's shortcut",
        patience(5),
    )

    window = gnome.wait_window(BREAK_TITLE)
    assert window.wayland and calls(gnome) == 1
    time.sleep(NOTICE_SETTLE_S)  # an absence: see NOTICE_SETTLE_S
    assert gnome.ready_notices() == []


def introspect_portal(gnome: GnomeShell) -> str:
    return gnome.run(
        "gdbus", "introspect", "--session", "--dest", "org.freedesktop.portal.Desktop",
        "--object-path", "/org/freedesktop/portal/desktop", check=False,
    )  # fmt: skip

"""Odd desktops: no D-Bus at all, a Wayland variable with nothing behind it, a frozen first
instance. Companion works with what there is and says plainly what it could not do."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from companion.store.database import UNREACHABLE
from companion.system.single_instance import REPLY_TIMEOUT_MS
from tests.e2e.desktop import Desktop, Spawn
from tests.e2e.pins import ALL_DAY_REMINDERS, read_journal
from tests.e2e.timing import patience

APP = [sys.executable, "-m", "companion"]
BREAK_TITLE = "Companion — Breathing break"
TOAST_TITLE = "Companion — Reminder"
CRASH_SIGNS = ("Traceback", "Aborted", "core dumped", "could not connect to display")


def launch(
    env: dict[str, str], *args: str, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    timeout = patience(30) if timeout is None else timeout
    return subprocess.run(
        [*APP, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def without(env: dict[str, str], *names: str) -> dict[str, str]:
    return {key: value for key, value in env.items() if key not in names}


def test_no_dbus_at_all_and_a_damaged_journal_still_gives_a_break(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    env = without(desktop.env, "DBUS_SESSION_BUS_ADDRESS")
    env["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=/nonexistent/system_bus_socket"
    data_dir = Path(env["COMPANION_DATA_DIR"])
    data_dir.mkdir(mode=0o700, exist_ok=True)
    (data_dir / "journal.db").write_bytes(b"scribbled over by something" * 200)

    app = spawn(APP, env, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))
    time.sleep(1.0)  # the set-aside message is shown once the event loop runs
    desktop.screenshot(artifacts_dir / "no_dbus_damaged_journal.png")

    tagged = launch(env, "tag", "--reason", "angry")
    assert tagged.returncode == 0, tagged.stderr
    desktop.find_window(BREAK_TITLE)
    assert len(list(data_dir.glob("journal.damaged-*.db"))) == 1
    assert app.returncode is None
    assert not any(sign in app.errors() for sign in CRASH_SIGNS), app.errors()


def test_a_wayland_variable_with_no_compositor_and_no_x_is_explained(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "WAYLAND_DISPLAY": "wayland-77",
        "XDG_SESSION_TYPE": "wayland",
        "COMPANION_DATA_DIR": str(tmp_path / "data"),
    }
    result = launch(env)
    assert result.returncode == 1
    assert "WAYLAND_DISPLAY" in result.stderr and "wayland-77" in result.stderr
    assert not any(sign in result.stderr for sign in CRASH_SIGNS), result.stderr


def test_a_stale_wayland_variable_beside_a_live_x_display_uses_x(
    bare_desktop: Desktop, spawn: Spawn
) -> None:
    env = without(bare_desktop.env, "QT_QPA_PLATFORM")
    env |= {"WAYLAND_DISPLAY": "wayland-77", "XDG_SESSION_TYPE": "wayland"}
    app = spawn(APP, env, desktop=bare_desktop, name="companion")
    bare_desktop.find_window("Companion", timeout=patience(20))
    assert not any(sign in app.errors() for sign in CRASH_SIGNS), app.errors()


def test_a_second_launch_says_so_when_the_first_is_frozen(desktop: Desktop, spawn: Spawn) -> None:
    app = spawn(APP, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))
    os.kill(app.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        frozen = launch(desktop.env, "tag")
        waited = time.monotonic() - started
    finally:
        os.kill(app.pid, signal.SIGCONT)
    assert frozen.returncode == 1
    assert "not responding" in frozen.stderr
    # Its own wait for a reply, and a start-up of the command line on a busy machine.
    assert waited < REPLY_TIMEOUT_MS / 1000 + patience(2), f"took {waited:.1f} s"
    thawed = launch(desktop.env, "break")
    assert thawed.returncode == 0, thawed.stderr
    desktop.find_window(BREAK_TITLE)


def test_a_tray_that_comes_up_after_companion_takes_over_from_the_window(
    bare_desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    """Autostart at login can beat the panel: Companion starts with its small window, looks
    again for a tray a few times, and moves to it when it is there."""
    spawn(APP, desktop=bare_desktop, name="companion")
    bare_desktop.find_window("Companion", timeout=patience(20))
    bare_desktop.start_tray_host()
    # The first look again is 5 s after start-up.
    bare_desktop.wait_tray_icon(timeout=patience(30))
    bare_desktop.wait_window_gone("Companion")
    bare_desktop.click_tray_until(1, lambda: tagged(bare_desktop), "a call tagged by the click")
    bare_desktop.find_window(BREAK_TITLE)


def tagged(desktop: Desktop) -> bool:
    """Whether a call was tagged (the app has its journal open: read-only beside it)."""
    path = desktop.data_dir / "journal.db"
    if not path.exists():
        return False
    with contextlib.closing(read_journal(desktop.data_dir)) as db:
        return db.execute("select count(*) from calls").fetchone()[0] > 0


def test_a_data_folder_that_is_a_file_starts_on_a_temporary_journal_and_says_why(
    bare_desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    """ENOTDIR, real even for root (chmod would not stop root writing)."""
    env = dict(bare_desktop.env)
    blocked = Path(env["COMPANION_DATA_DIR"])
    shutil.rmtree(blocked)  # and the pinned settings in it: there is no folder to hold them
    blocked.write_text("a file where Companion's folder should be")

    app = spawn(APP, env, desktop=bare_desktop, name="companion")
    # The fallback window, and in front of it the message in plain words.
    bare_desktop.wait_for(
        lambda: len(bare_desktop.search("Companion")) >= 2,
        "the window and its message",
        patience(20),
    )
    bare_desktop.screenshot(artifacts_dir / "data_folder_is_a_file.png")

    tagged = launch(env, "tag", "--case", "CS-77")
    assert tagged.returncode == 3, tagged.stderr
    assert "temporary journal" in tagged.stderr
    told = [line for line in app.errors().splitlines() if " companion.flows.notices: " in line]
    assert any(UNREACHABLE in line for line in told), app.errors()
    assert not any("Errno" in line or "directory" in line for line in told), told
    assert blocked.read_text() == "a file where Companion's folder should be"
    assert not any(sign in app.errors() for sign in CRASH_SIGNS), app.errors()


def test_no_tray_and_no_notification_service_are_each_explained_once(
    bare_desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    """The fallback window says why it is there; the first reminder, shown by Companion
    itself, says why it is not the desktop's (the screenshots show both lines). No session
    bus answers, so nothing shows notifications (this bus would start dunst on demand)."""
    env = bare_desktop.env | {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"}
    data_dir = Path(env["COMPANION_DATA_DIR"])
    bare_desktop.write_settings(ALL_DAY_REMINDERS)
    spawn(APP, env, desktop=bare_desktop, name="companion")
    window = bare_desktop.find_window("Companion", timeout=patience(20))
    bare_desktop.screenshot(artifacts_dir / "no_tray_window.png")

    for _ in range(3):
        assert launch(env, "tag").returncode == 0
    bare_desktop.key_until(
        "Escape", BREAK_TITLE, lambda: not bare_desktop.search(BREAK_TITLE), "the break to close"
    )
    bare_desktop.find_window(TOAST_TITLE)  # the nudge, shown by Companion itself
    bare_desktop.screenshot(artifacts_dir / "no_notification_service_nudge.png")

    log = (data_dir / "logs" / "companion.log").read_text(encoding="utf-8")
    assert log.count("no system tray on this desktop") == 1
    assert log.count("telling the agent once that the desktop shows no notifications") == 1
    assert window in bare_desktop.search("Companion")

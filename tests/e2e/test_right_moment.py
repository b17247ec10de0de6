"""The right moment on a real desktop: a nudge waits while the agent is on a call and comes
once the call is over; dunst's pause reads as Do Not Disturb.

The call is real as far as Companion can tell: a program records from the microphone of a
PulseAudio server of the test's own (tests/sound_server.py), whose socket is where libpulse
looks by default in the desktop's private XDG_RUNTIME_DIR. Notices are read from dunst's
history. Nothing depends on the wall clock: the app's clock is pinned (tests/e2e/pins.py), the
shift covers every hour of every day, and the nudge is due the moment the third hard call is
tagged.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication

from companion.flows.reminder_scheduler import CALL_RECHECK
from companion.system.dnd import NotificationServerDnd
from tests.e2e.desktop import APP, Desktop, Spawn
from tests.e2e.pins import ALL_DAY_REMINDERS
from tests.e2e.timing import patience
from tests.sound_server import SoundServer, missing_tools

BREAK_TITLE = "Companion — Breathing break"
WAITS_FOR_THE_CALL = "a reminder is due but waits: the agent is on a call"


def start_dunst(desktop: Desktop, spawn: Spawn) -> None:
    if shutil.which("dunst") is None or shutil.which("dunstctl") is None:
        pytest.skip("dunst is missing (run `make desktop-tools`)")
    config = desktop.root / "dunstrc"
    config.write_text("", encoding="utf-8")
    spawn(["dunst", "-conf", str(config)], desktop=desktop, name="dunst")
    # Not dunstctl until dunst owns its name: a call to an unowned name makes the bus start a
    # second dunst from its service file, and one of the two then exits.
    desktop.wait_for(lambda: has_owner(desktop), "dunst on the session bus", patience(10))


def has_owner(desktop: Desktop) -> bool:
    """Whether the notification server's name is owned (NameHasOwner never starts one)."""
    reply = desktop.run(
        "dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
        "string:org.freedesktop.Notifications", check=False,
    )  # fmt: skip
    return "boolean true" in reply


def nudges(desktop: Desktop) -> list[dict[str, Any]]:
    """Companion's nudges dunst was given (closing them moves them into its history)."""
    desktop.run("dunstctl", "close-all")
    data = json.loads(desktop.run("dunstctl", "history"))["data"]
    entries = [{k: v["data"] for k, v in entry.items()} for entry in (data[0] if data else [])]
    return [n for n in entries if n["appname"] == "Companion" and "tough run" in n["body"]]


def close_break_window(desktop: Desktop) -> None:
    """Escape at the mood check closes it unbreathed (a skipped break: the nudge stays due);
    sent again while the window is still there, in case the first came before it could
    take keys."""
    deadline = time.monotonic() + patience(20)
    while found := desktop.search(BREAK_TITLE):
        assert time.monotonic() < deadline, "the break window did not close"
        desktop.run("xdotool", "windowfocus", "--sync", str(found[0]), check=False)
        desktop.run("xdotool", "key", "Escape", check=False)
        end = time.monotonic() + 1.0
        while desktop.search(BREAK_TITLE) and time.monotonic() < end:
            time.sleep(0.05)


def logged(data_dir: Path, line: str) -> bool:
    log = data_dir / "logs" / "companion.log"
    return log.exists() and line in log.read_text(encoding="utf-8")


@pytest.fixture
def sound(desktop: Desktop) -> Any:
    if missing_tools():
        pytest.skip(f"{', '.join(missing_tools())} missing (run `make desktop-tools`)")
    server = SoundServer(desktop.root / "sound", desktop.env).start()
    yield server
    server.stop()


def test_a_nudge_due_during_a_call_waits_and_arrives_once_the_call_is_over(
    desktop: Desktop, spawn: Spawn, sound: SoundServer
) -> None:
    start_dunst(desktop, spawn)
    data_dir = Path(desktop.env["COMPANION_DATA_DIR"])
    desktop.write_settings(ALL_DAY_REMINDERS)  # the idle X server is not "away" either
    spawn(APP, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))

    call = sound.record()  # the softphone takes the headset's microphone
    for _ in range(3):
        assert desktop.run_app("tag").returncode == 0
    desktop.find_window(BREAK_TITLE, timeout=patience(10))
    close_break_window(desktop)  # the nudge is due now, and the agent is on the call
    desktop.wait_for(
        lambda: logged(data_dir, WAITS_FOR_THE_CALL), "the nudge held back", patience(20)
    )
    assert nudges(desktop) == []

    call.stop()
    arrived = desktop.wait_for(
        lambda: nudges(desktop) or None,
        "the nudge after the call",
        patience(CALL_RECHECK.total_seconds() + 15),
    )
    assert len(arrived) == 1
    time.sleep(1.0)  # nothing else follows it: one nudge, not one per look
    assert len(nudges(desktop)) == 1
    log = (data_dir / "logs" / "companion.log").read_text(encoding="utf-8")
    assert "pacat" not in log and "headset" not in log  # what was on the call stays unsaid


def test_dunst_s_pause_reads_as_do_not_disturb(
    desktop: Desktop, spawn: Spawn, qapp: QApplication
) -> None:
    start_dunst(desktop, spawn)
    bus = QDBusConnection.connectToBus(desktop.env["DBUS_SESSION_BUS_ADDRESS"], "e2e-dnd")
    try:
        dnd = NotificationServerDnd(lambda: bus, show_banners=lambda: None)
        assert dnd.is_on() is False
        desktop.run("dunstctl", "set-paused", "true")
        assert dnd.is_on() is True
        desktop.run("dunstctl", "set-paused", "false")
        assert dnd.is_on() is False
    finally:
        QDBusConnection.disconnectFromBus("e2e-dnd")

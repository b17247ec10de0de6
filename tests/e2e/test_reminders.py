"""Reminders on a real notification daemon: dunst on the desktop's private D-Bus session.

The app's clock is pinned to a Wednesday morning (tests/e2e/pins.py) and the reminders run all
day, every day: what falls due does not depend on when the tests run.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.bus_monitor import notify_calls, start_monitor
from tests.e2e.desktop import Desktop, Spawn
from tests.e2e.pins import ALL_DAY_REMINDERS
from tests.e2e.test_app import BREAK_TITLE, start_app
from tests.e2e.timing import patience

NOTIFICATIONS = "org.freedesktop.Notifications"

# dunst's history has no urgency field, but it keeps the formatted message: a rule per
# urgency writes the urgency into it.
DUNSTRC = "".join(
    f'[mark_{u}]\nmsg_urgency = {u}\nformat = "urgency={u}\\n%s\\n%b"\n'
    for u in ("low", "normal", "critical")
)


def start_dunst(desktop: Desktop, spawn: Spawn) -> None:
    if shutil.which("dunst") is None or shutil.which("dunstctl") is None:
        pytest.skip("dunst is missing (run `make desktop-tools`)")
    config = desktop.root / "dunstrc"
    config.write_text(DUNSTRC, encoding="utf-8")
    spawn(["dunst", "-conf", str(config)], desktop=desktop, name="dunst")
    # Asked without calling it first: a call (dunstctl's) to a name nobody owns yet makes the
    # bus start a second dunst from its service file, and one of the two then exits.
    desktop.wait_for(lambda: has_owner(desktop, NOTIFICATIONS), "dunst on the session bus")
    assert desktop.run("dunstctl", "is-paused").strip() == "false"


def has_owner(desktop: Desktop, name: str) -> bool:
    """Whether ``name`` is owned on the desktop's bus (NameHasOwner never starts a service)."""
    reply = desktop.run(
        "dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", f"string:{name}",
        check=False,
    )  # fmt: skip
    return "boolean true" in reply


def notifications(desktop: Desktop) -> list[dict[str, Any]]:
    """Everything dunst was shown, oldest first (closing them moves them into its history)."""
    desktop.run("dunstctl", "close-all")
    data = json.loads(desktop.run("dunstctl", "history"))["data"]
    entries = data[0] if data else []
    found = [{key: value["data"] for key, value in entry.items()} for entry in entries]
    return sorted(found, key=lambda n: n["id"])


def from_companion(desktop: Desktop, text: str) -> list[dict[str, Any]]:
    return [
        n
        for n in notifications(desktop)
        if n["appname"] == "Companion" and text in n["summary"] + n["body"]
    ]


def start_with_dunst(desktop: Desktop, spawn: Spawn) -> Path:
    """dunst, then Companion with all-day reminder settings; returns its data folder."""
    start_dunst(desktop, spawn)
    desktop.write_settings(ALL_DAY_REMINDERS)
    start_app(desktop, spawn)
    return desktop.data_dir


def tag_three_and_close_the_break_unbreathed(desktop: Desktop) -> None:
    """Three hard calls open a break window: no reminder may cover it. The agent closes it at
    the mood check, so the break is recorded as skipped, which is no break for the nudge: the
    nudge for three hard calls is due."""
    for _ in range(3):
        assert desktop.run_app("tag").returncode == 0
    desktop.find_window(BREAK_TITLE)  # it waits for the agent (no countdown: pins.py)
    time.sleep(2.0)  # the nudge was due at the third tag: long enough to see it held back
    assert int(desktop.run("dunstctl", "count", "displayed")) == 0
    desktop.key_until(
        "Escape", BREAK_TITLE, lambda: not desktop.search(BREAK_TITLE), "the break to close"
    )


def test_three_tags_bring_one_gentle_nudge_and_a_callback_arrives_once(
    desktop: Desktop, spawn: Spawn
) -> None:
    """On dunst, which shows low-urgency notices: the nudge goes low, the callback (a promise
    to a customer) normal, each with its buttons and a click on the notice itself."""
    monitor = start_monitor(desktop, spawn)
    start_with_dunst(desktop, spawn)

    result = desktop.run_app("callback", "--in", "1m", "--case", "4711")
    assert result.returncode == 0, result.stderr
    set_at = time.monotonic()

    tag_three_and_close_the_break_unbreathed(desktop)
    nudge = desktop.wait_for(lambda: from_companion(desktop, "tough run") or None, "the nudge")
    assert len(nudge) == 1
    assert nudge[0]["message"].startswith("urgency=low")
    assert nudge[0]["icon_path"].endswith("companion.svg")

    late = patience(20)  # the callback is due 60 s after it was set
    callback = desktop.wait_for(
        lambda: from_companion(desktop, "4711") or None, "the callback", 60 + late
    )
    assert 55 <= time.monotonic() - set_at <= 60 + late
    time.sleep(2)
    assert len(from_companion(desktop, "4711")) == len(callback) == 1
    assert len(from_companion(desktop, "tough run")) == 1
    calls = [c for c in notify_calls(monitor.output()) if c.app_name == "Companion"]
    assert [(c.summary, c.urgency, c.actions) for c in calls] == [
        ("A breather?", 0, ["default", "Open", "start-break", "Start a break"]),
        (
            "Time for a callback",
            1,
            ["default", "Open", "done", "Done", "snooze", "Snooze 15 min"],
        ),
    ]


def test_clicking_the_nudge_on_the_daemon_opens_a_break(
    desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    data_dir = start_with_dunst(desktop, spawn)
    tag_three_and_close_the_break_unbreathed(desktop)
    desktop.wait_for(
        lambda: int(desktop.run("dunstctl", "count", "displayed")) > 0 or None,
        "the nudge on screen",
    )
    desktop.screenshot(artifacts_dir / "reminders_nudge.png")
    # The agent clicks the nudge; a second click (on none, or on it again) only brings the
    # same break forward.
    desktop.until(
        lambda: desktop.run("dunstctl", "action", "0", check=False),
        lambda: desktop.search(BREAK_TITLE),
        "a break from the nudge",
    )
    log = (data_dir / "logs" / "companion.log").read_text(encoding="utf-8")
    assert "notification answered: default" in log

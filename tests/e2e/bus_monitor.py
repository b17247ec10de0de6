"""The Notify calls on a desktop's session bus, as ``dbus-monitor`` saw them.

Notification servers keep no urgency in what they let a test read (dunst's history has none),
so the call itself is read: app name, summary, buttons and the ``urgency`` byte.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass

import pytest

from tests.e2e.desktop import ChildProcess, Desktop, Spawn
from tests.e2e.timing import patience

MATCH = "interface='org.freedesktop.Notifications',member='Notify'"
_TOP_STRING = re.compile(r'^   string "([^\n]*)"$', re.MULTILINE)
_FIRST_ARRAY = re.compile(r"^   array \[\n(.*?)^   \]", re.MULTILINE | re.DOTALL)
_URGENCY = re.compile(r'string "urgency"\n\s*variant\s+byte (\d+)')


@dataclass(frozen=True)
class NotifyCall:
    app_name: str
    summary: str
    actions: list[str]
    urgency: int | None


def start_monitor(desktop: Desktop, spawn: Spawn) -> ChildProcess:
    """dbus-monitor on the desktop's bus, listening before this returns."""
    if shutil.which("dbus-monitor") is None:
        pytest.skip("dbus-monitor is missing (run `make desktop-tools`)")
    monitor = spawn(["dbus-monitor", MATCH], desktop=desktop, name="dbus-monitor")
    # It says goodbye to its name when it becomes a monitor: from then on it sees every call.
    desktop.wait_for(lambda: "NameLost" in monitor.output(), "dbus-monitor", patience(10))
    return monitor


def notify_calls(output: str) -> list[NotifyCall]:
    """Each Notify call in ``dbus-monitor``'s output, oldest first."""
    calls = []
    for block in output.split("method call ")[1:]:
        if "member=Notify" not in block.partition("\n")[0]:
            continue
        app_name, _icon, summary = [*_TOP_STRING.findall(block), "", "", ""][:3]
        actions = _FIRST_ARRAY.search(block)
        urgency = _URGENCY.search(block)
        calls.append(
            NotifyCall(
                app_name,
                summary,
                re.findall(r'string "([^"\n]*)"', actions.group(1)) if actions else [],
                int(urgency.group(1)) if urgency else None,
            )
        )
    return calls

"""A real Secret Service for a test: gnome-keyring, unlocked, on a private session bus.

No DISPLAY in its environment, so an unlock prompt can never show: a locked collection stays
locked. Skips the test when the tools are missing (``make desktop-tools`` installs them).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.processes import ChildProcess, poll, start_process
from tests.e2e.session import session_env, start_reporting_process
from tests.e2e.timing import patience

TOOLS = ("dbus-daemon", "gnome-keyring-daemon", "secret-tool", "gdbus")
_DAEMON = "printf pw | exec gnome-keyring-daemon --foreground --unlock --components=secrets"


@contextmanager
def secret_service(root: Path) -> Iterator[dict[str, str]]:
    """The environment (private HOME, XDG folders, bus address) of a running gnome-keyring."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"missing {', '.join(missing)} (run `make desktop-tools` as root on Debian)")
    env = session_env(root)
    logs = root / "logs"
    services: list[ChildProcess] = []
    try:
        bus, env["DBUS_SESSION_BUS_ADDRESS"] = start_reporting_process(
            lambda fd: ["dbus-daemon", "--session", "--nofork", f"--print-address={fd}"],
            env,
            logs,
            "dbus-daemon",
            patience(10),
        )
        services.append(bus)
        services.append(start_process(["sh", "-c", _DAEMON], env, logs, "gnome-keyring"))
        poll(
            lambda: _secrets_on_bus(env), "the Secret Service", patience(10), lambda: services, 0.05
        )
        yield env
    finally:
        for service in reversed(services):
            service.stop()


def _secrets_on_bus(env: dict[str, str]) -> bool:
    ask = ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus"]
    ask += ["--object-path", "/org/freedesktop/DBus"]
    ask += ["--method", "org.freedesktop.DBus.NameHasOwner", "org.freedesktop.secrets"]
    return "true" in run(ask, env)


def run(command: list[str], env: dict[str, str], stdin: str | None = None) -> str:
    """What ``command`` printed (secret-tool prints the secret on stdout, the rest on stderr)."""
    done = subprocess.run(
        command, env=env, input=stdin, capture_output=True, text=True, timeout=patience(30)
    )
    return done.stdout + done.stderr

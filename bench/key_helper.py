"""`python -m bench.key_helper [--quick]`: what reading the journal key costs the tray.

Runs gnome-keyring on a private session bus (a throwaway HOME), stores a key, then times
``Keychain.get()`` as the tray calls it (QProcess start to parsed answer) and the helper alone
(``companion --key-helper get`` from a shell-less subprocess), and lists the heavy modules the
asking process loaded: there must be none.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOOLS = ("dbus-run-session", "gnome-keyring-daemon", "gdbus")
HEAVY = ("keyring", "secretstorage", "cryptography", "jeepney")


def main(argv: list[str]) -> int:
    if "--inside" in argv:
        return _inside(runs=1 if "--quick" in argv else 5)
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f"key helper: skipped, missing {', '.join(missing)} (make desktop-tools)")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-keys-") as root:
        env = _private_env(Path(root))
        command = ["dbus-run-session", "--", sys.executable, "-m", "bench.key_helper", "--inside"]
        done = subprocess.run([*command, *argv], env=env, check=False)
    return done.returncode


def _private_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    for name, relative in (
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "home/.config"),
        ("XDG_DATA_HOME", "home/.local/share"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        (root / relative).mkdir(parents=True, exist_ok=True, mode=0o700)
        env[name] = str(root / relative)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _inside(runs: int) -> int:
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"pw")
    daemon.stdin.close()
    try:
        _wait_for_secrets()
        return _measure(runs)
    finally:
        daemon.terminate()
        daemon.wait(10)


def _wait_for_secrets() -> None:
    ask = ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus"]
    ask += ["--object-path", "/org/freedesktop/DBus"]
    ask += ["--method", "org.freedesktop.DBus.NameHasOwner", "org.freedesktop.secrets"]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if "true" in subprocess.run(ask, capture_output=True, text=True, check=False).stdout:
            return
        time.sleep(0.05)
    raise SystemExit("gnome-keyring did not come up on the bus")


def _measure(runs: int) -> int:
    from PySide6.QtCore import QCoreApplication

    from companion.system.key_helper import KeychainStatus
    from companion.system.keychain import Keychain, account_for, helper_command

    app = QCoreApplication([])
    account = account_for(Path(os.environ["HOME"]) / "data")
    keychain = Keychain(account)
    if keychain.get_or_create().status is not KeychainStatus.CREATED:
        raise SystemExit("could not store a key in gnome-keyring")
    asked = []
    for _ in range(runs):
        start = time.perf_counter()
        answer = keychain.get()
        asked.append(time.perf_counter() - start)
        assert answer.status is KeychainStatus.FOUND
    alone = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            helper_command("get"), input=f"{account}\n", capture_output=True, check=True, text=True
        )
        alone.append(time.perf_counter() - start)
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
    print(f"key helper get, from the tray (median of {runs}): {_ms(asked)}")
    print(f"key helper get, the helper alone (median of {runs}): {_ms(alone)}")
    print(f"asking process: heavy modules loaded: {', '.join(heavy) or 'none'}")
    del app
    return 1 if heavy else 0


def _ms(samples: list[float]) -> str:
    spread = f" (min {min(samples) * 1000:.0f}, max {max(samples) * 1000:.0f})"
    return f"{statistics.median(samples) * 1000:.0f} ms" + (spread if len(samples) > 1 else "")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

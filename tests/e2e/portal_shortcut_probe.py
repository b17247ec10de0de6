"""Run inside a private session bus with a GlobalShortcuts portal: start Companion's portal
shortcut, ask the stand-in backend to press it, and print what happened, one word a line.

    portal_shortcut_probe.py PRESSES [--backend]

Prints "bound TRIGGER" or "failed SENTENCE", then "pressed TOKEN" for each press it heard (the
activation token Qt would find then; the first press comes without one, the next with one) and "note
NOTE" (what Settings would say), then "sessions N": the backend's open sessions after
``stop()`` (the frontend closes the backend's session when the app closes its own).
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QCoreApplication, QTimer

from companion.system.activation import (
    ACTIVATION_TOKEN_VARIABLE,
    PROCESS_ENVIRONMENT,
    forget_launch_tokens,
)
from companion.system.portal_shortcut import SHORTCUT_ID, PortalShortcut
from tests.e2e.shortcuts_portal import BACKEND_NAME, press_command


def backend(method: str, *args: str) -> str:
    """Call the stand-in backend's test interface (tests/e2e/fake_shortcuts_backend.py)."""
    command = [
        "gdbus", "call", "--session", "--dest", BACKEND_NAME, "--object-path",
        "/org/freedesktop/portal/desktop", "--method", f"org.companion.Test.{method}", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def main() -> int:
    presses = int(sys.argv[1])
    app = QCoreApplication([])
    shortcut = PortalShortcut()
    heard: list[str] = []
    shortcut.pressed.connect(
        lambda: heard.append(f"pressed {PROCESS_ENVIRONMENT.get(ACTIVATION_TOKEN_VARIABLE)}")
    )
    failures: list[str] = []
    shortcut.failed.connect(failures.append)
    problem = shortcut.start()
    if problem:
        print("failed", problem)
        return 0

    def press_until_heard() -> None:
        if failures:
            print("failed", failures[0])
            app.quit()
            return
        # Retry the action: the press may come before the bind has answered.
        if shortcut.trigger is None:
            return
        if len(heard) >= presses:
            print("bound", shortcut.trigger)
            for word in heard:
                print(word)
            print("note", shortcut.note)
            shortcut.stop()
            app.quit()
            return
        # The first press without an activation token, the next with one.
        token = f"token-{len(heard)}" if heard else ""
        subprocess.run(press_command(SHORTCUT_ID, token), check=True, capture_output=True)
        forget_launch_tokens()

    timer = QTimer(interval=200, timeout=press_until_heard)
    timer.start()
    app.exec()
    print("sessions", backend("Sessions") if "--backend" in sys.argv else "-")
    return 0


if __name__ == "__main__":
    sys.exit(main())

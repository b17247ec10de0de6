"""Run in a session with tests/e2e/fake_portal.py: prints the look Companion takes from the
portal, asks the portal to switch high contrast on, and prints the look again."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication

from companion.system.desktop_look import DesktopPortalLook, PortalLook
from companion.ui.look.theme import current_look, keeper

PATIENCE_MS = 10_000


def main() -> int:
    app = QApplication(sys.argv[:1])
    keeper()
    seen: list[str] = []
    portal = app.findChild(DesktopPortalLook)
    assert portal is not None, "no portal reader on Linux"

    def on_change(_look: PortalLook) -> None:
        appearance = current_look().appearance.value
        if not seen or seen[-1] != appearance:
            seen.append(appearance)
            print(appearance, flush=True)
        if len(seen) == 1:
            change = QDBusMessage.createMethodCall(
                "org.freedesktop.portal.Desktop",
                "/org/freedesktop/portal/desktop",
                "org.companion.Test",
                "Change",
            )
            change.setArguments(["contrast", 1])
            QDBusConnection.sessionBus().call(change)
        elif appearance == "high_contrast":
            app.quit()

    portal.changed.connect(on_change)
    QTimer.singleShot(PATIENCE_MS, app.quit)  # a bound on the wait, not a pause
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())

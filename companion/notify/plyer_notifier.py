"""Desktop notifications through plyer: D-Bus on Linux (with dbus-python), native elsewhere.

On Linux plyer picks dbus-python when it can import it and otherwise shells out to
notify-send, passing ``-u normal -t 0`` and no icon whatever it was asked (plyer 2.1.0's
facade never forwards urgency or expiry to that path). A reminder that never expires and
claims normal urgency is the opposite of gentle, so this adapter only uses plyer's D-Bus path
on Linux and reports itself unavailable without dbus-python; ``NotifySendNotifier`` then
calls notify-send itself with the right flags.

plyer has no buttons and never reports a click, on any platform, so this adapter declines a
notice that offers actions (a nudge's "Start a break", a callback's Done/Snooze): the chain
hands it to one that can. On Linux that is notify-send with ``--action``. On Windows and
macOS it is the Qt tray balloon, which has no buttons but reports a click, so clicking opens
the right window (the break, the reflection, the callbacks); without a tray icon it is
Companion's own pop-up, which has the buttons. Plain notices (the test notification) still
go through plyer there, as native notifications.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from pathlib import Path
from typing import Any

from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice

log = logging.getLogger(__name__)

APP_NAME = "Companion"
DESKTOP_ENTRY = "companion"
#: plyer's backend package per platform; a frozen build must carry it (kivy/plyer#485, #613).
PLYER_BACKENDS = {"linux": "linux", "win32": "win", "darwin": "macosx"}


def plyer_backend(platform: str = sys.platform) -> str | None:
    """The module plyer loads by name for notifications here, or None for an unknown OS."""
    backend = PLYER_BACKENDS.get("linux" if platform.startswith("linux") else platform)
    return None if backend is None else f"plyer.platforms.{backend}.notification"


class PlyerNotifier:
    def __init__(self, icon: Path, platform: str = sys.platform) -> None:
        self._icon = icon
        self._platform = platform
        self._linux = platform.startswith("linux")

    @property
    def name(self) -> str:
        return "D-Bus notifications (plyer)" if self._linux else "system notifications (plyer)"

    def unavailable(self) -> str | None:
        """Why this notifier would not show a notice here, found without showing one."""
        if self._linux and importlib.util.find_spec("dbus") is None:
            return "dbus-python is not installed"
        backend = plyer_backend(self._platform)
        if backend is None:
            return f"plyer knows no notifications for {self._platform}"
        try:
            importlib.import_module(backend)
        except ImportError as error:
            return f"plyer's backend {backend} is missing ({error})"
        return None

    def notify(self, notice: Notice) -> Delivery:
        if notice.actions:
            return Delivery(self.name, False, "plyer can't offer buttons", declined=True)
        if self._linux and importlib.util.find_spec("dbus") is None:
            return Delivery(self.name, False, "dbus-python is not installed")
        try:
            from plyer import notification

            notification.notify(
                title=notice.title,
                message=notice.body,
                app_name=APP_NAME,
                app_icon=str(self._icon),
                timeout=EXPIRY_SECONDS,
                hints=self._hints(notice),
            )
        # WORKAROUND: plyer's backends raise whatever their platform raises (DBusException,
        # OSError, pywintypes.error, NotImplementedError; kivy/plyer#645, #658). This is the
        # boundary with that library: any failure means "try the next notifier", and the
        # chain logs it once, by its kind only: a backend's text may quote the notice.
        except Exception as error:
            return Delivery(self.name, False, type(error).__name__)
        return Delivery(self.name, True)

    def _hints(self, notice: Notice) -> dict[str, Any]:
        if not self._linux:
            return {}
        import dbus  # only reached when find_spec found it

        hints: dict[str, Any] = {
            "urgency": dbus.Byte(0),  # low; the spec wants a byte, dunst ignores an int32
            "desktop-entry": DESKTOP_ENTRY,
            "category": f"x-companion.{notice.topic}",
        }
        if not notice.sound:
            hints["suppress-sound"] = True
        return hints

"""Desktop notifications through plyer: D-Bus on Linux (with dbus-python), native elsewhere.

On Linux plyer picks dbus-python when it can import it and otherwise shells out to
notify-send, passing ``-u normal -t 0`` and no icon whatever it was asked (plyer 2.1.0's
facade never forwards urgency or expiry to that path). A reminder that never expires and
claims normal urgency is the opposite of gentle, so this adapter only uses plyer's D-Bus path
on Linux and reports itself unavailable without dbus-python; ``NotifySendNotifier`` then
calls notify-send itself with the right flags.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path
from typing import Any

from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice

log = logging.getLogger(__name__)

APP_NAME = "Companion"
DESKTOP_ENTRY = "companion"


class PlyerNotifier:
    def __init__(self, icon: Path, platform: str = sys.platform) -> None:
        self._icon = icon
        self._linux = platform.startswith("linux")

    @property
    def name(self) -> str:
        return "D-Bus notifications (plyer)" if self._linux else "system notifications (plyer)"

    def notify(self, notice: Notice) -> Delivery:
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

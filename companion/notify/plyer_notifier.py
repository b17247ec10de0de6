"""Desktop notifications through plyer: on Linux only, and only with dbus-python.

plyer is the declared fallback where it can work: a source install on Linux with dbus-python,
should Qt's own D-Bus be unable to send (``companion.notify.dbus_notifier``). Elsewhere it is
not used: the frozen Linux build has no dbus-python (plyer would shell out to notify-send with
``-u normal -t 0`` and no icon, whatever it was asked), on Windows its notices add a second
tray icon, and on macOS it needs pyobjus, which the build lacks; the app's own tray icon
shows notices natively there.

plyer has no buttons and never reports a click, so this adapter declines a notice that offers
actions (a nudge's "Start a break", a callback's Done/Snooze): the chain hands it to one that
can (the tray balloon, which opens the right window on a click, or Companion's own pop-up).
It can't ask the server who it is either, so it sends urgency and hints as for a server that
shows low-urgency notices as banners (see ``companion.notify.presentation``).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from pathlib import Path
from typing import Any

from companion.core.i18n import N_, _
from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice
from companion.notify.presentation import APP_NAME, ServerInfo, present

log = logging.getLogger(__name__)

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
        return (
            _("D-Bus notifications (plyer)") if self._linux else _("system notifications (plyer)")
        )

    def unavailable(self) -> str | None:
        """Why this notifier would not show a notice here, found without showing one."""
        if self._linux and importlib.util.find_spec("dbus") is None:
            return N_("dbus-python is not installed")
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
            return Delivery(self.name, False, N_("dbus-python is not installed"))
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

        shown = present(notice, ServerInfo("unknown"))
        assert shown is not None  # a notice without buttons always has a presentation
        # The specification wants a byte: dunst ignores an int32 urgency.
        return {"urgency": dbus.Byte(int(shown.urgency)), **shown.hints}

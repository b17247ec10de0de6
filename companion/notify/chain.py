"""Tries notifiers in order until one shows the notice; each failure is logged once."""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from companion.core.i18n import _
from companion.core.notices import Delivery, Notice
from companion.core.ports import Notifier
from companion.notify.plyer_notifier import PlyerNotifier

log = logging.getLogger(__name__)


class FallbackNotifier:
    """Tries ``notifiers`` in order until one shows the notice. The app's chain (the
    desktop's notifiers, then Companion's own: the tray balloon, else a toast) is put together
    in companion.ui.reminders.notifiers.

    A notifier may decline a notice that is not its kind (plyer one with buttons): the next
    one takes it and nothing is logged. A notifier that failed is still tried next time (a
    daemon can come back), but its failure is logged only the first time, so a desktop
    without notifications doesn't fill the log.
    """

    name = "fallback chain"

    def __init__(self, notifiers: Sequence[Notifier]) -> None:
        self._notifiers = list(notifiers)
        self._logged: set[str] = set()

    def notify(self, notice: Notice) -> Delivery:
        last = Delivery(self.name, False, "no notifier is set up")
        for notifier in self._notifiers:
            last = notifier.notify(notice)
            if last.ok:
                return last
            if not last.declined and notifier.name not in self._logged:
                self._logged.add(notifier.name)
                log.warning("%s could not show a notification: %s", notifier.name, last.detail)
        return last


class SystemNotifier(Notifier, Protocol):
    def unavailable(self) -> str | None:
        """Why it would not show a notice here (None: it would try), without showing one."""


def system_notifiers(
    icon: Path, *, desktop: SystemNotifier | None = None, platform: str = sys.platform
) -> list[SystemNotifier]:
    """The desktop's own notifiers, in the order the app tries them (before Companion's own).

    Linux: the notification server through QtDBus (``desktop``, the app's DBusNotifier;
    ``--self-test`` passes nothing and gets a check in its place), then plyer where it can
    work, with dbus-python (a source install; never the frozen build): it only helps when
    QtDBus can't send at all. Windows and macOS: none. There the app's own tray icon shows
    notices natively (Windows' notification area; macOS's notification centre, as the app
    bundle); plyer would add a second tray icon on Windows and needs pyobjus on macOS.
    """
    if not platform.startswith("linux"):
        return []
    from companion.notify.dbus_notifier import DBusCheck  # QtDBus: loaded on Linux only

    chain: list[SystemNotifier] = [desktop or DBusCheck()]
    if importlib.util.find_spec("dbus") is not None:
        chain.append(PlyerNotifier(icon, platform))
    return chain


NO_SERVICE_NOTE = _(
    "(Your desktop has no notification service, so Companion shows its reminders itself, "
    "like this.)"
)


class InAppFallback:
    """Companion's own ways of showing a notice (the tray balloon, a pop-up), for when the
    desktop's notifications failed. The first notice shown this way says why, once: until
    then only the log knew. ``note`` is shared by every chain that falls back to these."""

    # Translators: where a test notice went, in Settings: "Sent through Companion's own notices."
    name = _("Companion's own notices")

    def __init__(self, notifiers: Sequence[Notifier], note: OnceNote) -> None:
        self._chain = FallbackNotifier(notifiers)
        self._note = note

    def notify(self, notice: Notice) -> Delivery:
        return self._chain.notify(self._note.add_to(notice))


class OnceNote:
    """A line added to one notice only; ``given`` says whether it has been."""

    def __init__(self, text: str = NO_SERVICE_NOTE) -> None:
        self.text = text
        self.given = False

    def add_to(self, notice: Notice) -> Notice:
        if self.given:
            return notice
        self.given = True
        log.info("telling the agent once that the desktop shows no notifications")
        return replace(notice, body=f"{notice.body}\n\n{self.text}")

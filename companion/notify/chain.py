"""Tries notifiers in order until one shows the notice; each failure is logged once."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from companion.core.notices import Delivery, Notice
from companion.core.ports import Notifier

log = logging.getLogger(__name__)


class FallbackNotifier:
    """plyer, then notify-send, then the tray balloon, then an in-app toast (as app.py builds it).

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

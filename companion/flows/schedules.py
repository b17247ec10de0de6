"""Two single-shot waits the running app owns: the next local midnight, and a late tray.

Idle means no timer ticking: each waits for one moment and is armed again only if needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from companion.core.calls import next_local_midnight
from companion.core.ports import Clock

#: The waits before each look again for a system tray that was not there at start-up: at 5,
#: 20, 65 and 185 s after it, then no more.
TRAY_RECHECK_WAITS_S: tuple[int, ...] = (5, 15, 45, 120)
#: Past midnight by this much, so a timer that fires a hair early still lands on the new day.
MIDNIGHT_MARGIN_MS = 1000


class MidnightTimer(QObject):
    """Emits ``new_day`` just after each local midnight (the tray's today-count goes stale).

    One single shot, armed again after it fires; if the clock says it fired before midnight
    (a clock or time-zone change), it simply waits for the midnight still to come.
    """

    new_day = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setObjectName("midnightTimer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._day = clock.now().date()

    def arm(self) -> None:
        now = self._clock.now()
        wait = next_local_midnight(now) - now
        self._timer.start(int(wait.total_seconds() * 1000) + MIDNIGHT_MARGIN_MS)

    def _on_timeout(self) -> None:
        today = self._clock.now().date()
        if today != self._day:
            self._day = today
            self.new_day.emit()
        self.arm()


class TrayWatcher(QObject):
    """Looks again for a system tray after each of ``waits`` in turn, then gives up.

    For an app started before the panel (autostart at login): ``appeared`` is emitted once,
    the first time ``is_available`` says yes.
    """

    appeared = Signal()

    def __init__(
        self,
        is_available: Callable[[], bool],
        waits: Sequence[int] = TRAY_RECHECK_WAITS_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._is_available = is_available
        self._waits = list(waits)
        self._timer = QTimer(self)
        self._timer.setObjectName("trayRecheck")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def waiting(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._next()

    def _next(self) -> None:
        if self._waits:
            self._timer.start(self._waits.pop(0) * 1000)

    def _on_timeout(self) -> None:
        if self._is_available():
            self._waits.clear()
            self.appeared.emit()
        else:
            self._next()

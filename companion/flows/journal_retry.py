"""While Companion runs on a temporary journal, it tries the journal file again now and then.

No polling in the normal state: this runs only while the journal file could not be opened,
as one single-shot timer whose wait doubles after each failed try (a file locked all day is
tried a few dozen times, not every second), and it stops for good once the file opens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FIRST_WAIT_MS = 30_000
LONGEST_WAIT_MS = 15 * 60_000


class JournalRetry(QObject):
    """Calls ``attempt`` after a wait; False from it means "not yet", and the wait doubles."""

    def __init__(
        self,
        attempt: Callable[[], bool],
        first_wait_ms: int = FIRST_WAIT_MS,
        longest_wait_ms: int = LONGEST_WAIT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self._wait_ms = first_wait_ms
        self._longest_ms = longest_wait_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        #: Each wait so far, in order: the backoff, observable.
        self.waits_ms: list[int] = []

    @property
    def waiting(self) -> bool:
        return self._timer.isActive()

    @property
    def tries(self) -> int:
        return len(self.waits_ms) - self.waiting

    def start(self) -> None:
        self._wait(self._wait_ms)

    def stop(self) -> None:
        self._timer.stop()

    def _on_timeout(self) -> None:
        if self._attempt():
            return
        self._wait(min(self._wait_ms * 2, self._longest_ms))

    def _wait(self, wait_ms: int) -> None:
        self._wait_ms = wait_ms
        self.waits_ms.append(wait_ms)
        self._timer.start(wait_ms)

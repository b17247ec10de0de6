"""The optional app lock: the journal and the call details close after a stretch without input
or when the screen locks, and open again with the passphrase. Tagging a call and breathing are
never locked, and a draft being typed is saved before its window closes (``close_private``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from companion.app_messages import WRONG_PASSPHRASE
from companion.core.app_lock import lock_is_due, seconds_until_check
from companion.flows.asking import ask_until_accepted

IdleSeconds = Callable[[], float | None]


class AppLock(QObject):
    """``open(action)`` runs ``action`` at once, or after the passphrase when locked."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        idle_seconds: IdleSeconds,
        ask: Callable[[str | None], str | None],
        verify: Callable[[str], bool],
        close_private: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._idle_seconds = idle_seconds
        self._ask = ask
        self._verify = verify
        self._close_private = close_private
        self._limit_s: float | None = None
        self._locked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        #: How often the idle time was read: one look per stretch, observable by tests.
        self.checks = 0

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def on(self) -> bool:
        """Whether the lock is turned on (locked now or not)."""
        return self._limit_s is not None

    def configure(self, limit_s: float | None) -> None:
        """Lock after ``limit_s`` seconds without input; None turns the lock off."""
        self._limit_s = limit_s
        if limit_s is None:
            self._timer.stop()
            self._set_locked(False)
            return
        if not self._locked:
            self._timer.start(int(limit_s * 1000))

    def screen_locked(self) -> None:
        """The desktop locked its screen: lock too, when the lock is on."""
        if self._limit_s is not None:
            self.lock()

    def lock(self) -> None:
        if self._locked:
            return
        self._timer.stop()
        self._close_private()
        self._set_locked(True)

    def open(self, action: Callable[[], object]) -> bool:
        """Run ``action`` (open the journal, the calls) unless the agent leaves it locked."""
        if self._locked and not self._unlock():
            return False
        action()
        return True

    def _unlock(self) -> bool:
        opened = ask_until_accepted(
            self._ask, lambda typed: None if self._verify(typed) else WRONG_PASSPHRASE
        )
        if opened is None:
            return False
        self._set_locked(False)
        if self._limit_s is not None:
            self._timer.start(int(self._limit_s * 1000))
        return True

    def _check(self) -> None:
        if self._limit_s is None or self._locked:
            return
        self.checks += 1
        try:
            idle = self._idle_seconds()
        except OSError:  # the platform call failed: treat as unknown
            idle = None
        if lock_is_due(self._limit_s, idle):
            self.lock()
            return
        self._timer.start(int(seconds_until_check(self._limit_s, idle) * 1000))

    def _set_locked(self, locked: bool) -> None:
        if locked != self._locked:
            self._locked = locked
            self.locked_changed.emit(locked)

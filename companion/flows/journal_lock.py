"""The app lock as the agent set it in Settings (issue #9): which passphrase opens it, when it
is on, and what happens when it is turned on without a passphrase to open it.

A journal opened by a passphrase is unlocked by that same passphrase. A journal whose key needs
no typing (keyring, key file) gets a lock passphrase of its own, chosen when the lock is turned
on; only its verifier is kept, inside the journal. The lock keeps Companion's windows closed
for someone at an unlocked desk; it adds no encryption, and Settings says so.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject

from companion.app_messages import LOCK_NEEDS_JOURNAL, LOCK_STAYS_OFF
from companion.core.app_lock import limit_seconds
from companion.core.journal_key import JournalKey, passphrase_problem
from companion.core.ports import StorageUnavailable
from companion.flows.app_lock import AppLock, IdleSeconds
from companion.flows.asking import ask_until_accepted

log = logging.getLogger(__name__)


class LockVerifierStore(Protocol):
    """Where the lock passphrase's verifier is kept (companion.store.app_lock_repo)."""

    def get(self) -> str | None: ...
    def set(self, verifier: str) -> None: ...
    def clear(self) -> None: ...


class NewLockPassphrase(Protocol):
    def __call__(self, problem: str | None) -> str | None:
        """Asks for a new lock passphrase, typed twice; None when the agent closes it."""
        ...


class JournalLock(QObject):
    """Owns the ``lock`` (companion.flows.app_lock) and sets it from ``lock_after_minutes``."""

    def __init__(
        self,
        verifiers: LockVerifierStore,
        journal_key: Callable[[], JournalKey | None],
        *,
        ask_unlock: Callable[[str | None], str | None],
        ask_new: NewLockPassphrase,
        idle_seconds: IdleSeconds,
        close_private: Callable[[], None],
        journal_open: Callable[[], bool],
        watch_screen: Callable[[Callable[[], None]], object],
        save_off: Callable[[], None],
        tell: Callable[[str], None],
        random_bytes: Callable[[int], bytes] = os.urandom,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.lock = AppLock(idle_seconds, ask_unlock, self.verify, close_private, parent=self)
        self._verifiers = verifiers
        self._journal_key = journal_key
        self._ask_new = ask_new
        self._journal_open = journal_open
        self._watch_screen = watch_screen
        self._random_bytes = random_bytes
        self._save_off = save_off
        self._tell = tell
        self._screen_watcher: object | None = None
        self._minutes: int | None = None

    def uses_journal_passphrase(self) -> bool:
        """Whether the journal's own passphrase opens the lock (else the lock's own does)."""
        key = self._journal_key()
        return key is not None and key.derived

    def verify(self, typed: str) -> bool:
        """``AppLock``'s check: the journal's passphrase, else the lock's own."""
        key = self._journal_key()
        if key is not None and key.derived:
            from companion.core.lock_passphrase import same_passphrase  # hashlib: when asked

            return same_passphrase(typed, key.secret)
        try:
            verifier = self._verifiers.get()
        except StorageUnavailable as error:
            log.warning("the lock's verifier can't be read: %s", error)
            return False
        from companion.core.lock_passphrase import verifier_matches

        return verifier is not None and verifier_matches(typed, verifier)

    def apply(self, minutes: int | None) -> None:
        """Settings were saved: turn the lock on or off as set. Turned on without a passphrase
        to open it, it asks for one; without one, the setting goes back to off."""
        if minutes == self._minutes and (minutes is None or self.lock.on):
            return  # another setting changed
        self._minutes = minutes
        if minutes is None:
            self.lock.configure(None)
            self._forget_passphrase()
            return
        if not self._has_passphrase():
            if not self._journal_open():
                self._tell(LOCK_NEEDS_JOURNAL)
                return  # applied when the journal opens (``journal_opened``)
            if not self._choose_passphrase():
                self._minutes = None
                self._save_off()
                self._tell(LOCK_STAYS_OFF)
                return
        self._turn_on(minutes)

    def start(self, minutes: int | None) -> None:
        """At start-up a lock that is on starts locked, unless the journal's passphrase was
        just typed (that was the unlock). Nothing is asked at start: a lock with no passphrase
        to open it waits for the journal file (``journal_opened``)."""
        self._minutes = minutes
        if minutes is not None and self._has_passphrase():
            self._turn_on(minutes)
            if not self.uses_journal_passphrase():
                self.lock.lock()

    def journal_opened(self) -> None:
        """The journal file opened after start-up: the lock's verifier is readable now."""
        if self._minutes is not None and not self.lock.on:
            self.start(self._minutes)

    def _turn_on(self, minutes: int) -> None:
        self.lock.configure(limit_seconds(minutes))
        if self._screen_watcher is None:
            self._screen_watcher = self._watch_screen(self.lock.screen_locked)

    def has_own_passphrase(self) -> bool:
        """Whether a lock passphrase of its own is kept (for what Settings says)."""
        return not self.uses_journal_passphrase() and self._has_passphrase()

    def _has_passphrase(self) -> bool:
        if self.uses_journal_passphrase():
            return True
        try:
            return self._verifiers.get() is not None
        except StorageUnavailable:
            return False

    def _forget_passphrase(self) -> None:
        """Turned off, the lock's own passphrase goes: turned on again, it asks for a new one
        (the way back from a forgotten one)."""
        if not self._journal_open():
            return
        try:
            if self._verifiers.get() is not None:
                self._verifiers.clear()
        except StorageUnavailable as error:
            log.warning("the lock's verifier can't be removed: %s", error)

    def _choose_passphrase(self) -> bool:
        # The same rules as a journal passphrase (long enough, not only spaces).
        chosen = ask_until_accepted(self._ask_new, passphrase_problem)
        if chosen is None:
            return False
        try:
            from companion.core.lock_passphrase import SALT_BYTES, make_verifier

            self._verifiers.set(make_verifier(chosen, self._random_bytes(SALT_BYTES)))
        except StorageUnavailable as error:
            log.warning("the lock's verifier can't be kept: %s", error)
            return False
        return True

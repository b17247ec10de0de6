"""Composition-root wiring for the journal's privacy (issue #9): finding the key at start-up,
and the optional app lock. Wiring only: what happens lives in companion.flows.journal_unlock
and companion.flows.journal_lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject

from companion.core.journal_key import Protection, Unlocked
from companion.flows.journal_lock import JournalLock
from companion.flows.journal_unlock import JournalUnlock
from companion.flows.journaling import JournalFlow
from companion.flows.settings_holder import SettingsHolder
from companion.store.opening import journal_is_encrypted, key_opens
from companion.store.storage import Storage
from companion.system.idle import IdleTime
from companion.system.key_file import key_file_path
from companion.system.key_sources import KeychainKeys, KeyFileKeys
from companion.ui.privacy.unlock_dialogs import (
    LOCK_JOURNAL,
    LOCK_NEW,
    LOCK_OWN,
    UnlockDialogs,
    ask_passphrase,
)


def unlock_journal(settings: SettingsHolder, data_dir: Path) -> Unlocked:
    """The key that opens the journal: the keychain without a question, else as the agent
    chose (asked once), a passphrase asked at each start (companion.flows.journal_unlock)."""

    def remember(protection: Protection) -> None:
        settings.save(replace(settings.settings, journal_protection=protection))

    return JournalUnlock(
        settings.policy.journal_encryption,
        settings.settings.journal_protection,
        keychain=KeychainKeys(data_dir),
        key_file=KeyFileKeys(key_file_path()),
        prompts=UnlockDialogs(),
        encrypted_journal_exists=lambda: journal_is_encrypted(data_dir),
        verify=lambda key: key_opens(data_dir, key),
        remember=remember,
    ).unlock()


def journal_lock(
    storage: Storage,
    journal: JournalFlow,
    settings: SettingsHolder,
    tell: Callable[[str], None],
    parent: QObject,
) -> JournalLock:
    """The app lock over ``journal``'s windows, set from the agent's settings (the app puts
    its ``lock.open`` in the journal's way)."""

    def ask_unlock(problem: str | None) -> str | None:
        words = LOCK_JOURNAL if keeper.uses_journal_passphrase() else LOCK_OWN
        return ask_passphrase(words, False, problem)

    def close_private() -> None:
        journal.flush_drafts()
        journal.close_windows()

    def save_off() -> None:
        settings.save(replace(settings.settings, lock_after_minutes=None))

    keeper = JournalLock(
        storage.lock_verifier,
        lambda: storage.key,
        ask_unlock=ask_unlock,
        ask_new=lambda problem: ask_passphrase(LOCK_NEW, True, problem),
        idle_seconds=IdleTime().seconds,
        close_private=close_private,
        journal_open=lambda: not storage.temporary,
        watch_screen=_watch_screen,
        save_off=save_off,
        tell=tell,
        parent=parent,
    )
    return keeper


def _watch_screen(on_lock: Callable[[], None]) -> object:
    """Listens for the desktop's screen lock, from the first time the lock is turned on."""
    from companion.system.screen_lock import ScreenLockWatcher

    watcher = ScreenLockWatcher()
    watcher.locked.connect(on_lock)
    return watcher

"""The journal's key sources in the flow's words (``core.journal_key.KeySource``): the OS
credential store through ``Keychain`` (its child process), and the key file.

Waiting for the credential store runs a local event loop, so the tray icon keeps drawing while
a keyring's unlock prompt is up (up to ``keychain.UNLOCK_TIMEOUT_MS``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop

from companion.core.i18n import N_, _
from companion.core.journal_key import KeyLookup
from companion.system.key_file import (
    KeyFileError,
    KeyFileProblem,
    read_key_file,
    read_or_create_key_file,
)
from companion.system.key_helper import KeychainStatus
from companion.system.keychain import Keychain, KeychainAnswer, account_for

log = logging.getLogger(__name__)

KEYCHAIN_KEY_MISSING = N_(
    "Companion's key is no longer in your keyring, so your journal can't be opened. "
    "The journal is kept as it is."
)
KEYCHAIN_LOCKED = N_("Your keyring is locked, so Companion can't open your journal yet.")
KEYCHAIN_FAILED = N_("Companion couldn't reach your keyring, so it can't open your journal yet.")


class KeychainKeys:
    """The key in the OS credential store, under this data folder's name."""

    def __init__(self, data_dir: Path) -> None:
        self._account = account_for(data_dir)

    def get_or_create(self, *, create: bool) -> KeyLookup:
        keychain = Keychain(self._account)
        answers: list[KeychainAnswer] = []
        loop = QEventLoop()
        keychain.finished.connect(answers.append)
        keychain.finished.connect(loop.quit)
        keychain.start("create" if create else "get")
        if not answers:
            loop.exec()
        if not answers:
            # The wait ended without an answer: Companion is quitting (QCoreApplication.exit
            # ends every event loop). The helper goes too; nothing is opened.
            keychain.cancel()
            return KeyLookup(problem=_(KEYCHAIN_FAILED))
        keychain.deleteLater()
        return lookup_from(answers[0])


def lookup_from(answer: KeychainAnswer) -> KeyLookup:
    if answer.key is not None:
        return KeyLookup(answer.key)
    log.info("no journal key from the credential store: %s %s", answer.status.name, answer.detail)
    if answer.status is KeychainStatus.NO_STORE:
        return KeyLookup(no_store=True)
    if answer.status is KeychainStatus.ABSENT:
        return KeyLookup(problem=_(KEYCHAIN_KEY_MISSING), lost=True)
    if answer.status is KeychainStatus.LOCKED:
        return KeyLookup(problem=_(KEYCHAIN_LOCKED))
    return KeyLookup(problem=_(KEYCHAIN_FAILED))


class KeyFileKeys:
    """The key in a file only this account can read, kept apart from the data folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def get_or_create(self, *, create: bool) -> KeyLookup:
        try:
            found = read_or_create_key_file(self.path) if create else read_key_file(self.path)
        except KeyFileError as error:
            log.info("no journal key from the key file: %s", error.problem.value)
            if error.problem is KeyFileProblem.MISSING:
                return KeyLookup(problem=f"{error}. The journal is kept as it is.", lost=True)
            return KeyLookup(problem=f"{error}.")
        except OSError as error:
            return KeyLookup(
                problem=_("Companion can't use its key file {path}: {reason}.").format(
                    path=self.path, reason=error.strerror
                )
            )
        if found.narrowed:
            log.info("the key file could be read by others; it is now this account's only")
        return KeyLookup(found.key)

"""Opens the journal with what the start-up's unlock found (``core.journal_key.Unlocked``).

- A key: the journal opens encrypted (a plain one is encrypted first, see ``encrypting``).
- No encryption (the agent's choice or IT's rule): it opens plain, as it always did.
- No key this time (a locked keyring, a passphrase not given): an encrypted journal waits and a
  temporary one stands in, so breaks work and nothing written is lost. A journal that is not
  encrypted yet opens plain for this session (it is encrypted at the next start with a key),
  unless IT requires encryption: then it waits too.
- A key that does not open the file: the file is left as it is and a temporary journal stands in.
"""

from __future__ import annotations

import logging
from pathlib import Path

from companion.core.i18n import _
from companion.core.journal_key import Encryption, JournalKey, Protection, Unlocked
from companion.store import driver
from companion.store.database import DATABASE_FILENAME
from companion.store.locked import JournalLocked
from companion.store.storage import Storage, open_storage, temporary_storage

log = logging.getLogger(__name__)

NOT_ENCRYPTED_YET = _(
    "{why} Your journal opens as it is for now, not encrypted yet; Companion encrypts it at a "
    "start when it has its key."
)


def journal_is_encrypted(data_dir: Path) -> bool:
    """Whether the journal file there is an encrypted one (False: plain, or none yet)."""
    path = data_dir / DATABASE_FILENAME
    try:
        return driver.looks_encrypted(path)
    except OSError:  # none yet, or unreadable: nothing encrypted to wait for
        return False


def key_opens(data_dir: Path, key: JournalKey) -> bool:
    """Whether ``key`` opens the journal there (for a passphrase typed at start-up), reading
    its first page only, the file opened immutable: nothing is written or locked."""
    path = data_dir / DATABASE_FILENAME
    try:
        conn = driver.connect(path.absolute().as_uri() + "?immutable=1", key, uri=True)
    except driver.errors():
        return True  # not a question of the key: opening it for real will say what it is
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.errors() as error:
        return getattr(error, "sqlite_errorcode", 0) & 0xFF != driver.SQLITE_NOTADB
    finally:
        conn.close()
    return True


def open_unlocked(data_dir: Path, unlocked: Unlocked, rule: Encryption) -> Storage:
    """The journal, as the unlock decided; never raises for a key that does not fit."""
    if must_wait(data_dir, unlocked, rule):
        log.info("journal waits for its key; a temporary journal stands in")
        return temporary_storage(data_dir, None, unlocked.waiting or "")
    try:
        storage = open_storage(data_dir, key=unlocked.key)
    except JournalLocked as error:
        log.warning("the journal file is kept as it is: %s", error.kind)
        return temporary_storage(data_dir, unlocked.key, str(error))
    note = plain_for_now(unlocked)
    if note is not None:
        storage.warnings = (*storage.warnings, note)
    return storage


def must_wait(data_dir: Path, unlocked: Unlocked, rule: Encryption) -> bool:
    """No key this time, for a journal that is encrypted (or must be): it waits."""
    no_key = unlocked.key is None and unlocked.protection is not Protection.NONE
    return no_key and (journal_is_encrypted(data_dir) or rule is Encryption.REQUIRED)


def plain_for_now(unlocked: Unlocked) -> str | None:
    """What the agent is told when a journal that is not encrypted yet opens without a key."""
    if unlocked.key is None and unlocked.protection is not Protection.NONE:
        return NOT_ENCRYPTED_YET.format(why=unlocked.waiting or "").strip()
    return None

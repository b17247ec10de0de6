"""An encrypted journal that can't be opened with the key at hand: kept as it is, never set aside
as damaged, never replaced by an empty one; and the agent's way forward when the key is lost."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from companion.core.i18n import _
from companion.core.journal_key import JournalKey
from companion.core.ports import StorageUnavailable
from companion.store.recovery import set_aside

log = logging.getLogger(__name__)

KEPT = _(
    "It is kept as it is at {path}, and opens again with the right key or passphrase. "
    "If that is lost, Settings → Privacy can start a new journal and keep this one aside; "
    "nothing is deleted."
)
WRONG_PASSPHRASE = _("This passphrase does not open your journal.")
WRONG_KEY = _(
    "The key Companion has does not open your journal: the journal may come from another "
    "computer, or its key was replaced."
)
NO_KEY = _("Your journal is encrypted, and Companion has no key or passphrase for it right now.")
#: The word in a locked journal's set-aside name: journal.locked-20261207-093000.db.
LOCKED_ASIDE = "locked"


class JournalLocked(StorageUnavailable):
    """The journal file is encrypted and the key at hand does not open it. ``kind`` tells the
    cases apart; ``path`` is the file, left byte for byte as it was. Nothing secret inside."""

    kind = "locked"

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class WrongKey(JournalLocked):
    """A key was given and it does not open this file (SQLITE_NOTADB on an encrypted file): a
    mistyped passphrase, another computer's key, or a key that was changed."""

    kind = "wrong-key"

    @classmethod
    def of(cls, path: Path, key: JournalKey) -> WrongKey:
        start = WRONG_PASSPHRASE if key.derived else WRONG_KEY
        return cls(f"{start} {KEPT.format(path=path)}", path)


class KeyNeeded(JournalLocked):
    """The file is encrypted but no key was given (for instance the rule turned to "off")."""

    kind = "key-needed"

    @classmethod
    def of(cls, path: Path) -> KeyNeeded:
        return cls(f"{NO_KEY} {KEPT.format(path=path)}", path)


def set_locked_journal_aside(path: Path, now: datetime, backups: Path | None = None) -> Path:
    """The agent's way forward when the key is lost: rename the locked journal (and its side
    files) to ``journal.locked-<stamp>.db`` beside it, untouched, so that the next open starts
    a new journal. Returns the new name. Its ``backups`` folder (they need the old key too) goes
    aside as ``backups.locked-<stamp>``: the new journal's week of copies would prune them."""
    aside = set_aside(path, LOCKED_ASIDE, now)
    if backups is not None and backups.is_dir():
        stamp = aside.stem.split(".", 1)[1]  # journal.locked-20261207-093000 -> locked-...
        os.replace(backups, backups.with_name(f"{backups.name}.{stamp}"))
    log.warning("locked journal set aside at the agent's request")
    return aside

"""What locks the journal: IT's rule, the agent's choice, and the key itself.

Everything Companion stores about the agent is encrypted with SQLCipher (issue #9). The key is
either a random one kept in the operating system's credential store or in a key file, or the
agent's passphrase run through SQLCipher's own key derivation. Nothing here touches a file, a
credential store or SQL: this is the vocabulary the store, the key sources and the flows share.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from companion.core.i18n import _, ngettext

#: A random key: 32 bytes, written as 64 hex digits (SQLCipher's raw key, no derivation).
RAW_KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 8
MAX_PASSPHRASE_LENGTH = 1024


class Encryption(Enum):
    """IT's rule (policy key ``journal_encryption``)."""

    #: The journal must be encrypted; the agent chooses only how the key is kept.
    REQUIRED = "required"
    #: Encrypted unless the agent turns it off (the default without a policy).
    DEFAULT = "default"
    #: Not encrypted: for desks whose disks IT already encrypts and manages.
    OFF = "off"


class Protection(Enum):
    """Where the key lives, as the agent chose (or ``KEYCHAIN`` without asking)."""

    #: A random key in the OS credential store (Windows Credential Manager, the macOS
    #: Keychain, the Secret Service on Linux): no question on a normal desktop.
    KEYCHAIN = "keychain"
    #: The agent's passphrase, asked at each start.
    PASSPHRASE = "passphrase"
    #: A random key in a file only this account can read, kept apart from the data.
    KEY_FILE = "key_file"
    #: Not encrypted (only where IT's rule allows it).
    NONE = "none"


def allowed_protections(rule: Encryption) -> tuple[Protection, ...]:
    """What the agent may choose under IT's rule, in the order they are offered."""
    if rule is Encryption.OFF:
        return (Protection.NONE,)
    # Where there is no keyring, the key file comes first: nothing to type, nothing to forget
    # (a lost passphrase is a lost journal); the passphrase protects more, for who wants it.
    choices = (Protection.KEYCHAIN, Protection.KEY_FILE, Protection.PASSPHRASE)
    if rule is Encryption.DEFAULT:
        return (*choices, Protection.NONE)
    return choices


class BadKey(ValueError):
    """Text that can't be a key: the message says why, never the text itself."""


@dataclass(frozen=True, repr=False)
class JournalKey:
    """The secret that opens the journal. Never logged: its repr hides it.

    ``derived`` keys are passphrases that SQLCipher stretches (PBKDF2-HMAC-SHA512); the others
    are raw 256-bit keys given to SQLCipher as they are.
    """

    secret: str
    derived: bool

    @classmethod
    def raw(cls, hex_digits: str) -> JournalKey:
        """A random key as 64 hex digits (from a credential store or a key file)."""
        text = hex_digits.strip().lower()
        if len(text) != 2 * RAW_KEY_BYTES or not set(text) <= set(string.hexdigits.lower()):
            raise BadKey(f"a journal key is {2 * RAW_KEY_BYTES} hex digits")
        return cls(text, derived=False)

    @classmethod
    def from_random(cls, random_bytes: bytes) -> JournalKey:
        """A new key from ``RAW_KEY_BYTES`` bytes of the system's randomness (``os.urandom``)."""
        if len(random_bytes) != RAW_KEY_BYTES:
            raise BadKey(f"a journal key is {RAW_KEY_BYTES} random bytes")
        return cls(random_bytes.hex(), derived=False)

    @classmethod
    def passphrase(cls, text: str) -> JournalKey:
        """The agent's passphrase, kept exactly as typed (spaces count)."""
        problem = passphrase_problem(text)
        if problem is not None:
            raise BadKey(problem)
        return cls(text, derived=True)

    def __repr__(self) -> str:
        return f"JournalKey({'passphrase' if self.derived else 'raw'}, secret hidden)"

    __str__ = __repr__


def passphrase_problem(text: str) -> str | None:
    """Why ``text`` can't be a passphrase, in words for the agent; None if it can."""
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return ngettext(
            "A passphrase needs at least {count} character.",
            "A passphrase needs at least {count} characters.",
            MIN_PASSPHRASE_LENGTH,
        ).format(count=MIN_PASSPHRASE_LENGTH)
    if len(text) > MAX_PASSPHRASE_LENGTH:
        return ngettext(
            "A passphrase can have at most {count} character.",
            "A passphrase can have at most {count} characters.",
            MAX_PASSPHRASE_LENGTH,
        ).format(count=MAX_PASSPHRASE_LENGTH)
    if "\x00" in text or not text.strip():
        return _("A passphrase needs some letters, digits or signs.")
    return None


@dataclass(frozen=True)
class KeyLookup:
    """What a key source answered."""

    key: JournalKey | None = None
    #: Nothing answers on this desktop (no credential store): ask the agent how to keep the key.
    no_store: bool = False
    #: Why there is no key this time (a locked store, a refused prompt, a missing key file), in
    #: words for the agent; None with a key.
    problem: str | None = None
    #: The key is gone (not in the store, no key file), not merely out of reach right now.
    lost: bool = False


class KeySource(Protocol):
    def get_or_create(self, *, create: bool) -> KeyLookup:
        """The key, made and kept first when ``create`` and there is none yet."""
        ...


@dataclass(frozen=True)
class Unlocked:
    """The outcome: the key to open the journal with (None: not encrypted, or no key yet)."""

    key: JournalKey | None
    protection: Protection
    #: No key this time although the journal is encrypted: why, for the agent. The journal then
    #: opens as a temporary one and nothing written is lost.
    waiting: str | None = None
    #: The key is gone, or the passphrase was not given: Settings offers a new journal (the old
    #: one kept aside). Not for a keyring that is only locked or not answering.
    lost: bool = False

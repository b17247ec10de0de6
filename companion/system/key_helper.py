"""`companion --key-helper`: the journal key in the OS credential store, in a child process.

``keyring`` loads about 25 MB and 242 modules that never leave a process (issue #9 memo, 1),
so the tray never imports it: ``companion.system.keychain`` starts this helper, which answers
one question and exits. It speaks only through pipes: the account name (and, for ``set``, the
key) arrive on stdin; the answer leaves on stdout as a status word, then the key for
``found``/``created``. The key is never in argv, the environment, stderr or a log. Nothing
here imports Qt, and ``keyring`` is imported only inside the helper's own functions, so the
parent can import this module for its words and exit codes.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import IO, Any

from companion.core.journal_key import RAW_KEY_BYTES, BadKey, JournalKey

KEY_HELPER_FLAG = "--key-helper"
#: The credential store entry: this service, with the data folder as the user name.
SERVICE = "Companion"
ACTIONS = ("get", "create", "set", "delete")
USAGE_EXIT = 2


class KeychainStatus(Enum):
    """What the credential store answered (the last two only the parent can tell)."""

    FOUND = "found"
    #: ``create`` made a new key and the store gave it back.
    CREATED = "created"
    STORED = "stored"
    DELETED = "deleted"
    ABSENT = "absent"
    #: No credential store at all (keyring's fail or null backend, a chain of nothing, or a
    #: plaintext keyring Companion refuses to use).
    NO_STORE = "no-store"
    #: The store is locked, or the agent cancelled its unlock prompt.
    LOCKED = "locked"
    #: Anything else; the helper names only the error's type, never its message.
    FAILED = "failed"
    #: The helper did not answer in time (an unlock prompt nobody answered, a hung service).
    TIMED_OUT = "timed-out"
    #: The helper could not start, crashed, or said something that is not this protocol.
    BROKEN = "broken"

    @property
    def exit_code(self) -> int:
        return _EXIT_CODES.get(self, 13)


_EXIT_CODES = {
    KeychainStatus.FOUND: 0,
    KeychainStatus.CREATED: 0,
    KeychainStatus.STORED: 0,
    KeychainStatus.DELETED: 0,
    KeychainStatus.ABSENT: 10,
    KeychainStatus.NO_STORE: 11,
    KeychainStatus.LOCKED: 12,
    KeychainStatus.FAILED: 13,
}


def run_key_helper(
    args: list[str], stdin: IO[str] | None = None, stdout: IO[str] | None = None
) -> int:
    """Do ``args[0]`` for the account named on stdin's first line; print the answer."""
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if len(args) != 1 or args[0] not in ACTIONS or stdin is None or stdout is None:
        print(f"usage: companion {KEY_HELPER_FLAG} {'|'.join(ACTIONS)}", file=sys.stderr)
        return USAGE_EXIT
    account = stdin.readline().strip()
    if not account:
        print("the account name comes on stdin", file=sys.stderr)
        return USAGE_EXIT
    status, key, detail = _answer(args[0], account, stdin)
    lines = [status.value if detail is None else f"{status.value} {detail}"]
    if key is not None:
        lines.append(key.secret)
    stdout.write("".join(f"{line}\n" for line in lines))
    stdout.flush()
    return status.exit_code


def _answer(
    action: str, account: str, stdin: IO[str]
) -> tuple[KeychainStatus, JournalKey | None, str | None]:
    from keyring.errors import KeyringLocked, NoKeyringError

    try:
        status, key = _act(action, account, stdin)
    except KeyringLocked:
        return KeychainStatus.LOCKED, None, None
    except NoKeyringError:
        return KeychainStatus.NO_STORE, None, None
    except Exception as error:  # a process boundary: its type goes back, never its message
        return KeychainStatus.FAILED, None, type(error).__name__
    return status, key, None


def _act(action: str, account: str, stdin: IO[str]) -> tuple[KeychainStatus, JournalKey | None]:
    import keyring
    from keyring.errors import PasswordDeleteError

    backend = keyring.get_keyring()
    if not usable(backend):
        return KeychainStatus.NO_STORE, None
    if action == "get":
        secret = backend.get_password(SERVICE, account)
        if secret is None:
            return KeychainStatus.ABSENT, None
        return KeychainStatus.FOUND, JournalKey.raw(secret)
    if action == "create":
        return _get_or_create(backend, account)
    if action == "set":
        key = JournalKey.raw(stdin.readline())
        backend.set_password(SERVICE, account, key.secret)
        if backend.get_password(SERVICE, account) != key.secret:
            raise BadKey("the credential store did not keep the key")
        return KeychainStatus.STORED, None
    try:
        backend.delete_password(SERVICE, account)
    except PasswordDeleteError:
        return KeychainStatus.ABSENT, None
    return KeychainStatus.DELETED, None


def _get_or_create(backend: Any, account: str) -> tuple[KeychainStatus, JournalKey]:
    """The stored key if there is one (even one that is not a key: never overwritten), else a
    new one. Re-read after storing: if another launch stored its key in between, both use the
    one the store kept."""
    existing = backend.get_password(SERVICE, account)
    if existing is not None:
        return KeychainStatus.FOUND, JournalKey.raw(existing)
    key = JournalKey.from_random(os.urandom(RAW_KEY_BYTES))
    backend.set_password(SERVICE, account, key.secret)
    kept = backend.get_password(SERVICE, account)
    if kept is None:
        raise BadKey("the credential store did not keep the key")
    return (KeychainStatus.CREATED if kept == key.secret else KeychainStatus.FOUND), JournalKey.raw(
        kept
    )


def usable(backend: Any) -> bool:
    """False for "no credential store": keyring's fail and null backends, a chain with nothing
    in it, and any keyrings.alt backend (a plaintext file posing as a keyring)."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        inner = list(backend.backends)
        return bool(inner) and all(usable(each) for each in inner)
    return not _is_plaintext(type(backend))


def _is_plaintext(kind: type) -> bool:
    module = kind.__module__
    return (
        module == "keyrings.alt"
        or module.startswith("keyrings.alt.")
        or ("plaintext" in kind.__name__.lower())
    )

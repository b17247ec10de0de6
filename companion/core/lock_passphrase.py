"""The app lock's own passphrase, for journals whose key needs no typing (keyring, key file).

Only a verifier is kept (scrypt, from the standard library), inside the encrypted journal, never
in settings: it can say whether a typed passphrase is the one chosen, and nothing else. The lock
keeps Companion's windows closed for someone at an unlocked desk; it is not more encryption.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

#: scrypt's cost: about 30-60 ms on a 2-core office machine, once per unlock.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
_PREFIX = "scrypt"


def make_verifier(passphrase: str, salt: bytes) -> str:
    """A verifier for ``passphrase`` with ``salt`` (16 bytes from ``os.urandom``)."""
    if len(salt) != SALT_BYTES:
        raise ValueError(f"a salt is {SALT_BYTES} bytes")
    digest = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    parts = (_PREFIX, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest))
    return "$".join(parts)


def verifier_matches(passphrase: str, verifier: str) -> bool:
    """Whether ``passphrase`` is the one ``verifier`` was made from (False for a damaged one)."""
    try:
        prefix, n, r, p, salt, digest = verifier.split("$")
        if prefix != _PREFIX:
            return False
        expected = base64.b64decode(digest, validate=True)
        typed = _scrypt(passphrase, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(typed, expected)


def same_passphrase(typed: str, kept: str) -> bool:
    """For a journal opened by a passphrase: the lock opens with that same passphrase."""
    return hmac.compare_digest(typed.encode(), kept.encode())


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
        raise ValueError("scrypt parameters out of range")
    return hashlib.scrypt(passphrase.encode(), salt=salt, n=n, r=r, p=p, maxmem=2**26, dklen=32)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")

"""The app lock's verifier, one row inside the (encrypted) journal: never in settings."""

from __future__ import annotations

from companion.store.connection import Connection
from companion.store.database import fetch_one, storage_errors

#: One row at most: a new verifier replaces the old.
UPSERT_VERIFIER = (
    "INSERT INTO app_lock (id, verifier) VALUES (1, ?)"
    " ON CONFLICT (id) DO UPDATE SET verifier = excluded.verifier"
)


class SqliteLockVerifier:
    """``LockVerifierStore``: None until the agent chooses a lock passphrase."""

    def __init__(self, db: Connection) -> None:
        self._db = db

    def get(self) -> str | None:
        with storage_errors():
            row = fetch_one(self._db, "SELECT verifier FROM app_lock WHERE id = 1")
        return None if row is None else str(row["verifier"])

    def set(self, verifier: str) -> None:
        with storage_errors(), self._db.atomic():
            self._db.execute(UPSERT_VERIFIER, [verifier])

    def clear(self) -> None:
        with storage_errors(), self._db.atomic():
            self._db.execute("DELETE FROM app_lock")

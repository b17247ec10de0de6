"""Credential stores for ``keyring``, named by PYTHON_KEYRING_BACKEND in the key helper's tests.

The helper runs in a child process, so each fake is a keyring backend class the child loads by
name: one that keeps secrets in a temporary file, one that is locked, one that fails, one that
waits until the test lets it go (to look at the running helper), one that never answers.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

#: The file FileKeyring keeps its secrets in (a JSON object "service/user" -> secret).
STORE_ENV = "COMPANION_TEST_KEYRING_FILE"
#: PausedKeyring creates ``<folder>/ready`` and waits for ``<folder>/go``.
PAUSE_ENV = "COMPANION_TEST_KEYRING_PAUSE"
BROKEN_MESSAGE = "the D-Bus said something secret-looking: 5ec12e7"


def backend_name(kind: type[KeyringBackend]) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


class FileKeyring(KeyringBackend):
    """A working store: secrets in the JSON file named by ``COMPANION_TEST_KEYRING_FILE``."""

    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ[STORE_ENV])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("no such password")
        self._path().write_text(json.dumps(data))


class LockedKeyring(KeyringBackend):
    """A store whose unlock prompt the agent cancelled."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


class BrokenKeyring(KeyringBackend):
    """A store that fails with a message the helper must not pass on."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise OSError(BROKEN_MESSAGE)

    def set_password(self, service: str, username: str, password: str) -> None:
        raise OSError(BROKEN_MESSAGE)

    def delete_password(self, service: str, username: str) -> None:
        raise OSError(BROKEN_MESSAGE)


class PausedKeyring(FileKeyring):
    """A FileKeyring that says it is ready, then waits until the test lets it answer."""

    def get_password(self, service: str, username: str) -> str | None:
        folder = Path(os.environ[PAUSE_ENV])
        (folder / "ready").touch()
        deadline = time.monotonic() + 60
        while not (folder / "go").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return super().get_password(service, username)


class HangingKeyring(KeyringBackend):
    """A store that never answers (an unlock prompt nobody sees)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        threading.Event().wait()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        threading.Event().wait()

    def delete_password(self, service: str, username: str) -> None:
        threading.Event().wait()

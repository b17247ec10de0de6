"""The key helper against a real Secret Service: gnome-keyring on a private session bus.

What the journal key looks like from outside is checked with libsecret's own ``secret-tool``,
not with keyring: an item of service "Companion" whose user name is the data folder.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.system.key_helper import KeychainStatus
from companion.system.keychain import Keychain, account_for
from tests.e2e.secret_service import run
from tests.e2e.secret_service import secret_service as private_secret_service
from tests.e2e.timing import patience

LOGIN = "/org/freedesktop/secrets/collection/login"
#: A fresh parent asks for the key, then lists what it loaded that it must never load.
PARENT = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from companion.system.keychain import Keychain, account_for
app = QCoreApplication([])
keychain = Keychain(account_for(Path(sys.argv[1])))
keychain.get_or_create()
answer = keychain.get()
heavy = ("keyring", "secretstorage", "cryptography", "jeepney", "subprocess")
print(answer.status.value, *sorted(m for m in sys.modules if m.split(".")[0] in heavy))
"""


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """gnome-keyring on a private bus, in this process's environment (the helper inherits it)."""
    with private_secret_service(tmp_path) as env:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        yield env


def test_create_then_get_returns_the_same_key_seen_as_a_companion_item(
    secret_service: dict[str, str], qapp: object, tmp_path: Path
) -> None:
    account = account_for(tmp_path / "data")
    keychain = Keychain(account)
    assert keychain.get().status is KeychainStatus.ABSENT

    created = keychain.get_or_create()
    found = keychain.get()

    assert created.status is KeychainStatus.CREATED and created.key is not None
    assert found.status is KeychainStatus.FOUND and found.key == created.key
    lookup = ["secret-tool", "lookup", "service", "Companion", "username", account]
    assert run(lookup, secret_service).strip() == created.key.secret  # (stderr is empty)
    items = run(["secret-tool", "search", "--all", "service", "Companion"], secret_service)
    assert "attribute.service = Companion" in items
    assert f"attribute.username = {account}" in items
    assert items.count("attribute.service = Companion") == 1


def test_a_locked_collection_whose_prompt_cannot_show_is_locked(
    secret_service: dict[str, str], qapp: object, tmp_path: Path
) -> None:
    keychain = Keychain(account_for(tmp_path / "data"))
    assert keychain.get_or_create().status is KeychainStatus.CREATED
    lock = ["gdbus", "call", "--session", "--dest", "org.freedesktop.secrets"]
    lock += ["--object-path", "/org/freedesktop/secrets"]
    lock += ["--method", "org.freedesktop.Secret.Service.Lock", f"['{LOGIN}']"]
    assert LOGIN in run(lock, secret_service)

    assert keychain.get().status is KeychainStatus.LOCKED


def test_the_parent_never_loads_keyring(secret_service: dict[str, str], tmp_path: Path) -> None:
    # A fresh process: this one may have loaded keyring for other tests.
    env = {**secret_service, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PARENT, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=patience(60),
    )

    assert done.stdout.split() == ["found"], done.stdout + done.stderr

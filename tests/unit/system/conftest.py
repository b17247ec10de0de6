"""Fixtures for the OS seams' tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from companion.system import single_instance
from companion.system.local_listeners import QtLocalListener, UnixListener
from tests import fake_keyrings
from tests.fake_keyrings import backend_name

ROOT = Path(__file__).resolve().parents[3]
LISTENERS = {"unix socket": UnixListener, "Qt local server (Windows' named pipe)": QtLocalListener}


@pytest.fixture(params=sorted(LISTENERS))
def listener_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test against each listener: the Unix socket Linux and macOS use, and Qt's
    QLocalServer, which listens on a named pipe on Windows and on a Unix socket here."""
    kind = request.param
    listener = LISTENERS[kind]
    monkeypatch.setattr(single_instance, "listener_for", listener)
    return str(kind)


@pytest.fixture
def store_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the fake keyrings of tests/fake_keyrings.py keep their secrets."""
    path = tmp_path / "keyring.json"
    monkeypatch.setenv(fake_keyrings.STORE_ENV, str(path))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    return path


@pytest.fixture
def use_backend(monkeypatch: pytest.MonkeyPatch, store_file: Path):  # type: ignore[no-untyped-def]
    """``use(FileKeyring)``: the key helper's child process uses that keyring backend."""

    def use(kind: type[KeyringBackend] | str) -> None:
        name = kind if isinstance(kind, str) else backend_name(kind)
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)

    return use

"""Fixtures for the OS seams' tests."""

from __future__ import annotations

import pytest

from companion.system import single_instance
from companion.system.local_listeners import QtLocalListener, UnixListener

LISTENERS = {"unix socket": UnixListener, "Qt local server (Windows' named pipe)": QtLocalListener}


@pytest.fixture(params=sorted(LISTENERS))
def listener_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test against each listener: the Unix socket Linux and macOS use, and Qt's
    QLocalServer, which listens on a named pipe on Windows and on a Unix socket here."""
    kind = request.param
    listener = LISTENERS[kind]
    monkeypatch.setattr(single_instance, "listener_for", listener)
    return str(kind)

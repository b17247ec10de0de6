"""Talking to the single-instance socket the way another local program would."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot


def exchange(qtbot: QtBot, name: str, payload: bytes, timeout: int = 2000) -> bytes:
    socket = QLocalSocket()
    socket.connectToServer(name)
    assert socket.waitForConnected(1000)
    socket.write(payload)
    socket.flush()
    reply = bytearray()

    def answered() -> bool:
        QCoreApplication.processEvents()
        reply.extend(bytes(socket.readAll().data()))
        return b"\n" in reply or socket.state() == QLocalSocket.LocalSocketState.UnconnectedState

    qtbot.waitUntil(answered, timeout=timeout)
    socket.abort()
    return bytes(reply)

"""One Companion per user: a second launch hands its command to the first over a local socket."""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from companion.core.commands import MAX_MESSAGE_BYTES, BadCommand, Command, command_from_json

log = logging.getLogger(__name__)


def server_name(data_dir: Path) -> str:
    """A socket path inside the private data directory (so only this user can connect).

    Windows uses named pipes, which take a plain name; the data dir's hash keeps two test
    profiles (or two users on one machine) apart.
    """
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    if sys.platform == "win32":
        return f"companion-{os.environ.get('USERNAME', 'user')}-{digest}"
    path = data_dir / "instance.sock"
    if len(str(path)) < 100:
        return str(path)
    return f"companion-{os.getuid()}-{digest}"


class InstanceLock:
    """Decides who is first when two launches race; stale locks of dead processes are taken over."""

    def __init__(self, data_dir: Path) -> None:
        self._lock = QLockFile(str(data_dir / "instance.lock"))
        self._lock.setStaleLockTime(0)

    def try_acquire(self) -> bool:
        return self._lock.tryLock(100)

    def release(self) -> None:
        self._lock.unlock()


def send_to_running(name: str, command: Command, timeout_ms: int = 2000) -> bool:
    """True when a running Companion took the command; False when none answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(command.to_json())
    if not socket.waitForBytesWritten(timeout_ms) or not socket.waitForReadyRead(timeout_ms):
        socket.abort()
        return False
    reply = bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply.startswith(b"ok")


class InstanceServer(QObject):
    """Listens for commands from later launches; emits each good one, answers bad ones politely."""

    command_received = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        QLocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            log.warning("single-instance server could not listen: %s", self._server.errorString())
            return False
        return True

    def close(self) -> None:
        self._server.close()

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.setdefault(socket, bytearray())
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE_BYTES:
                self._answer(socket, b"error: message too long\n")
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        try:
            command = command_from_json(line)
        except BadCommand as error:
            log.info("ignored a malformed single-instance message: %s", error)
            self._answer(socket, f"error: {error}\n".encode())
            return
        self._answer(socket, b"ok\n")
        self.command_received.emit(command)

    def _answer(self, socket: QLocalSocket, reply: bytes) -> None:
        socket.write(reply)
        socket.flush()
        socket.disconnectFromServer()

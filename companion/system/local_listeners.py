"""Where the single-instance server listens: a Unix socket through the standard library, or a
named pipe through Qt.

Both look alike to ``InstanceServer``: a listener announces each new peer, a peer reports what
it received and when it has gone, and answers once before hanging up. On Linux and macOS the
listener is a plain ``AF_UNIX`` socket watched by QtCore's ``QSocketNotifier``: the idle tray
then does without QtNetwork (2.7 MB, with the Kerberos libraries it links). Windows has no
``AF_UNIX`` in Python's ``socket`` module, so there Qt's ``QLocalServer`` (a named pipe) listens.
Clients speak to either with ``QLocalSocket``, which connects to the same path or pipe.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QDir, QObject, QSocketNotifier

if TYPE_CHECKING:
    import socket

    from PySide6.QtNetwork import QLocalSocket

#: The most one read takes from a peer; a message is at most a few kB (MAX_MESSAGE_BYTES).
_CHUNK = 65536
#: How long answering one peer may block the GUI thread: a reply is a line, and the peer's
#: receive buffer is empty, so this is only reached by a peer that is gone or hostile.
_ANSWER_TIMEOUT_S = 1.0


class Peer(Protocol):
    """One connected client, as the server sees it."""

    def take(self) -> bytes:
        """Everything received since the last call."""

    def answer(self, data: bytes) -> None:
        """Send ``data`` and hang up; whatever the peer sends after that is dropped."""

    def abort(self) -> None:
        """Hang up at once."""


class Listener(Protocol):
    def listen(self) -> bool: ...

    def close(self) -> None: ...

    def error(self) -> str: ...


#: Told of a new peer; returns what to call when it has data, and when it has gone.
PeerHandler = Callable[[Peer], tuple[Callable[[], None], Callable[[], None]]]


def listener_for(name: str, on_peer: PeerHandler, parent: QObject) -> Listener:
    """The platform's listener for the server ``name`` (a socket path, or a pipe's name)."""
    if sys.platform == "win32":
        return QtLocalListener(name, on_peer, parent)
    return UnixListener(name, on_peer, parent)


def socket_path(name: str) -> str:
    """Where ``QLocalSocket`` looks for ``name`` on Unix: a relative name is in Qt's temp dir."""
    if os.path.isabs(name):
        return name
    return os.path.join(QDir.tempPath(), name)


class UnixListener(QObject):
    """An ``AF_UNIX`` stream socket that only its owner may connect to."""

    def __init__(self, name: str, on_peer: PeerHandler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = socket_path(name)
        self._on_peer = on_peer
        self._socket: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._error = ""

    def listen(self) -> bool:
        import socket

        # The instance lock says nobody else is listening, so a socket file left here is stale.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path)
        listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        previous = os.umask(0o177)  # owner-only from the start, not after a chmod
        try:
            listening.bind(self._path)
            listening.listen(64)
        except OSError as error:
            listening.close()
            self._error = error.strerror or str(error)
            return False
        finally:
            os.umask(previous)
        listening.setblocking(False)
        self._socket = listening
        self._notifier = QSocketNotifier(listening.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    def close(self) -> None:
        if self._socket is None:
            return
        _stop(self._notifier)
        self._notifier = None
        self._socket.close()
        self._socket = None
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path)

    def error(self) -> str:
        return self._error

    def _accept(self) -> None:
        while self._socket is not None:
            try:
                connection, _ = self._socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:  # out of file descriptors, say: the listener stays
                self._error = error.strerror or str(error)
                return
            _UnixPeer(connection, self._on_peer, self)


class _UnixPeer(QObject):
    def __init__(self, connection: socket.socket, on_peer: PeerHandler, parent: QObject) -> None:
        super().__init__(parent)
        connection.setblocking(False)
        self._connection: socket.socket | None = connection
        self._received = bytearray()
        self._on_data, self._on_gone = on_peer(self)
        self._notifier: QSocketNotifier | None = QSocketNotifier(
            connection.fileno(), QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._read)

    def take(self) -> bytes:
        taken = bytes(self._received)
        self._received.clear()
        return taken

    def answer(self, data: bytes) -> None:
        if self._connection is None:
            return
        _stop(self._notifier)
        self._notifier = None
        self._connection.settimeout(_ANSWER_TIMEOUT_S)
        with contextlib.suppress(OSError):  # the peer hung up first: nobody to tell
            self._connection.sendall(data)
        self.abort()

    def abort(self) -> None:
        if self._connection is None:
            return
        _stop(self._notifier)
        self._notifier = None
        self._connection.close()
        self._connection = None
        self._on_gone()
        self.deleteLater()

    def _read(self) -> None:
        while self._connection is not None:
            try:
                chunk = self._connection.recv(_CHUNK)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                chunk = b""
            if not chunk:
                self.abort()
                return
            self._received += chunk
            if len(chunk) < _CHUNK:
                break
        if self._received:
            self._on_data()


def _stop(notifier: QSocketNotifier | None) -> None:
    """A notifier must stop watching before its descriptor is closed (or reused)."""
    if notifier is not None:
        notifier.setEnabled(False)
        notifier.deleteLater()


class QtLocalListener(QObject):
    """Qt's ``QLocalServer``: a named pipe on Windows (it also works on Unix, for the tests)."""

    def __init__(self, name: str, on_peer: PeerHandler, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._name = name
        self._on_peer = on_peer
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)
        return self._server.listen(self._name)

    def close(self) -> None:
        self._server.close()

    def error(self) -> str:
        return self._server.errorString()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            _QtPeer(self._server.nextPendingConnection(), self._on_peer)


class _QtPeer:
    def __init__(self, socket: QLocalSocket, on_peer: PeerHandler) -> None:
        self._socket = socket
        on_data, on_gone = on_peer(self)
        socket.readyRead.connect(on_data)
        socket.disconnected.connect(on_gone)
        socket.disconnected.connect(socket.deleteLater)

    def take(self) -> bytes:
        return bytes(self._socket.readAll().data())

    def answer(self, data: bytes) -> None:
        self._socket.write(data)
        self._socket.flush()
        self._socket.disconnectFromServer()

    def abort(self) -> None:
        self._socket.abort()

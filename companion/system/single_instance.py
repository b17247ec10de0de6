"""One Companion per user: a second launch hands its command to the first over a local socket
(a Unix socket, or a named pipe on Windows: see ``local_listeners``)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from companion.core.commands import (
    MAX_MESSAGE_BYTES,
    BadCommand,
    Command,
    Outcome,
    Reply,
    command_from_json,
    reply_from_bytes,
)
from companion.core.i18n import _
from companion.system.local_listeners import Peer, listener_for

log = logging.getLogger(__name__)


def server_name(data_dir: Path) -> str:
    """A socket path inside the private data directory (so only this user can connect).

    Windows uses named pipes, which take a plain name; the data dir's hash keeps two test
    profiles (or two users on one machine) apart.
    """
    if sys.platform == "win32":
        return f"companion-{os.environ.get('USERNAME', 'user')}-{_digest(data_dir)}"
    path = data_dir / "instance.sock"
    if len(str(path)) < 100:
        return str(path)
    return f"companion-{os.getuid()}-{_digest(data_dir)}"


def _digest(data_dir: Path) -> str:
    import hashlib  # only for these names: it maps OpenSSL's libcrypto (1 MB) into the tray

    return hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]


class InstanceLock:
    """Decides who is first when two launches race; stale locks of dead processes are taken over."""

    def __init__(self, data_dir: Path) -> None:
        self._lock = QLockFile(str(data_dir / "instance.lock"))
        self._lock.setStaleLockTime(0)

    def try_acquire(self) -> bool:
        if not self._lock.tryLock(100):
            return False
        # QLockFile follows the umask; the lock names our pid and host, so keep it private too.
        os.chmod(self._lock.fileName(), 0o600)
        return True

    def release(self) -> None:
        self._lock.unlock()


#: A Companion that took the message but says nothing for this long is frozen (or stopped).
REPLY_TIMEOUT_MS = 4000
#: A client that connects and never finishes a message is dropped after this long.
CLIENT_TIMEOUT_MS = 5000
Handler = Callable[[Command], Reply]


def send_to_running(
    name: str, command: Command, timeout_ms: int = 1000, reply_timeout_ms: int = REPLY_TIMEOUT_MS
) -> Reply:
    """Hand ``command`` to the running Companion and wait until it has acted on it.

    ``NOT_RUNNING`` when nobody listens; ``NOT_RESPONDING`` when someone took the message but
    did not answer in time (a frozen or stopped Companion), so the caller never hangs.
    """
    from PySide6.QtNetwork import QLocalSocket  # only the launch that hands over needs it

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return Reply(Outcome.NOT_RUNNING)
    socket.write(command.to_json())
    reply = bytearray()
    if socket.waitForBytesWritten(timeout_ms):
        while b"\n" not in reply and socket.waitForReadyRead(reply_timeout_ms):
            reply += bytes(socket.readAll().data())
    socket.abort()
    if b"\n" not in reply:
        return Reply(Outcome.NOT_RESPONDING)
    return reply_from_bytes(bytes(reply))


def _not_ready(command: Command) -> Reply:
    return Reply(Outcome.NOT_SAVED, _("Companion is still starting; try again in a moment."))


class InstanceServer(QObject):
    """Listens for commands from later launches; answers each only after its handler ran.

    The reply is the handler's ``Reply``, so "ok" means done (for a tag: stored on disk).
    Bad messages are answered politely and dropped; clients that never finish are cut off.
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler: Handler = _not_ready
        self._listener = listener_for(name, self._on_peer, self)
        self._buffers: dict[Peer, bytearray] = {}

    def set_handler(self, handler: Handler) -> None:
        """Called (on the GUI thread) with each good command; its reply goes back to the sender."""
        self._handler = handler

    def listen(self) -> bool:
        if not self._listener.listen():
            log.warning("single-instance server could not listen: %s", self._listener.error())
            return False
        return True

    def close(self) -> None:
        self._listener.close()

    def _on_peer(self, peer: Peer) -> tuple[Callable[[], None], Callable[[], None]]:
        self._buffers[peer] = bytearray()
        QTimer.singleShot(CLIENT_TIMEOUT_MS, self, lambda: self._cut_off(peer))
        return (lambda: self._on_ready_read(peer)), (lambda: self._forget(peer))

    def _forget(self, peer: Peer) -> None:
        self._buffers.pop(peer, None)

    def _cut_off(self, peer: Peer) -> None:
        if peer in self._buffers:
            self._buffers.pop(peer)
            peer.abort()

    def _on_ready_read(self, peer: Peer) -> None:
        buffer = self._buffers.get(peer)
        if buffer is None:  # already answered: whatever else it sends is dropped unread
            peer.take()
            return
        buffer += peer.take()
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE_BYTES:
                self._answer(peer, Reply(Outcome.REFUSED, _("message too long")))
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        try:
            command = command_from_json(line)
        except BadCommand as error:
            # Its size only: the reason may quote what was sent (a case reference, say).
            log.info("ignored a malformed single-instance message (%d bytes)", len(line))
            self._answer(peer, Reply(Outcome.REFUSED, str(error)))
            return
        self._buffers.pop(peer, None)
        try:
            reply = self._handler(command)
        except BaseException:
            trouble = _("Something went wrong inside Companion.")
            self._answer(peer, Reply(Outcome.NOT_SAVED, trouble))
            raise  # a bug: the excepthook logs it
        self._answer(peer, reply)

    def _answer(self, peer: Peer, reply: Reply) -> None:
        self._buffers.pop(peer, None)
        peer.answer(reply.to_bytes())

"""The journal key in the OS credential store, asked of a short-lived `--key-helper` child.

Windows Credential Manager, the macOS Keychain, the Secret Service on Linux: ``keyring``
reaches them all, but it would stay loaded in the tray (about 25 MB, issue #9 memo, 1). So the
tray starts ``companion --key-helper ACTION`` with Qt's QProcess (QtCore is loaded anyway;
``subprocess`` is not), writes the account (and a key to store) on its stdin and reads the
answer on its stdout. The key never goes through argv, the environment or a log.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from companion.core.journal_key import BadKey, JournalKey
from companion.system.key_helper import ACTIONS, KEY_HELPER_FLAG, KeychainStatus

log = logging.getLogger(__name__)

#: How long the helper may take. Without a prompt it answers in about 0.3 s; the only slow
#: case is a locked store showing its unlock prompt (gnome-keyring, KWallet, the macOS
#: Keychain), where a person has to notice it and type a password. Three minutes covers that
#: with room to spare; past it the prompt was most likely walked away from, and Companion
#: says the key could not be read rather than waiting for ever.
UNLOCK_TIMEOUT_MS = 180_000
#: After the timeout: how long a killed helper may take to go.
_KILL_WAIT_MS = 5_000


@dataclass(frozen=True)
class KeychainAnswer:
    """The helper's answer. ``key`` only for FOUND and CREATED; ``detail`` names an error type
    (FAILED) or what went wrong with the helper itself (BROKEN), never a secret."""

    status: KeychainStatus
    key: JournalKey | None = None
    detail: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in _SUCCESS


_SUCCESS = frozenset(
    {
        KeychainStatus.FOUND,
        KeychainStatus.CREATED,
        KeychainStatus.STORED,
        KeychainStatus.DELETED,
    }
)


def account_for(data_dir: Path) -> str:
    """The credential store's user name for a data folder's journal: its absolute path, so two
    data folders (a test run, a second profile) never share a key."""
    return str(data_dir.absolute())


def helper_command(action: str) -> list[str]:
    """This program run as the helper: the frozen build is itself the interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, KEY_HELPER_FLAG, action]
    return [sys.executable, "-m", "companion", KEY_HELPER_FLAG, action]


class Keychain(QObject):
    """Asks the helper, synchronously (``get`` and the like) or with ``finished`` (``start``).

    One request at a time per object. Methods are called on the GUI thread; ``finished`` is
    emitted there once per ``start``.
    """

    finished = Signal(object)  # KeychainAnswer

    def __init__(
        self,
        account: str,
        timeout_ms: int = UNLOCK_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._account = account
        self._timeout_ms = timeout_ms
        self._process: QProcess | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._timed_out = False

    @property
    def pid(self) -> int | None:
        """The running helper's process id (tests read its command line), else None."""
        if self._process is None or self._process.state() == QProcess.ProcessState.NotRunning:
            return None
        return int(self._process.processId())

    def get(self) -> KeychainAnswer:
        return self.run("get")

    def get_or_create(self) -> KeychainAnswer:
        return self.run("create")

    def store(self, key: JournalKey) -> KeychainAnswer:
        """Replace whatever the store holds for this account with ``key``."""
        return self.run("set", key)

    def delete(self) -> KeychainAnswer:
        return self.run("delete")

    def run(self, action: str, key: JournalKey | None = None) -> KeychainAnswer:
        """Ask and wait (blocks the calling thread, at most the timeout)."""
        process = self._launch(action, key, asynchronous=False)
        if process.waitForFinished(self._timeout_ms):
            return self._finish(process, timed_out=False)
        if process.error() is QProcess.ProcessError.FailedToStart:
            return self._failed_to_start(process)
        self._kill(process)
        return self._finish(process, timed_out=True)

    def start(self, action: str, key: JournalKey | None = None) -> None:
        """Ask without waiting; ``finished`` carries the answer."""
        self._timed_out = False
        self._launch(action, key, asynchronous=True)
        self._timer.start(self._timeout_ms)

    def cancel(self) -> None:
        """Stop waiting: the helper is killed and ``finished`` is not emitted."""
        self._timer.stop()
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect(self._on_finished)
            process.errorOccurred.disconnect(self._on_error)
            self._kill(process)
            process.deleteLater()

    def _launch(self, action: str, key: JournalKey | None, asynchronous: bool) -> QProcess:
        if action not in ACTIONS:
            raise ValueError(f"unknown key helper action {action!r}")
        if (action == "set") != (key is not None):
            raise ValueError("a key goes with 'set' and only with it")
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            raise RuntimeError("the key helper is already running")
        command = helper_command(action)
        process = QProcess(self)
        process.setProgram(command[0])
        process.setArguments(command[1:])
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        if asynchronous:  # connected first: a program that can't start may say so at once
            process.finished.connect(self._on_finished)
            process.errorOccurred.connect(self._on_error)
        self._process = process
        process.start()
        lines = [self._account] if key is None else [self._account, key.secret]
        # Buffered by QProcess until the helper has started.
        process.write("".join(f"{line}\n" for line in lines).encode())
        process.closeWriteChannel()
        return process

    def _finish(self, process: QProcess, timed_out: bool) -> KeychainAnswer:
        self._timer.stop()
        if timed_out:
            answer = KeychainAnswer(KeychainStatus.TIMED_OUT)
        elif process.exitStatus() != QProcess.ExitStatus.NormalExit:
            answer = KeychainAnswer(KeychainStatus.BROKEN, detail=process.errorString())
        else:
            answer = parse_answer(bytes(process.readAllStandardOutput().data()))
        process.deleteLater()
        self._process = None
        log.info("the credential store answered: %s", answer.status.value)
        return answer

    def _kill(self, process: QProcess) -> None:
        process.kill()
        process.waitForFinished(_KILL_WAIT_MS)

    def _on_timeout(self) -> None:
        if self._process is not None:
            self._timed_out = True
            self._kill(self._process)

    def _on_finished(self) -> None:
        if self._process is not None:
            self.finished.emit(self._finish(self._process, timed_out=self._timed_out))

    def _on_error(self, error: QProcess.ProcessError) -> None:
        # Only a helper that never started ends here without ``finished`` following.
        if error is QProcess.ProcessError.FailedToStart and self._process is not None:
            self.finished.emit(self._failed_to_start(self._process))

    def _failed_to_start(self, process: QProcess) -> KeychainAnswer:
        self._timer.stop()
        self._process = None
        process.deleteLater()
        log.warning("the key helper could not start: %s", process.errorString())
        return KeychainAnswer(KeychainStatus.BROKEN, detail="failed to start")


def parse_answer(output: bytes) -> KeychainAnswer:
    """The helper's stdout as an answer; anything else is BROKEN (and never quoted: it might
    be a key)."""
    lines = output.decode("utf-8", errors="replace").splitlines()
    word, _, detail = (lines[0] if lines else "").partition(" ")
    try:
        status = KeychainStatus(word)
    except ValueError:
        return KeychainAnswer(KeychainStatus.BROKEN, detail="unexpected answer")
    if status in (KeychainStatus.FOUND, KeychainStatus.CREATED):
        try:
            return KeychainAnswer(status, key=JournalKey.raw(lines[1] if len(lines) > 1 else ""))
        except BadKey:
            return KeychainAnswer(KeychainStatus.BROKEN, detail="unexpected answer")
    return KeychainAnswer(status, detail=detail or None)

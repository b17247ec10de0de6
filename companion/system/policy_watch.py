"""Reads IT's policy again when one of its files or folders changes: a watch, never a poll.

Called on the GUI thread. QFileSystemWatcher (inotify on Linux, ReadDirectoryChangesW on
Windows, FSEvents/kqueue on macOS) watches every policy file and the folders that hold them,
so a file that is created, edited, replaced by a rename (as Ansible and Puppet write files) or
deleted is seen. A file or folder that does not exist yet is watched through the nearest
folder that does. A change of the registry is not watched: Windows policy in the registry
is read at start and whenever a watched file changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from companion.core.policy import Policy
from companion.system.effective_settings import policy_notice
from companion.system.policy_file import LoadedPolicy, log_policy, read_policy

log = logging.getLogger(__name__)

#: One edit is often several events (truncate, write, rename): read once they have settled.
SETTLE_MS = 200


class PolicyWatch(QObject):
    """Emits ``changed(policy, notice)`` when IT's policy or its problems change.

    ``known`` is the policy the app started with: if the files already say something else
    (changed during start-up), ``changed`` follows soon after.
    """

    changed = Signal(object, object)

    def __init__(
        self,
        known: Policy,
        load: Callable[[], LoadedPolicy] = read_policy,
        *,
        settle_ms: int = SETTLE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_change)
        self._watcher.directoryChanged.connect(self._on_change)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._read_again)
        first = load()
        self._watch(first.watch)
        #: What was last told (None: the next read is news, whatever it says).
        self._last: LoadedPolicy | None = first
        if first.policy != known:
            self._last = None
            self._settle.start()

    def watched(self) -> list[str]:
        """What is watched now (files and folders)."""
        return [*self._watcher.files(), *self._watcher.directories()]

    def _on_change(self, _path: str) -> None:
        self._settle.start()  # (re)started: one read after a burst of events

    def _read_again(self) -> None:
        loaded = self._load()
        self._watch(loaded.watch)
        last = self._last
        if last is not None and (loaded.policy, loaded.problems) == (last.policy, last.problems):
            return
        self._last = loaded
        log.info("IT policy changed")
        log_policy(loaded)
        self.changed.emit(loaded.policy, policy_notice(loaded.policy, loaded.problems))

    def _watch(self, paths: tuple[Path, ...]) -> None:
        """Watch ``paths``, or for one that is missing, the nearest folder above it."""
        wanted = {str(_nearest_existing(path)) for path in paths}
        new = sorted(wanted - set(self.watched()))
        if new:
            self._watcher.addPaths(new)


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path

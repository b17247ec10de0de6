"""A private, size-capped log file on this computer; never journal text, never sent anywhere.

The rotation is our own few lines rather than `logging.handlers.RotatingFileHandler`: that
module also loads socket, pickle and queue for handlers Companion never uses, 1.2 MB of an app
that waits in the tray all day (issue #5), and a log module that opens no sockets is easier to
vouch for.
"""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from pathlib import Path

MAX_BYTES = 512_000
KEPT_OLD_FILES = 2


class PrivateLogHandler(logging.FileHandler):
    """Appends to ``path`` (0600); past ``max_bytes`` it becomes ``path.1`` (and so on) and a
    new file starts, so the logs never take more than about (kept + 1) x max_bytes."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, kept: int = KEPT_OLD_FILES) -> None:
        self._max_bytes = max_bytes
        self._kept = kept
        super().__init__(path, mode="a", encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        old = os.umask(0o077)
        try:
            return super()._open()
        finally:
            os.umask(old)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self._max_bytes:
                self._rotate()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        path = Path(self.baseFilename)
        for number in range(self._kept, 0, -1):
            older = path.with_name(f"{path.name}.{number}")
            newer = path.with_name(f"{path.name}.{number - 1}") if number > 1 else path
            if newer.exists():
                os.replace(newer, older)
        self.stream = self._open()


def setup_logging(log_dir: Path) -> Path | None:
    """Log to ``log_dir/companion.log``; returns None (and logs to stderr) when it can't write."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = log_dir / "companion.log"
        handler: logging.Handler = PrivateLogHandler(path)
    except OSError:
        handler = logging.StreamHandler()
        path = None
    handler.setFormatter(fmt)
    root.addHandler(handler)
    return path


def stop_logging() -> None:
    """Close Companion's log file (before "Delete all my data" removes it)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, PrivateLogHandler):
            root.removeHandler(handler)
            handler.close()

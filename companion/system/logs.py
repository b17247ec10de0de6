"""A private, rotating log file on this computer; never journal text, never sent anywhere."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Creates and rotates log files with 0600 permissions."""

    def _open(self):  # type: ignore[no-untyped-def]
        old = os.umask(0o077)
        try:
            return super()._open()
        finally:
            os.umask(old)


def setup_logging(log_dir: Path) -> Path | None:
    """Log to ``log_dir/companion.log``; returns None (and logs to stderr) when it can't write."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = log_dir / "companion.log"
        handler: logging.Handler = _PrivateRotatingHandler(
            path, maxBytes=512_000, backupCount=2, encoding="utf-8"
        )
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
        if isinstance(handler, _PrivateRotatingHandler):
            root.removeHandler(handler)
            handler.close()

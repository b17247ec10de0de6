"""Making a rename in the journal's folder survive a power cut, for every store module."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def sync_folder(folder: Path) -> None:
    """fsync ``folder`` so a rename inside it is on disk (POSIX); a no-op where a folder can't
    be opened (Windows) or refuses an fsync: the rename has happened all the same."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)

"""Sets a damaged or foreign journal file aside, renamed and untouched, so a fresh one can start."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from companion.store.durable import sync_folder

log = logging.getLogger(__name__)

SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


def set_aside_name(path: Path, why: str, now: datetime) -> Path:
    """``journal.db`` -> ``journal.damaged-20261124-100000.db``, in the same folder."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.{why}-{stamp}-{n}{path.suffix}")
    return candidate


def set_aside(path: Path, why: str, now: datetime) -> Path:
    """Rename ``path`` and its side files; never deletes or rewrites a byte of them.

    The -wal file belongs to the database it was written for, so it moves along under the
    matching name: a recovery tool opening the set-aside copy sees both.
    """
    target = set_aside_name(path, why, now)
    os.replace(path, target)
    for suffix in SIDE_FILE_SUFFIXES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    sync_folder(path.parent)
    log.warning("journal file set aside as %s (%s)", target.name, why)
    return target

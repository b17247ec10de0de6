"""Narrows Companion's own files to this account at each start, whatever left them wider.

New files are created private, but a file keeps the mode it has: one written by an older
version, copied back by hand or by a backup tool, or set aside as it was found, may be
readable by others. Only access is removed, never added: a file the agent made read-only
stays read-only.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from companion.system.data_removal import companion_files

log = logging.getLogger(__name__)

_GROUP_AND_OTHERS = 0o077


def narrow_private_files(data_dir: Path, log_dir: Path) -> int:
    """Remove group and other access from every file and folder Companion made in its data
    and log folders (folders' contents included); how many had to be narrowed."""
    narrowed = 0
    for path in companion_files(data_dir, log_dir):
        for found in [path, *_inside(path)]:
            narrowed += _narrow(found)
    if narrowed:
        log.info("narrowed %d of Companion's files to this account", narrowed)
    return narrowed


def _inside(folder: Path) -> list[Path]:
    if folder.is_symlink() or not folder.is_dir():
        return []
    return sorted(folder.rglob("*"))


def _narrow(path: Path) -> int:
    """Symlinks are left alone: chmod would follow them out of Companion's folders."""
    try:
        info = path.lstat()
        mode = stat.S_IMODE(info.st_mode)
        if stat.S_ISLNK(info.st_mode) or not mode & _GROUP_AND_OTHERS:
            return 0
        os.chmod(path, mode & ~_GROUP_AND_OTHERS)
    except OSError as error:
        log.warning("could not narrow a file of Companion's: %s", error.strerror)
        return 0
    return 1

"""Judges a journal file as SQLite would find it, without writing a byte of it or its side files.

Opening a database read-write lets SQLite replay a -wal file beside it into the main file, and
delete the -wal on closing: right for our own journal after a crash, wrong for a damaged file
or another program's, which must be set aside exactly as they were. So the checks run on the
file opened immutable when it stands alone (SQLite then writes nothing at all), or on a private
copy of it and its side files when it has any; only a journal found sound is opened for real.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from companion.core.journal_key import JournalKey
from companion.store.connection import Connection, connect

#: Side files whose contents SQLite replays into the main file; -shm is only an index of the
#: -wal, rebuilt from it, so the copy does without.
REPLAYED_SUFFIXES = ("-wal", "-journal")
_WATCHED_SUFFIXES = ("", "-wal", "-shm", "-journal")
#: The private copy's folder, inside the (0700) data folder; gone once the check is done.
SCRATCH_PREFIX = ".journal-check-"
_PRIVATE_FILE_MODE = 0o600

Fingerprint = tuple[tuple[int, int] | None, ...]


class ChangedWhileChecked(Exception):
    """Another program wrote to the file during the check: it is in use, not damaged."""


def judge_untouched(
    path: Path,
    checks: Callable[[Connection], None],
    key: JournalKey | None = None,
    *,
    cipher: bool = False,
) -> None:
    """Run ``checks`` on ``path`` as the next read-write open would see it (its -wal replayed),
    leaving the file and its side files byte for byte as they were. ``key`` and ``cipher``
    say how to open it (see ``driver.connect``).

    Raises what ``checks`` raise, OSError when no copy can be made (a full disk), and
    ``ChangedWhileChecked`` when the files changed meanwhile, whatever the checks found.
    """
    remove_stale_scratch(path.parent)
    before = _fingerprint(path)
    try:
        with _image(path, key, cipher) as db:
            checks(db)
    except BaseException:
        _refuse_if_changed(path, before)
        raise
    _refuse_if_changed(path, before)


def remove_stale_scratch(folder: Path) -> None:
    """A copy left by a check cut short (a kill, a power cut) is removed at the next one."""
    for stale in folder.glob(f"{SCRATCH_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def _image(path: Path, key: JournalKey | None, cipher: bool) -> Iterator[Connection]:
    sides = [suffix for suffix in REPLAYED_SUFFIXES if _with_suffix(path, suffix).exists()]
    if not sides:
        # Alone, the file is the whole truth; immutable means SQLite never writes or locks it.
        uri = path.absolute().as_uri() + "?immutable=1"
        yield from _closing(connect(uri, key, uri=True, cipher=cipher))
        return
    scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=path.parent))
    try:
        copy = scratch / path.name
        for suffix in ("", *sides):
            _private_copy(_with_suffix(path, suffix), _with_suffix(copy, suffix))
        yield from _closing(connect(copy, key, cipher=cipher))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _private_copy(source: Path, target: Path) -> None:
    """Created 0600 like every file of the journal's (the folder is 0700 too)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE_FILE_MODE)
    with source.open("rb") as reading, os.fdopen(fd, "wb") as writing:
        shutil.copyfileobj(reading, writing)


def _closing(db: Connection) -> Iterator[Connection]:
    try:
        yield db
    finally:
        db.close()


def _refuse_if_changed(path: Path, before: Fingerprint) -> None:
    if _fingerprint(path) != before:
        raise ChangedWhileChecked(path.name)


def _fingerprint(path: Path) -> Fingerprint:
    """Size and modification time of the file and each side file (None where absent)."""
    marks: list[tuple[int, int] | None] = []
    for suffix in _WATCHED_SUFFIXES:
        try:
            info = _with_suffix(path, suffix).stat()
        except FileNotFoundError:
            marks.append(None)
        else:
            marks.append((info.st_size, info.st_mtime_ns))
    return tuple(marks)


def _with_suffix(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)

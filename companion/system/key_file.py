"""The journal key in a file only this account can read, kept apart from the data folder.

For desks without a credential store (or agents who prefer a file). It protects against a copy
of the data folder alone (a backup job, a shared folder), not against someone with the whole
home folder or the account, so it lives in another folder than the journal:

- Linux: ``$XDG_CONFIG_HOME/companion/journal.key`` (``~/.config``), Qt's generic config folder;
  the data is in ``~/.local/share/companion``.
- Windows: ``%APPDATA%\\companion\\journal.key`` (Roaming). Qt's config folder there is
  ``%LOCALAPPDATA%``, the data folder's own parent, so it is not used.
- macOS: ``~/Library/Application Support/companion-key/journal.key``, a sibling of the data
  folder. Qt's config folder there is ``~/Library/Preferences``, which Apple reserves for
  preference files written through NSUserDefaults.

With ``COMPANION_DATA_DIR`` set (tests, the end-to-end harness) the key goes beside that
folder, in ``<folder>-key``, so a test never touches the real one.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from companion.core.i18n import N_, _
from companion.core.journal_key import RAW_KEY_BYTES, BadKey, JournalKey
from companion.system.paths import APP_NAME, DATA_DIR_ENV, PRIVATE_DIR_MODE

KEY_FILENAME = "journal.key"
KEY_FILE_MODE = 0o600
_GROUP_AND_OTHERS = 0o077
#: A key file is 64 hex digits and a newline; anything much longer is not one.
_MAX_SIZE = 4 * RAW_KEY_BYTES


class KeyFileProblem(Enum):
    MISSING = "missing"
    UNREADABLE = "unreadable"
    NOT_A_KEY = "not a key"
    NOT_YOURS = "not yours"
    EXISTS = "exists"


_MESSAGES = {
    KeyFileProblem.MISSING: N_("Companion's key file is not there: {path}"),
    KeyFileProblem.UNREADABLE: N_("Companion can't read its key file {path}"),
    KeyFileProblem.NOT_A_KEY: N_(
        "{path} does not hold a journal key (damaged or replaced?); it is left as it is"
    ),
    KeyFileProblem.NOT_YOURS: N_("{path} belongs to another account, so Companion won't use it"),
    KeyFileProblem.EXISTS: N_("A key file is already at {path}; it is left as it is"),
}


class KeyFileError(Exception):
    """A known problem with the key file; the message names the file, never its content."""

    def __init__(self, problem: KeyFileProblem, path: Path) -> None:
        super().__init__(_(_MESSAGES[problem]).format(path=path))
        self.problem = problem
        self.path = path


@dataclass(frozen=True)
class KeyFileRead:
    key: JournalKey
    #: Others could read the file; it is now this account's only (worth a line in the log).
    narrowed: bool = False
    #: There was no key file: this is a new key (and so a new journal's, or a re-keyed one's).
    created: bool = False


def read_or_create_key_file(
    path: Path, random_bytes: Callable[[int], bytes] = os.urandom
) -> KeyFileRead:
    """The key in ``path``, or a new one there when there is no file. Two launches at once
    both end with the key that was linked into place first."""
    try:
        return read_key_file(path)
    except KeyFileError as error:
        if error.problem is not KeyFileProblem.MISSING:
            raise
    try:
        return KeyFileRead(create_key_file(path, random_bytes), created=True)
    except KeyFileError as clash:
        if clash.problem is not KeyFileProblem.EXISTS:
            raise
    return read_key_file(path)


def key_file_path(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> Path:
    """Where the key file goes on this computer (see the module's docstring for why)."""
    env = os.environ if env is None else env
    override = env.get(DATA_DIR_ENV)
    if override:
        data = Path(override).expanduser()
        return data.parent / f"{data.name}-key" / KEY_FILENAME
    if platform == "win32":
        roaming = env.get("APPDATA")
        folder = Path(roaming) if roaming else Path.home() / "AppData" / "Roaming"
        return folder / APP_NAME / KEY_FILENAME
    if platform == "darwin":
        return Path.home() / "Library" / "Application Support" / f"{APP_NAME}-key" / KEY_FILENAME
    location = QStandardPaths.StandardLocation.GenericConfigLocation
    return Path(QStandardPaths.writableLocation(location)) / APP_NAME / KEY_FILENAME


def create_key_file(path: Path, random_bytes: Callable[[int], bytes] = os.urandom) -> JournalKey:
    """A new random key, written to ``path`` all at once and never over an existing file.

    The file is created with mode 0600 from its first moment (``O_CREAT | O_EXCL``; a umask
    can only narrow that), written and synced under a temporary name, then linked into place,
    which fails rather than replace a key that is already there.
    """
    key = JournalKey.from_random(random_bytes(RAW_KEY_BYTES))
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    # os.urandom, not secrets: that imports hashlib, which maps OpenSSL (1.4 MB) into the tray.
    temporary = path.with_name(f".{path.name}.{os.urandom(8).hex()}.new")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temporary, flags, KEY_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(f"{key.secret}\n".encode("ascii"))
            handle.flush()
            os.fsync(handle.fileno())
        _put_in_place(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(path.parent)
    return key


def _put_in_place(temporary: Path, path: Path) -> None:
    try:
        if sys.platform == "win32":
            os.rename(temporary, path)  # Windows' rename never replaces an existing file
        else:
            os.link(temporary, path)
    except FileExistsError:
        raise KeyFileError(KeyFileProblem.EXISTS, path) from None


def _sync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_key_file(path: Path) -> KeyFileRead:
    """The key in ``path``; KeyFileError says what is wrong, and the file is never changed,
    except that a file others could read is narrowed to this account.

    Narrowed rather than refused: whoever could read it already could, refusing would only
    lock the agent out of their own journal, and Companion narrows its other files the same
    way at each start (``private_files``).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise KeyFileError(KeyFileProblem.MISSING, path) from None
    except OSError:
        raise KeyFileError(KeyFileProblem.UNREADABLE, path) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise KeyFileError(KeyFileProblem.UNREADABLE, path)
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise KeyFileError(KeyFileProblem.NOT_YOURS, path)
        key = _key_in(_read(fd, path), path)
        narrowed = _narrow(fd, info)
    finally:
        os.close(fd)
    return KeyFileRead(key, narrowed)


def _read(fd: int, path: Path) -> bytes:
    try:
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(_MAX_SIZE + 1)
    except OSError:
        raise KeyFileError(KeyFileProblem.UNREADABLE, path) from None


def _key_in(data: bytes, path: Path) -> JournalKey:
    if len(data) > _MAX_SIZE:
        raise KeyFileError(KeyFileProblem.NOT_A_KEY, path)
    try:
        return JournalKey.raw(data.decode("ascii"))
    except (UnicodeDecodeError, BadKey):
        raise KeyFileError(KeyFileProblem.NOT_A_KEY, path) from None


def _narrow(fd: int, info: os.stat_result) -> bool:
    mode = stat.S_IMODE(info.st_mode)
    if sys.platform == "win32" or not mode & _GROUP_AND_OTHERS:
        return False
    os.fchmod(fd, mode & ~_GROUP_AND_OTHERS)
    return True

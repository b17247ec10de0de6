"""“Delete all my data”: finds every file Companion made, removes them, and says what went.

Only names Companion itself creates are touched, so a data folder pointed somewhere shared
(``COMPANION_DATA_DIR``) loses nothing else; anything left over is reported, not deleted.
Beyond files: the journal's key in the keyring and Windows' Run value (``Elsewhere``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from companion.core.i18n import N_, _
from companion.system.autostart import RUN_KEY, RUN_VALUE, RunKeyAutostart, autostart_for
from companion.system.paths import APP_NAME
from companion.system.registry import Registry, windows_registry

log = logging.getLogger(__name__)

#: Names (globs) Companion creates in its data folder.
DATA_PATTERNS = (
    "journal.db",
    "journal.db-*",  # -wal, -shm, -journal
    "journal.*.db",  # set aside: journal.damaged-<time>.db
    "journal.*.db-*",
    "settings.json",
    ".settings-*",  # a settings save cut short
    "instance.lock",
    "instance.sock",
    "*.tmp",
    ".journal-check-*",  # a private copy the start-up check of the journal left (a kill)
    "backups.locked-*",  # a lost key's journal's copies, set aside with it (store.locked)
)
#: Folders that are Companion's entirely.
DATA_FOLDERS = ("backups", "logs")


KEYRING_ENTRY = N_("Your journal's key, in your account's keyring")
RUN_ENTRY = rf"HKEY_CURRENT_USER\{RUN_KEY}\{RUN_VALUE}"


@dataclass(frozen=True)
class Elsewhere:
    """Something Companion made that is not a file: ``remove`` returns why it could not go,
    or None once it is gone."""

    label: str
    remove: Callable[[], str | None]


@dataclass
class Removal:
    """What was removed, and anything in Companion's folders it did not create (left alone)."""

    removed: list[Path | str] = field(default_factory=list)
    left_alone: list[Path] = field(default_factory=list)
    failed: list[tuple[Path | str, str]] = field(default_factory=list)


def elsewhere(
    data_dir: Path,
    *,
    keyring: bool,
    platform: str = sys.platform,
    registry: Registry | None = None,
) -> list[Elsewhere]:
    """The keyring's entry (when the journal's key is kept there: asking a keyring that
    Companion never used could start one, with a prompt) and the HKCU Run value (Windows)."""
    found = []
    if keyring:
        found.append(Elsewhere(_(KEYRING_ENTRY), lambda: _forget_key(data_dir)))
    if platform == "win32":
        run = RunKeyAutostart(windows_registry() if registry is None else registry)
        if run.has_own_value():
            found.append(Elsewhere(RUN_ENTRY, lambda: _disable(run)))
    return found


def _forget_key(data_dir: Path) -> str | None:
    from companion.system.key_helper import KeychainStatus
    from companion.system.keychain import Keychain, account_for

    answer = Keychain(account_for(data_dir)).delete()
    if answer.ok or answer.status is KeychainStatus.ABSENT:
        return None
    return _(KEYRING_DID_NOT_ANSWER)


KEYRING_DID_NOT_ANSWER = N_("the keyring did not let Companion remove it")


def _disable(run: RunKeyAutostart) -> str | None:
    try:
        run.disable()
    except OSError as error:
        return error.strerror or str(error)
    return None


def companion_files(data_dir: Path, log_dir: Path) -> list[Path]:
    """The files and folders Companion made in its data and log folders (not autostart)."""
    found: list[Path] = []
    if data_dir.is_dir():
        for pattern in DATA_PATTERNS:
            found += sorted(p for p in data_dir.glob(pattern) if p not in found)
        found += [data_dir / name for name in DATA_FOLDERS if (data_dir / name).is_dir()]
    if log_dir.is_dir() and log_dir not in found:
        found.append(log_dir)
    return found


def files_to_remove(data_dir: Path, log_dir: Path, key_file: Path | None = None) -> list[Path]:
    """Every file and folder Companion made, for showing before asking: with ``key_file``,
    the journal's key file too (kept apart from the data, ``key_file.key_file_path``)."""
    found = companion_files(data_dir, log_dir)
    if key_file is not None and key_file.is_file():
        found.append(key_file)
    autostart = _autostart_file()
    if autostart is not None:
        found.append(autostart)
    return found


def remove_all(
    data_dir: Path,
    log_dir: Path,
    listed: Callable[[], list[Path]] | None = None,
    key_file: Path | None = None,
    others: Sequence[Elsewhere] = (),
) -> Removal:
    """Remove what ``files_to_remove`` lists, then the data folder itself if it is empty
    (and the key file's folder, when that is left empty), then ``others``."""
    result = Removal()
    for path in (listed or (lambda: files_to_remove(data_dir, log_dir, key_file)))():
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            result.failed.append((path, error.strerror or str(error)))
            continue
        result.removed.append(path)
    if data_dir.is_dir():
        with contextlib.suppress(OSError):
            os.rmdir(data_dir)  # only succeeds when nothing else is in it
        if data_dir.is_dir():
            result.left_alone = sorted(data_dir.iterdir())
        else:
            result.removed.append(data_dir)
    _remove_if_empty_and_ours(log_dir.parent, result)
    if key_file is not None and not key_file.exists():
        with contextlib.suppress(OSError):
            os.rmdir(key_file.parent)  # only succeeds when nothing else is in it
            result.removed.append(key_file.parent)
    for other in others:
        problem = other.remove()
        if problem is None:
            result.removed.append(other.label)
        else:
            result.failed.append((other.label, problem))
    log.info("removed %d of Companion's files and entries", len(result.removed))
    return result


def _remove_if_empty_and_ours(folder: Path, result: Removal) -> None:
    """On Linux the logs live in <state>/companion/log (``paths.log_dir``): that companion
    folder is ours too, and would be left empty. Anything else in it keeps it."""
    if folder.name != APP_NAME or not folder.is_dir():
        return
    try:
        os.rmdir(folder)
    except OSError:
        return
    result.removed.append(folder)


def describe(removal: Removal) -> str:
    """The agent's summary: what went, what could not go, what was never ours."""
    lines = [_("Removed:")] + [f"  {path}" for path in removal.removed]
    if not removal.removed:
        lines = [_("There was nothing of Companion's to remove.")]
    if removal.failed:
        lines += [_("Could not remove:")]
        # Translators: a file or entry that could not be removed, then why, in brackets.
        why_not = _("{path} ({reason})")
        lines += [f"  {why_not.format(path=p, reason=why)}" for p, why in removal.failed]
    if removal.left_alone:
        lines += [_("Left alone (not made by Companion):")]
        lines += [f"  {path}" for path in removal.left_alone]
    return "\n".join(lines)


def _autostart_file() -> Path | None:
    """The start-with-my-computer entry, where it is a file (not a registry value)."""
    path = getattr(autostart_for(), "path", None)
    return path if isinstance(path, Path) and path.is_file() else None

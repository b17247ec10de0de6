"""Finds and reads IT's policy: TOML files and their drop-ins, the Windows registry or a plist."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from companion.core.i18n import _
from companion.core.policy import Policy, PolicyProblem, policy_entries
from companion.core.policy_merge import MergedPolicy, PolicySource, merge_sources
from companion.system.policy_registry import registry_policies
from companion.system.policy_toml import key_lines, line_of
from companion.system.registry import Registry, windows_registry

log = logging.getLogger(__name__)

#: Points Companion at another policy: a TOML file, a plist (by its suffix), or a folder laid
#: out like /etc/companion (``policy.toml`` and ``policy.d/``). Tests use it.
POLICY_FILE_ENV = "COMPANION_POLICY_FILE"
LINUX_POLICY_FOLDER = Path("/etc/companion")
POLICY_NAME = "policy.toml"
#: Drop-ins: ``*.toml`` here, read in name order after ``policy.toml``, each winning over the
#: ones before it for the keys it names.
DROP_IN_FOLDER = "policy.d"
#: Configuration profiles land here: per user in ``<user>/``, for the whole computer at the top.
MAC_MANAGED_PREFERENCES = Path("/Library/Managed Preferences")
MAC_POLICY_DOMAIN = "com.companion.app"
MAC_POLICY_NAME = f"{MAC_POLICY_DOMAIN}.plist"
#: tomllib ends its messages with the place: "... (at line 3, column 7)".
_TOML_PLACE = re.compile(r"\s*\(at (line \d+, column \d+|end of document)\)$")


@dataclass(frozen=True)
class LoadedPolicy:
    """This computer's policy, with what was read, what is wrong and what to watch."""

    merged: MergedPolicy = field(default_factory=MergedPolicy)
    #: One sentence per problem, naming the file (and line) or registry key.
    problems: tuple[str, ...] = ()
    #: Every source that was read, in order: a later one wins for the same key.
    read: tuple[str, ...] = ()
    #: Files and folders whose change can change the policy (some may not exist yet).
    watch: tuple[Path, ...] = ()

    @property
    def policy(self) -> Policy:
        return self.merged.policy


def load_policy(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    registry: Registry | None = None,
) -> tuple[Policy, list[str]]:
    """This computer's policy and its problems (logged); no policy is ``Policy()`` and none."""
    loaded = read_policy(env, platform, registry)
    log_policy(loaded)
    return loaded.policy, list(loaded.problems)


def log_policy(loaded: LoadedPolicy) -> None:
    """Write where the policy came from and each problem to Companion's log."""
    for problem in loaded.problems:
        log.warning("%s", problem)
    if loaded.read:
        log.info("IT policy read from %s", ", ".join(loaded.read))


def read_policy(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    registry: Registry | None = None,
) -> LoadedPolicy:
    """Every source of this computer's policy, merged.

    A source that cannot be read or parsed is left out with a problem naming it; the other
    sources, and every usable part of a source with a bad value, still apply.
    """
    env = os.environ if env is None else env
    override = env.get(POLICY_FILE_ENV, "").strip()
    if override:
        path = Path(override)
        loaded = _folder(path) if path.is_dir() else _files([path], (path, path.parent))
    elif platform == "win32":
        loaded = _windows(env, registry)
    elif platform == "darwin":
        loaded = _files([mac_policy_file(env)], _mac_watch(env), label="profile ")
    else:
        loaded = _folder(LINUX_POLICY_FOLDER)
    return loaded


def read_policy_file(path: Path) -> tuple[Policy, list[str]]:
    """One TOML policy file, or a plist one when the name ends in ``.plist``."""
    loaded = _files([path], (path,))
    return loaded.policy, list(loaded.problems)


def policy_files(folder: Path) -> list[Path]:
    """``policy.toml``, then the drop-ins in name order (hidden files left out).

    Raises ``OSError`` when the drop-in folder is there but cannot be listed.
    """
    drop_ins = folder / DROP_IN_FOLDER
    try:
        names = sorted(
            entry.name
            for entry in drop_ins.iterdir()
            if entry.name.endswith(".toml") and not entry.name.startswith(".")
        )
    except FileNotFoundError:  # no drop-ins: the usual case
        names = []
    return [folder / POLICY_NAME, *(drop_ins / name for name in names)]


def mac_policy_file(env: Mapping[str, str]) -> Path:
    """The user's managed plist when a profile scoped to them is installed, else the computer's.

    The two are not merged: a user-scoped profile is the more specific decision.
    """
    mine = MAC_MANAGED_PREFERENCES / _user(env) / MAC_POLICY_NAME
    return mine if mine.exists() else MAC_MANAGED_PREFERENCES / MAC_POLICY_NAME


def _user(env: Mapping[str, str]) -> str:
    if user := env.get("USER", ""):
        return user
    import getpass

    return getpass.getuser()


def _mac_watch(env: Mapping[str, str]) -> tuple[Path, ...]:
    """Both profiles' files and folders: a user-scoped one may come or go."""
    user_folder = MAC_MANAGED_PREFERENCES / _user(env)
    computer = MAC_MANAGED_PREFERENCES / MAC_POLICY_NAME
    return (MAC_MANAGED_PREFERENCES, user_folder, user_folder / MAC_POLICY_NAME, computer)


def _folder(folder: Path) -> LoadedPolicy:
    watch = (folder, folder / DROP_IN_FOLDER)
    try:
        files = policy_files(folder)
    except OSError as error:
        main = _files([folder / POLICY_NAME], (*watch, folder / POLICY_NAME))
        problem = _(
            "IT policy, {folder}: the drop-in folder could not be read ({reason}); Companion "
            "leaves its files out until it is fixed."
        ).format(folder=folder / DROP_IN_FOLDER, reason=error.strerror or error)
        return replace(main, problems=(*main.problems, problem))
    return _files(files, (*watch, *files))


def _files(paths: list[Path], watch: tuple[Path, ...], label: str = "") -> LoadedPolicy:
    sources: list[PolicySource] = []
    problems: list[str] = []
    for path in paths:
        source = _file_source(path, problems, label)
        if source is not None:
            sources.append(source)
    return LoadedPolicy(
        merge_sources(sources), tuple(problems), tuple(s.where for s in sources), watch
    )


def _file_source(path: Path, problems: list[str], label: str = "") -> PolicySource | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        unreadable = _(
            "IT policy, {place}: the file could not be read ({reason}); Companion leaves this "
            "file out until it is fixed."
        )
        problems.append(
            _left_out(f"{label}{path}", None, unreadable, reason=error.strerror or error)
        )
        return None
    plist = path.suffix == ".plist"
    try:
        data, lines = _decode(raw, plist=plist)
    except _Damaged as damage:
        damaged = _(
            "IT policy, {place}: the file is damaged ({reason}); Companion leaves this file out "
            "until it is fixed."
        )
        problems.append(_left_out(f"{label}{path}", damage.line, damaged, reason=damage.reason))
        return None
    if not isinstance(data, dict):
        no_table = _(
            "IT policy, {place}: the file is damaged (it holds no table of keys); Companion "
            "leaves this file out until it is fixed."
        )
        problems.append(_left_out(f"{label}{path}", None, no_table))
        return None
    if plist:  # a profile's own bookkeeping, if it shows up beside the payload's keys
        data = {key: value for key, value in data.items() if not str(key).startswith("Payload")}
    entries, found = policy_entries(data)
    problems.extend(_located(f"{label}{path}", problem, lines) for problem in found)
    return PolicySource(f"{label}{path}", entries)


def _windows(env: Mapping[str, str], registry: Registry | None) -> LoadedPolicy:
    """Group Policy's registry keys (HKCU, then HKLM over it); without them, ProgramData."""
    program_data = env.get("PROGRAMDATA") or env.get("ProgramData") or r"C:\ProgramData"
    on_disk = _folder(Path(program_data) / "Companion")
    try:
        hives = registry_policies(windows_registry() if registry is None else registry)
    except OSError as error:
        problem = _(
            "IT policy: the registry could not be read ({reason}); Companion leaves it out."
        ).format(reason=error)
        return LoadedPolicy(problems=(problem,), watch=on_disk.watch)
    if not hives:
        return on_disk
    problems = [
        _located(where, problem, {}) for where, _entries, found in hives for problem in found
    ]
    sources = [PolicySource(where, entries) for where, entries, _found in hives]
    return LoadedPolicy(
        merge_sources(sources), tuple(problems), tuple(s.where for s in sources), on_disk.watch
    )


def _located(where: str, problem: PolicyProblem, lines: dict[str, int]) -> str:
    line = None if problem.key is None else line_of(lines, problem.key)
    # Translators: where in IT's policy a problem is: a file and the line in it.
    place = where if line is None else _("{file}, line {line}").format(file=where, line=line)
    # Translators: {problem} is one of the policy's problems, a sentence of its own.
    return _("IT policy, {place}: {problem}").format(place=place, problem=problem.text)


def _left_out(path: str, line: str | None, sentence: str, **values: object) -> str:
    """``sentence`` (translated) with ``{place}``: the file, and where in it the parser
    stopped (its own words, such as "at line 3, column 5")."""
    place = path if line is None else f"{path}, {line}"
    return sentence.format(place=place, **values)


class _Damaged(ValueError):
    def __init__(self, reason: str, line: str | None = None) -> None:
        super().__init__(reason)
        self.reason, self.line = reason, line


def _decode(raw: bytes, *, plist: bool) -> tuple[Any, dict[str, int]]:
    """TOML (with each key's line), or a plist (macOS); each parser loads only when a policy
    file is there (most computers have none: tomllib alone is 1.2 MB)."""
    if plist:
        return _decode_plist(raw), {}
    import tomllib

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _Damaged("it is not UTF-8 text", f"line {line}") from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        place = _TOML_PLACE.search(message)
        if place is None:
            raise _Damaged(message) from error
        raise _Damaged(message[: place.start()], place.group(1)) from error
    return data, key_lines(text)


def _decode_plist(raw: bytes) -> Any:
    import plistlib
    from xml.parsers.expat import ErrorString, ExpatError

    try:
        return plistlib.loads(raw)
    except ExpatError as error:
        place = f"line {error.lineno}, column {error.offset}"
        raise _Damaged(ErrorString(error.code), place) from error
    except ValueError as error:  # plistlib.InvalidFileException and friends
        raise _Damaged(str(error) or "not a property list") from error

"""Finds and reads IT's policy: a TOML file, the Windows registry or a managed plist."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from companion.core.policy import Policy, policy_from_mapping
from companion.system.registry import Registry, windows_registry

log = logging.getLogger(__name__)

#: Points Companion at another policy file (TOML, or a plist by its suffix): tests use it.
POLICY_FILE_ENV = "COMPANION_POLICY_FILE"
LINUX_POLICY_FILE = Path("/etc/companion/policy.toml")
#: Configuration profiles land here: per user in ``<user>/``, for the whole computer at the top.
MAC_MANAGED_PREFERENCES = Path("/Library/Managed Preferences")
MAC_POLICY_NAME = "com.companion.app.plist"
WINDOWS_POLICY_KEY = r"Software\Policies\Companion"
#: Registry subkeys holding the two tables; the key's own values are the top-level keys.
WINDOWS_TABLES = ("defaults", "locked")


def load_policy(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    registry: Registry | None = None,
) -> tuple[Policy, list[str]]:
    """This computer's policy and warnings; no policy at all is ``Policy()`` and no warnings.

    A policy that cannot be read or parsed is reported and ignored as a whole, so Companion
    runs on its built-in defaults rather than on half of what IT meant.
    """
    env = os.environ if env is None else env
    override = env.get(POLICY_FILE_ENV, "").strip()
    if override:
        return read_policy_file(Path(override))
    if platform == "win32":
        return _windows_policy(env, registry)
    if platform == "darwin":
        return read_policy_file(mac_policy_file(env))
    return read_policy_file(LINUX_POLICY_FILE)


def read_policy_file(path: Path) -> tuple[Policy, list[str]]:
    """A TOML policy file, or a plist one when the name ends in ``.plist``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Policy(), []
    except OSError as error:
        return _unusable(f"The IT policy file {path} could not be read ({error.strerror})")
    try:
        data: Any = _decode(raw, plist=path.suffix == ".plist")
    except ValueError as error:  # TOMLDecodeError, bad plist, not UTF-8
        return _unusable(f"The IT policy file {path} is damaged ({error})")
    if not isinstance(data, dict):
        return _unusable(f"The IT policy file {path} is damaged (it holds no table of keys)")
    log.info("IT policy read from %s", path)
    return policy_from_mapping(data)


def mac_policy_file(env: Mapping[str, str]) -> Path:
    """The user's managed plist when a profile scoped to them is installed, else the computer's.

    The two are not merged: a user-scoped profile is the more specific decision.
    """
    if not (user := env.get("USER", "")):
        import getpass

        user = getpass.getuser()
    mine = MAC_MANAGED_PREFERENCES / user / MAC_POLICY_NAME
    return mine if mine.exists() else MAC_MANAGED_PREFERENCES / MAC_POLICY_NAME


def _windows_policy(env: Mapping[str, str], registry: Registry | None) -> tuple[Policy, list[str]]:
    """Group Policy's registry key wins; without it, a file in ProgramData."""
    try:
        registry = windows_registry() if registry is None else registry
        data = _registry_policy(registry)
    except OSError as error:
        return _unusable(f"The IT policy in the registry could not be read ({error})")
    if data is not None:
        log.info("IT policy read from HKLM\\%s", WINDOWS_POLICY_KEY)
        return policy_from_mapping(data)
    program_data = env.get("PROGRAMDATA") or env.get("ProgramData") or r"C:\ProgramData"
    return read_policy_file(Path(program_data) / "Companion" / "policy.toml")


def _registry_policy(registry: Registry) -> dict[str, Any] | None:
    top = registry.values("HKLM", WINDOWS_POLICY_KEY)
    if top is None:
        return None
    # Registry names are case-insensitive; policy keys are lower case.
    data: dict[str, Any] = {name.lower(): value for name, value in top.items()}
    for table in WINDOWS_TABLES:
        values = registry.values("HKLM", f"{WINDOWS_POLICY_KEY}\\{table}")
        if values is not None:
            data[table] = {name.lower(): value for name, value in values.items()}
    return data


def _unusable(problem: str) -> tuple[Policy, list[str]]:
    return Policy(), [f"{problem}; Companion is using its built-in defaults."]


def _decode(raw: bytes, *, plist: bool) -> Any:
    """TOML, or a plist (macOS); each parser loads only when a policy file is there (most
    computers have none: tomllib alone is 1.2 MB), plistlib only for a plist."""
    if not plist:
        import tomllib

        return tomllib.loads(raw.decode("utf-8"))
    import plistlib
    from xml.parsers.expat import ExpatError

    try:
        return plistlib.loads(raw)
    except ExpatError as error:
        raise ValueError(str(error)) from error

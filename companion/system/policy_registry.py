"""IT's policy in the Windows registry: ``Software\\Policies\\Companion`` in HKCU, then HKLM.

Group Policy writes a computer's policy under HKLM and a user's under HKCU. Microsoft's
registry reference says "Typically, the entries in HKLM take precedence over the entries in
HKCU when both are configured" (learn.microsoft.com/previous-versions/windows/it-pro/
windows-2000-server/cc978722(v=technet.10)), so HKCU is read first and HKLM laid over it,
value by value: a value only the user's policy sets still applies.
"""

from __future__ import annotations

from typing import Any

from companion.core.policy import PolicyProblem, policy_entries
from companion.system.registry import Hive, Registry

WINDOWS_POLICY_KEY = r"Software\Policies\Companion"
#: Registry subkeys holding the two tables; the key's own values are the top-level keys.
WINDOWS_TABLES = ("defaults", "locked")
#: Read in this order: the later one wins for the same value.
HIVES: tuple[Hive, ...] = ("HKCU", "HKLM")


def registry_policies(
    registry: Registry,
) -> list[tuple[str, dict[str, Any], list[PolicyProblem]]]:
    """For each hive that has the key, in order: its name, usable entries and problems.

    Raises ``OSError`` when the registry cannot be read.
    """
    found = []
    for hive in HIVES:
        data = _hive_policy(registry, hive)
        if data is not None:
            entries, problems = policy_entries(data)
            found.append((f"{hive}\\{WINDOWS_POLICY_KEY}", entries, problems))
    return found


def _hive_policy(registry: Registry, hive: Hive) -> dict[str, Any] | None:
    top = registry.values(hive, WINDOWS_POLICY_KEY)
    if top is None:
        return None
    # Registry names are case-insensitive; policy keys are lower case.
    data: dict[str, Any] = {name.lower(): value for name, value in top.items()}
    for table in WINDOWS_TABLES:
        values = registry.values(hive, f"{WINDOWS_POLICY_KEY}\\{table}")
        if values is not None:
            data[table] = {name.lower(): value for name, value in values.items()}
    return data

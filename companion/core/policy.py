"""Admin policy: IT's defaults and locks laid over the agent's settings; never the journal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from companion.core.settings import Settings, settings_from_mapping

#: The only settings a policy may set or lock. An allowlist, not "every setting but ...": a
#: setting added later stays out of IT's reach until someone decides it belongs here. Nothing
#: that reads, exports or sends the journal may ever be added (a test checks the names).
POLICY_SETTINGS = frozenset(
    {"pattern_key", "break_seconds", "mood_check", "reduced_motion", "autostart"}
)
#: Top-level keys of a policy; anything else is ignored with a warning.
POLICY_KEYS = frozenset({"defaults", "locked", "eap_contact", "force_autostart"})
MAX_CONTACT_LENGTH = 200

_BOOL_SETTINGS = frozenset(f.name for f in fields(Settings) if "bool" in str(f.type))


@dataclass(frozen=True)
class Policy:
    """What IT decided. Empty (the default) means no policy: the agent decides everything."""

    defaults: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: Values IT enforces; their names are the settings shown as locked.
    locked_values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    eap_contact: str | None = None
    force_autostart: bool = False

    @property
    def locked(self) -> frozenset[str]:
        names = set(self.locked_values)
        if self.force_autostart:
            names.add("autostart")
        return frozenset(names)


def policy_from_mapping(data: Mapping[str, Any]) -> tuple[Policy, list[str]]:
    """A policy from parsed data (TOML, plist or registry), keeping every usable part.

    Unknown keys and unusable values are ignored, each with a warning for the log and for the
    agent, so one typo never takes the rest of IT's policy with it.
    """
    warnings = [
        f"IT policy: “{name}” is not a policy key Companion knows; it is ignored."
        for name in data
        if name not in POLICY_KEYS
    ]
    defaults = _settings_table(data.get("defaults", {}), "defaults", warnings)
    locked = _settings_table(data.get("locked", {}), "locked", warnings)
    contact = _contact(data.get("eap_contact"), warnings)
    force = _loosen_bool(data.get("force_autostart", False))
    if not isinstance(force, bool):
        warnings.append("IT policy: “force_autostart” should be true or false; it is ignored.")
        force = False
    policy = Policy(
        defaults=MappingProxyType(defaults),
        locked_values=MappingProxyType(locked),
        eap_contact=contact,
        force_autostart=force,
    )
    return policy, warnings


def apply_policy(
    user: Mapping[str, Any], policy: Policy
) -> tuple[Settings, frozenset[str], list[str]]:
    """Built-in defaults < IT defaults < the agent's settings < IT locks.

    Locks are applied before the agent's values so that a lock always holds, even when an
    agent's value would clash with it; the agent's value for a locked setting is ignored.
    Returns the settings, the names of the locked ones and warnings about the agent's values.
    """
    locked_values = dict(policy.locked_values)
    if policy.force_autostart:
        locked_values["autostart"] = True
    base, _ = settings_from_mapping(policy.defaults)
    base, _ = settings_from_mapping(locked_values, base)
    own = {name: value for name, value in user.items() if name not in policy.locked}
    settings, warnings = settings_from_mapping(own, base)
    return settings, policy.locked, warnings


def _settings_table(table: Any, section: str, warnings: list[str]) -> dict[str, Any]:
    if not isinstance(table, Mapping):
        warnings.append(f"IT policy: “{section}” should be a table of settings; it is ignored.")
        return {}
    usable: dict[str, Any] = {}
    for name, raw in table.items():
        if name not in POLICY_SETTINGS:
            warnings.append(
                f"IT policy: “{section}.{name}” is not a setting a policy may set; it is ignored."
            )
            continue
        value = _loosen(str(name), raw)
        _, problems = settings_from_mapping({name: value})
        if problems:
            warnings.append(f"IT policy: “{section}.{name}” has an unusable value; it is ignored.")
            continue
        usable[name] = value
    return usable


def _loosen(name: str, value: Any) -> Any:
    return _loosen_bool(value) if name in _BOOL_SETTINGS else value


def _loosen_bool(value: Any) -> Any:
    """The Windows registry has no booleans: a DWORD 0 or 1 stands for false or true."""
    if type(value) is int and value in (0, 1):
        return bool(value)
    return value


def _contact(value: Any, warnings: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        warnings.append("IT policy: “eap_contact” should be text; it is ignored.")
        return None
    text = " ".join(value.split())
    if len(text) > MAX_CONTACT_LENGTH:
        warnings.append(
            f"IT policy: “eap_contact” is longer than {MAX_CONTACT_LENGTH} characters; "
            "it is ignored."
        )
        return None
    return text or None

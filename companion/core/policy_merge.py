"""Several policy sources laid one over the other, and where each effective value came from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

from companion.core.policy import POLICY_SETTINGS, Policy, apply_policy, policy_from_entries
from companion.core.policy_values import flatten, layer
from companion.core.settings import Settings, settings_to_mapping

#: Top-level keys that are not settings, in the order people read them.
TOP_LEVEL_KEYS = (
    "eap_contact",
    "limits_text",
    "phone_hint",
    "force_autostart",
    "journal_encryption",
)


@dataclass(frozen=True)
class PolicySource:
    """What one place says: a file, a registry hive's key or a managed profile."""

    #: Where it is, as an administrator would find it (a path, ``HKLM\\Software\\...``).
    where: str
    #: Its usable parts, as ``companion.core.policy.policy_entries`` gives them.
    entries: Mapping[str, Any]


@dataclass(frozen=True)
class MergedPolicy:
    """The policy of every source, later sources winning part by part."""

    policy: Policy = field(default_factory=Policy)
    #: For each entry (``locked.break_seconds``), the source whose value won.
    origins: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def merge_sources(sources: Sequence[PolicySource]) -> MergedPolicy:
    """Lay ``sources`` in order: for the same entry, the later source's value wins.

    An entry a later source does not mention keeps the earlier value, so a drop-in file
    changes only what it names.
    """
    entries: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for source in sources:
        for key, value in source.entries.items():
            entries[key] = value
            origins[key] = source.where
    return MergedPolicy(policy_from_entries(entries), MappingProxyType(origins))


class Origin(Enum):
    """Which layer an effective value comes from."""

    BUILT_IN = "built-in default"
    POLICY_DEFAULT = "IT default"
    USER = "the agent's own settings"
    LOCKED = "locked by IT"
    POLICY = "IT policy"


@dataclass(frozen=True)
class EffectiveValue:
    """One line of ``companion policy``: a key, its value now, and where that came from."""

    key: str
    value: Any
    origin: Origin
    #: The policy source, for values IT set.
    where: str | None = None


def effective_values(user: Mapping[str, Any], merged: MergedPolicy) -> list[EffectiveValue]:
    """Every policy key and setting with its effective value and origin.

    ``user`` is the agent's settings file as loaded. Built-in defaults < IT defaults < the
    agent's settings < IT locks, as ``apply_policy`` lays them; an agent's value that cannot be
    used is not counted as theirs.
    """
    policy, origins = merged.policy, merged.origins
    top = {
        "eap_contact": policy.eap_contact,
        "limits_text": policy.limits_text,
        "phone_hint": policy.phone_hint,
        "force_autostart": policy.force_autostart,
        "journal_encryption": policy.journal_encryption.value,
    }
    rows = [
        EffectiveValue(key, top[key], Origin.POLICY, origins[key])
        if key in origins
        else EffectiveValue(key, top[key], Origin.BUILT_IN)
        for key in TOP_LEVEL_KEYS
    ]
    settings, locked, _ = apply_policy(user, policy)
    values = flatten(settings_to_mapping(settings))
    under_user, _ = layer(Settings(), {**policy.defaults, **policy.locked_values})
    own = flatten(user)
    for name in values:  # in the settings' own order
        if name not in POLICY_SETTINGS:
            continue
        value = values[name]
        if name in locked:
            where = origins.get(f"locked.{name}") or origins.get("force_autostart")
            rows.append(EffectiveValue(name, value, Origin.LOCKED, where))
        elif name in own and not layer(under_user, {name: own[name]})[1]:
            rows.append(EffectiveValue(name, value, Origin.USER))
        elif f"defaults.{name}" in origins:
            rows.append(
                EffectiveValue(name, value, Origin.POLICY_DEFAULT, origins[f"defaults.{name}"])
            )
        else:
            rows.append(EffectiveValue(name, value, Origin.BUILT_IN))
    return rows

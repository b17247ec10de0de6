"""Settings as flat, dotted names (``reminders.shift_end``), so layers can be laid part by part."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import time
from typing import Any

from companion.core.settings import Settings, settings_from_mapping, settings_to_mapping

_DEFAULTS = Settings()
#: Settings that are sections of their own, such as ``reminders``.
SECTIONS = frozenset(f.name for f in fields(Settings) if is_dataclass(getattr(_DEFAULTS, f.name)))


def flatten(data: Mapping[Any, Any]) -> dict[str, Any]:
    """``{"reminders": {"sound": True}}`` becomes ``{"reminders.sound": True}``."""
    flat: dict[str, Any] = {}
    for name, value in data.items():
        if name in SECTIONS and isinstance(value, Mapping):
            flat.update({f"{name}.{part}": inner for part, inner in value.items()})
        else:
            flat[str(name)] = value
    return flat


def nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`flatten`: dotted names back into their sections."""
    nested: dict[str, Any] = {}
    for name, value in flat.items():
        section, dot, part = name.partition(".")
        if dot and section in SECTIONS:
            nested.setdefault(section, {})[part] = value
        else:
            nested[name] = value
    return nested


def layer(base: Settings, flat: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Lay dotted values over ``base``; a section's parts merge into ``base``'s section.

    A value that cannot be used leaves ``base``'s value (for a section: the whole section) in
    place, with a warning.
    """
    nested: dict[str, Any] = {}
    base_mapping = settings_to_mapping(base)
    for name, value in flat.items():
        section, dot, part = name.partition(".")
        if not dot:
            nested[name] = value
        elif section in SECTIONS:
            nested.setdefault(section, dict(base_mapping[section]))[part] = value
    return settings_from_mapping(nested, base)


def loosen(name: str, value: Any) -> Any:
    """Accept the shapes other formats give: the registry has no booleans or lists, TOML has times.

    A DWORD 0/1 stands for false/true; a TOML time or a "09:00" string for a time; "0,1,2" or
    a REG_MULTI_SZ list of digits for a list of numbers. Anything else is passed on as is, to
    be judged by the settings themselves.
    """
    default = _default_of(name)
    if isinstance(default, bool) or default is None:
        return bool(value) if type(value) is int and value in (0, 1) else value
    if isinstance(default, time) and isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(default, tuple):
        parts = value.split(",") if isinstance(value, str) else value
        if isinstance(parts, list) and all(
            isinstance(p, str) and p.strip().isdigit() for p in parts
        ):
            return [int(p) for p in parts]
        return parts
    return value


def _default_of(name: str) -> Any:
    value: Any = _DEFAULTS
    for part in name.split("."):
        value = getattr(value, part, None)
    return value

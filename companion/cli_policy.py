"""`companion policy`: every policy key, its value now and where it comes from."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, TextIO

from companion.core.policy_merge import EffectiveValue, Origin, effective_values

#: Words for "no value" where the setting's own meaning says what happens then.
_NONE = {
    "autostart": "(as installed)",
    "reduced_motion": "(follows the desktop)",
    "eap_contact": "(none)",
}
_NO_POLICY = "No IT policy on this computer: every value is built in or the agent's own."


def print_policy(out: TextIO | None = None) -> int:
    """Print the effective policy; 0 when every source was usable, 1 when something was not
    (the problems are listed; the rest applies as shown)."""
    out = sys.stdout if out is None else out
    from companion.system import paths
    from companion.system.policy_file import read_policy
    from companion.system.settings_file import load_settings_mapping

    # The problems are printed below; the log's copy would only repeat them on stderr.
    logging.getLogger("companion").addHandler(logging.NullHandler())
    loaded = read_policy()
    settings_file = paths.settings_path(paths.data_dir())
    user, _ = load_settings_mapping(settings_file)
    if loaded.read:
        print("IT policy read from (a later one wins for the same key):", file=out)
        print("".join(f"  {where}\n" for where in loaded.read), file=out)
    else:
        print(_NO_POLICY + "\n", file=out)
    if loaded.problems:
        print("Left out (everything else applies):", file=out)
        print("".join(f"  {problem}\n" for problem in loaded.problems), file=out)
    rows = effective_values(user, loaded.merged)
    width = max(len(row.key) for row in rows) + 2
    values = [_value(row) for row in rows]
    value_width = min(max(len(value) for value in values), 40) + 2
    print(f"{'Key':<{width}}{'Value':<{value_width}}From", file=out)
    for row, value in zip(rows, values, strict=True):
        cell = value.ljust(value_width - 2) + "  "  # a long value still leaves a gap
        print(f"{row.key:<{width}}{cell}{_origin(row, settings_file)}", file=out)
    return 1 if loaded.problems else 0


def _value(row: EffectiveValue) -> str:
    if row.value is None:
        return _NONE.get(row.key, "(none)")
    return _toml(row.value)


def _toml(value: Any) -> str:
    """Written as in a policy file: true, 90, "box", [0, 1, 2]."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _origin(row: EffectiveValue, settings_file: object) -> str:
    if row.origin is Origin.USER:
        return f"user ({settings_file})"
    if row.origin is Origin.BUILT_IN:
        return "default"
    if row.origin is Origin.LOCKED:
        return f"locked: {row.where}"
    if row.origin is Origin.POLICY_DEFAULT:
        return f"IT default: {row.where}"
    return f"{row.where}"

"""`companion policy`: every policy key, its value now and where it comes from."""

from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # loaded when the command runs, not for every --help
    import argparse

    from companion.core.policy_merge import EffectiveValue

#: Words for "no value" where the setting's own meaning says what happens then.
_NONE = {
    "autostart": "(as installed)",
    "reduced_motion": "(follows the desktop)",
    "eap_contact": "(none)",
    "limits_text": "(Companion's own sentence)",
    "phone_hint": "(none)",
}
_NO_POLICY = "No IT policy on this computer: every value is built in or the agent's own."


def add_policy_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``companion policy [--report PATH]``."""
    policy = commands.add_parser(
        "policy",
        help=(
            "show IT's policy: every key, its value now and where it comes from "
            "(works without Companion running)"
        ),
    )
    policy.add_argument(
        "--report",
        dest="policy_report",
        metavar="PATH",
        help="also write it to PATH (the Windows build has no console)",
    )


def print_policy(report: Path | None = None, out: TextIO | None = None) -> int:
    """Print the effective policy (and write it to ``report``); 0 when every source was
    usable, 1 when something was not (the problems are listed; the rest applies as shown)."""
    text = io.StringIO()
    problems = _write_policy(text)
    print(text.getvalue(), end="", file=sys.stdout if out is None else out)
    if report is not None:
        try:
            report.write_text(text.getvalue(), encoding="utf-8")
        except OSError as error:
            print(f"Companion could not write {report}: {error.strerror}", file=sys.stderr)
            return 1
    return 1 if problems else 0


def _write_policy(out: TextIO) -> bool:
    """The report; True when some part of the policy was left out."""
    from companion.core.policy_merge import effective_values
    from companion.system import paths
    from companion.system.policy_file import read_policy
    from companion.system.settings_file import load_settings_mapping

    # The report says everything; no log line (a damaged settings file, say) goes to stderr.
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
    return bool(loaded.problems)


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
    from companion.core.policy_merge import Origin

    if row.origin is Origin.USER:
        return f"user ({settings_file})"
    if row.origin is Origin.BUILT_IN:
        return "default"
    if row.origin is Origin.LOCKED:
        return f"locked: {row.where}"
    if row.origin is Origin.POLICY_DEFAULT:
        return f"IT default: {row.where}"
    return f"{row.where}"

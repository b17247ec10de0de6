"""`companion policy`: every policy key, its value now and where it comes from."""

from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from companion.core.i18n import N_, _, pgettext

if TYPE_CHECKING:  # loaded when the command runs, not for every --help
    import argparse

    from companion.core.policy_merge import EffectiveValue

#: Words for "no value" where the setting's own meaning says what happens then.
#: Marked with N_ and translated where printed: companion.cli imports this module before the
#: language is installed.
_NONE = {
    "autostart": N_("(as installed)"),
    "reduced_motion": N_("(follows the desktop)"),
    "language": N_("(follows the desktop)"),
    "eap_contact": N_("(none)"),
    "limits_text": N_("(Companion's own sentence)"),
    "phone_hint": N_("(none)"),
}
_NO_POLICY = N_("No IT policy on this computer: every value is built in or the agent's own.")


def add_policy_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``companion policy [--report PATH]``."""
    policy = commands.add_parser(
        "policy",
        help=_(
            "show IT's policy: every key, its value now and where it comes from "
            "(works without Companion running)"
        ),
    )
    policy.add_argument(
        "--report",
        dest="policy_report",
        metavar="PATH",
        help=_("also write it to PATH (the Windows build has no console)"),
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
            print(
                _("Companion could not write {path}: {reason}").format(
                    path=report, reason=error.strerror
                ),
                file=sys.stderr,
            )
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
    user, _warnings = load_settings_mapping(settings_file)
    if loaded.read:
        print(_("IT policy read from (a later one wins for the same key):"), file=out)
        print("".join(f"  {where}\n" for where in loaded.read), file=out)
    else:
        print(_(_NO_POLICY) + "\n", file=out)
    if loaded.problems:
        print(_("Left out (everything else applies):"), file=out)
        print("".join(f"  {problem}\n" for problem in loaded.problems), file=out)
    rows = effective_values(user, loaded.merged)
    width = max(len(row.key) for row in rows) + 2
    values = [_value(row) for row in rows]
    value_width = min(max(len(value) for value in values), 40) + 2
    # Translators: the headings of `companion policy`'s table, one word each.
    key, value_heading, source = (
        pgettext("policy table", "Key"),
        pgettext("policy table", "Value"),
        pgettext("policy table", "From"),
    )
    print(f"{key:<{width}}{value_heading:<{value_width}}{source}", file=out)
    for row, value in zip(rows, values, strict=True):
        cell = value.ljust(value_width - 2) + "  "  # a long value still leaves a gap
        print(f"{row.key:<{width}}{cell}{_origin(row, settings_file)}", file=out)
    return bool(loaded.problems)


def _value(row: EffectiveValue) -> str:
    if row.value is None:
        return _(_NONE.get(row.key, "(none)"))
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
        return _("user ({file})").format(file=settings_file)
    if row.origin is Origin.BUILT_IN:
        return pgettext("policy table", "default")
    if row.origin is Origin.LOCKED:
        return _("locked: {where}").format(where=row.where)
    if row.origin is Origin.POLICY_DEFAULT:
        return _("IT default: {where}").format(where=row.where)
    return f"{row.where}"

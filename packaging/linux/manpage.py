"""Writes the companion(1) man page (troff) from the command line's own argparse parser.

    python packaging/linux/manpage.py VERSION DATE > companion.1

The page says what `companion --help` and each `companion COMMAND --help` say, so it cannot drift
from the program. argparse has no public API to walk its options, hence the ``_actions`` reads.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from companion.cli import build_parser

SUMMARY = "break-and-recovery companion for support agents"


def roff(text: str) -> str:
    """``text`` safe for troff: backslashes and hyphens escaped, no line opening a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line[:1] in ".'" else line for line in text.splitlines())


def option_items(parser: argparse.ArgumentParser) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        if action.option_strings:
            metavar = "" if action.nargs == 0 else f" {action.metavar or action.dest.upper()}"
            shown = (f"\\fB{roff(name)}\\fR{roff(metavar)}" for name in action.option_strings)
            names = ", ".join(shown)
        else:
            names = f"\\fI{roff(str(action.metavar or action.dest))}\\fR"
        text = (action.help or "") % {"prog": parser.prog, "default": action.default}
        yield f".TP\n{names}\n{roff(text)}"


def commands(parser: argparse.ArgumentParser) -> Iterator[str]:
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for name, sub in action.choices.items():
            usage = " ".join(sub.format_usage().removeprefix("usage: ").split())
            yield f'.SS "{roff(usage)}"\n{roff(helps.get(name, ""))}'
            yield from option_items(sub)


def page(version: str, date: str) -> str:
    parser = build_parser()
    usage = " ".join(parser.format_usage().removeprefix("usage: ").split())
    parts = [
        f'.TH COMPANION 1 "{date}" "Companion {roff(version)}" "User Commands"',
        f".SH NAME\ncompanion \\- {roff(SUMMARY)}",
        f".SH SYNOPSIS\n{roff(usage)}",
        f".SH DESCRIPTION\n{roff(parser.description or '')}",
        ".SH OPTIONS",
        *option_items(parser),
        ".SH COMMANDS",
        *commands(parser),
        ".SH SEE ALSO\n/usr/share/doc/companion/deploying.md",
    ]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(page(sys.argv[1], sys.argv[2]))

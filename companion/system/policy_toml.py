"""Where a key sits in a TOML policy file, so a problem can name its line.

tomllib gives values, not positions. This reads the lines the way a person does: table headers
(``[defaults.reminders]``) and ``name = value`` lines, dotted and quoted names included. Good
enough to point at a line; when a key is not found (inside an inline table, say) the line of
the nearest enclosing key is used, else none.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_ASSIGNMENT = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_PART = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")


def key_lines(text: str) -> dict[str, int]:
    """Each dotted key (``defaults.reminders.sound``) and table to the line (from 1) where it
    first appears."""
    found: dict[str, int] = {}
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _parts(header.group(1))
            found.setdefault(".".join(table), number)
            continue
        assignment = _ASSIGNMENT.match(line)
        if assignment:
            found.setdefault(".".join([*table, *_parts(assignment.group(1))]), number)
    return found


def line_of(lines: dict[str, int], key: str) -> int | None:
    """The line of ``key``, else of the nearest key that holds it."""
    parts = key.split(".")
    while parts:
        number = lines.get(".".join(parts))
        if number is not None:
            return number
        parts.pop()
    return None


def _parts(dotted: str) -> list[str]:
    return [part.strip("\"'") for part in _PART.findall(dotted)]

"""Journal export: its two formats, the file name offered, and what an export reports back.

An export happens only when the agent asks for one; policy can never start or enable it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from companion.core import formatting
from companion.core.i18n import ngettext


class ExportFormat(enum.Enum):
    """Markdown to read; JSON Lines (one object per entry, every field) for other tools."""

    MARKDOWN = "md"
    JSON_LINES = "jsonl"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


class ExportFailed(Exception):
    """The export file could not be written; ``str()`` is a message for the agent."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    entries: int
    size_bytes: int

    def summary(self) -> str:
        """“Exported 123 entries to /home/sam/Documents/companion-journal-2026-11-25.md”."""
        return ngettext(
            "Exported {count} entry to {path}", "Exported {count} entries to {path}", self.entries
        ).format(count=formatting.number(self.entries), path=self.path)


def format_of(path: Path) -> ExportFormat | None:
    """The format a file name asks for by its extension (any case), or None."""
    for fmt in ExportFormat:
        if path.suffix.lower() == fmt.suffix:
            return fmt
    return None


def export_target(path: Path, chosen: ExportFormat) -> tuple[Path, ExportFormat]:
    """The file and format for a name typed into a save dialog with ``chosen`` selected.

    A name ending in .md or .jsonl decides the format; a name with no extension gets the
    chosen format's (some file dialogs do not add it); any other name is kept as typed.
    """
    named = format_of(path)
    if named is not None:
        return path, named
    if not path.suffix:
        return path.with_name(path.name + chosen.suffix), chosen
    return path, chosen


def default_file_name(today: date, fmt: ExportFormat = ExportFormat.MARKDOWN) -> str:
    return f"companion-journal-{today.isoformat()}{fmt.suffix}"

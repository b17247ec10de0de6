"""Export of calls, breaks (with moods) and callbacks as CSV or JSON, beside the journal export.

Like the journal export it happens only when the agent asks. CSV is one table per file, so
"all" as CSV is three files named after the one chosen (``…-calls.csv``, ``…-breaks.csv``,
``…-callbacks.csv``); JSON is one document holding every list asked for.

A spreadsheet treats a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) as a formula. The agent's own text (notes, case references, what a callback is for)
gets a leading apostrophe in CSV when it starts so, which spreadsheets show as text; JSON
keeps every text exactly as stored.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from companion.core import formatting
from companion.core.i18n import _, ngettext

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class RecordKind(enum.Enum):
    CALLS = "calls"
    BREAKS = "breaks"
    CALLBACKS = "callbacks"
    ALL = "all"

    @property
    def tables(self) -> tuple[RecordKind, ...]:
        """The single kinds this one stands for."""
        if self is RecordKind.ALL:
            return (RecordKind.CALLS, RecordKind.BREAKS, RecordKind.CALLBACKS)
        return (self,)


class RecordFormat(enum.Enum):
    CSV = "csv"
    JSON = "json"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


@dataclass(frozen=True)
class RecordsResult:
    """What was written: each file, and how many rows of each kind."""

    paths: tuple[Path, ...]
    rows: tuple[tuple[RecordKind, int], ...]

    def summary(self) -> str:
        """“Exported 12 calls, 30 breaks and 4 callbacks to /home/sam/Documents/….json”."""
        counted = [_counted(count, kind) for kind, count in self.rows]
        if len(counted) == 1:
            said = counted[0]
        else:
            # Translators: the last two of a list: "12 calls, 30 breaks and 4 callbacks".
            said = _("{first} and {last}").format(first=", ".join(counted[:-1]), last=counted[-1])
        where = ", ".join(str(path) for path in self.paths)
        # Translators: {what} is "12 calls, 30 breaks and 4 callbacks"; {where} the file(s).
        return _("Exported {what} to {where}").format(what=said, where=where)


def _counted(count: int, kind: RecordKind) -> str:
    said = (
        ngettext("{count} call", "{count} calls", count)
        if kind is RecordKind.CALLS
        else ngettext("{count} break", "{count} breaks", count)
        if kind is RecordKind.BREAKS
        else ngettext("{count} callback", "{count} callbacks", count)
    )
    return said.format(count=formatting.number(count))


def record_format_of(path: Path) -> RecordFormat | None:
    """The format a file name asks for by its extension (any case), or None."""
    for fmt in RecordFormat:
        if path.suffix.lower() == fmt.suffix:
            return fmt
    return None


def record_targets(path: Path, what: RecordKind, fmt: RecordFormat) -> list[Path]:
    """The files to write: ``path`` itself, or for "all" as CSV one per kind beside it."""
    if not path.suffix:
        path = path.with_name(path.name + fmt.suffix)
    if fmt is RecordFormat.JSON or what is not RecordKind.ALL:
        return [path]
    return [path.with_name(f"{path.stem}-{kind.value}{path.suffix}") for kind in what.tables]


def default_records_name(today: date, what: RecordKind, fmt: RecordFormat) -> str:
    return f"companion-{what.value}-{today.isoformat()}{fmt.suffix}"


def spreadsheet_safe(text: str) -> str:
    """``text``, with a leading apostrophe if a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text

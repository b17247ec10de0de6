"""The two export formats, written row by row from the export query's plain tuples.

JSON Lines keeps every field exactly as stored (times as ISO 8601 with their offset), one
object per line after a header line, so any text round-trips. Markdown is for reading: a
heading per entry with its local date and time, the call it is about, moods and tags, then
the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, Generic, TextIO, TypeVar

from companion.core.calendar_words import DAYS, MONTHS
from companion.core.calls import Reason
from companion.core.moods import Mood
from companion.store.columns import enum_or_none, tags_from_text

#: One export query row: id, created_at, updated_at, body, tags, call_id, mood, prompt,
#: the call's tagged_at, reason and intensity, the mood before its first break and after
#: its last.
Row = tuple[Any, ...]
T = TypeVar("T")

FORMAT_NAME = "companion-journal"
FORMAT_VERSION = 1
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
#: JSON leaves these unescaped, but str.splitlines() (and JavaScript before ES2019) would
#: break a line at them; escaped, every reader sees one object per line.
_LINE_BREAKERS = ("\u2028", "\u2029", "\x85")
#: Invisible in a text, and an escape sequence could drive a terminal showing the file;
#: Markdown drops them (JSON Lines keeps every character).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A line of the entry that would otherwise become a heading of the export's outline.
_HEADING_START = re.compile(r"^([ \t]{0,3})#", re.MULTILINE)
_MOOD_TEXTS = {int(mood): f"{mood.face} {mood.label}" for mood in Mood}


def write_json_lines(out: TextIO, rows: Iterable[Row], total: int, now: datetime) -> int:
    header = {
        "export": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": now.isoformat(),
        "entries": total,
        "order": "oldest first",
    }
    out.write(_ENCODE(header) + "\n")
    write = out.write
    tag_lists = _Memo(lambda text: list(tags_from_text(text)))
    count = 0
    for entry_id, created, updated, body, tags, call_id, mood, prompt, *call in rows:
        record = {
            "id": entry_id,
            "created_at": created,
            "updated_at": updated,
            "body": body,
            "tags": tag_lists(tags),
            "mood": mood,
            "prompt": prompt,
            "call_id": call_id,
            "call": None if call[0] is None else _call_record(*call),
        }
        line = _ENCODE(record)
        if "\u2028" in line or "\u2029" in line or "\x85" in line:  # see _LINE_BREAKERS
            line = _escape_line_breakers(line)
        write(line + "\n")
        count += 1
    return count


def _call_record(
    tagged_at: str, reason: Any, intensity: Any, mood_before: Any, mood_after: Any
) -> dict[str, Any]:
    return {
        "tagged_at": tagged_at,
        "reason": reason,
        "intensity": intensity,
        "mood_before_break": mood_before,
        "mood_after_break": mood_after,
    }


def _escape_line_breakers(line: str) -> str:
    for breaker in _LINE_BREAKERS:
        line = line.replace(breaker, f"\\u{ord(breaker):04x}")
    return line


def write_markdown(out: TextIO, rows: Iterable[Row], total: int, now: datetime) -> int:
    entries = "1 entry" if total == 1 else f"{total:,} entries"
    out.write(
        "# Companion journal\n\n"
        f"Exported {long_date(now.astimezone())} · {entries}, oldest first.\n\n"
        "This file holds your private journal, written here because you asked. "
        "Keep it somewhere only you can read.\n"
    )
    write = out.write
    tag_lines = _Memo(_tags_line)
    count = 0
    for row in rows:
        write(_markdown_entry(row, tag_lines))
        count += 1
    return count


def _markdown_entry(row: Row, tag_lines: Callable[[Any], str]) -> str:
    _id, created, updated, body, tags, _call_id, mood, prompt, tagged_at, *call = row
    when = _local(created)
    lines = ["\n---\n\n## ", long_date(when), "\n\n"]
    if tagged_at is not None:
        lines += ["- Call: ", _call_line(when, tagged_at, *call), "\n"]
        moods = _break_moods(call[2], call[3])
        if moods:
            lines += ["- Mood around the break: ", moods, "\n"]
    face = _mood_text(mood)
    if face:
        lines += ["- Mood when writing: ", face, "\n"]
    tags_line = tag_lines(tags)
    if tags_line:
        lines += ["- Tags: ", tags_line, "\n"]
    if prompt:
        lines += ["- Question: ", _plain(prompt).replace("\n", " "), "\n"]
    if updated != created:
        edited = _local(updated)
        if (edited - when).total_seconds() >= 60:
            lines += ["- Edited: ", long_date(edited), "\n"]
    if len(lines) > 3:
        lines.append("\n")
    lines += [_body_text(body), "\n"]
    return "".join(lines)


def _call_line(when: datetime, tagged_at: str, reason: Any, intensity: Any, *_: Any) -> str:
    known = enum_or_none(Reason, reason)
    parts = [known.label if known is not None else "Reason not given"]
    if isinstance(intensity, int):
        parts.append(f"intensity {intensity} of 5")
    tagged = _local(tagged_at)
    if tagged.date() == when.date():
        parts.append(f"tagged at {tagged.hour:02d}:{tagged.minute:02d}")
    else:
        parts.append(f"tagged {long_date(tagged)}")
    return " · ".join(parts)


def _break_moods(before: Any, after: Any) -> str:
    before_text, after_text = _mood_text(before), _mood_text(after)
    if before_text and after_text:
        return f"{before_text} before, {after_text} after"
    if before_text:
        return f"{before_text} before"
    return f"{after_text} after" if after_text else ""


def _mood_text(value: Any) -> str:
    """'🙂 Calm' for a stored mood; '' for none, or one this version doesn't know."""
    return _MOOD_TEXTS.get(value, "") if isinstance(value, int) else ""


def _body_text(body: str) -> str:
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(body):
        body = _CONTROL.sub("", body)
    if "#" in body:
        body = _HEADING_START.sub(r"\1\\#", body)
    return body.rstrip("\n") or "(empty entry)"


def _tags_line(text: Any) -> str:
    return _plain(", ".join(tags_from_text(text)))


class _Memo(Generic[T]):
    """Each distinct stored tag list parsed once per export: most entries share a few, and
    parsing every row's JSON was a third of the Markdown export's time."""

    def __init__(self, make: Callable[[Any], T]) -> None:
        self._make = make
        self._seen: dict[Any, T] = {}

    def __call__(self, text: Any) -> T:
        try:
            return self._seen[text]
        except KeyError:
            made = self._seen[text] = self._make(text)
            return made


def _plain(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r", " "))


def _local(text: str) -> datetime:
    """A stored time in this computer's time zone (one without an offset is local already)."""
    return datetime.fromisoformat(text).astimezone()


def long_date(moment: datetime) -> str:
    """“Tuesday 24 November 2026, 10:41”, in fixed English like the rest of Companion."""
    day, month = DAYS[moment.weekday()], MONTHS[moment.month - 1]
    # Not strftime: at 100,000 entries it cost half a second of the export.
    return f"{day} {moment.day} {month} {moment.year}, {moment.hour:02d}:{moment.minute:02d}"

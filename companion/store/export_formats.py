"""The two export formats, written row by row from the export query's plain tuples.

JSON Lines keeps every field exactly as stored (times as ISO 8601 with their offset), one
object per line after a header line, so any text round-trips. Markdown is for reading: a
heading per entry with its local date and time, the call it is about, moods and tags, then
the text, all in the agent's language (JSON Lines' keys and values stay as stored: data).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime, time
from typing import Any, Generic, TextIO, TypeVar

from companion.core import formatting
from companion.core.calls import MAX_INTENSITY, Reason
from companion.core.i18n import _, ngettext
from companion.core.moods import mood_or_none
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
    entries = ngettext("{count} entry", "{count} entries", total).format(
        count=formatting.number(total)
    )
    out.write(
        "# "
        + _("Companion journal")
        + "\n\n"
        # Translators: the export's first line: "Exported Tuesday, November 24, 2026, 10:41 AM
        # · 12 entries, oldest first."
        + _("Exported {when} · {entries}, oldest first.").format(
            when=long_date(now.astimezone()), entries=entries
        )
        + "\n\n"
        + _(
            "This file holds your private journal, written here because you asked. "
            "Keep it somewhere only you can read."
        )
        + "\n"
    )
    write = out.write
    tag_lines = _Memo(_tags_line)
    words = _Words()
    count = 0
    for row in rows:
        write(_markdown_entry(row, tag_lines, words))
        count += 1
    return count


class _Words:
    """The entry lines' words and dates for one export: translated once, and each day and
    each minute formatted once (Babel takes tens of microseconds a date, and an export may
    hold 100,000 entries)."""

    def __init__(self) -> None:
        self.call = _("Call: {call}")
        self.around = _("Mood around the break: {moods}")
        self.writing = _("Mood when writing: {mood}")
        self.tags = _("Tags: {tags}")
        self.question = _("Question: {question}")
        self.edited = _("Edited: {when}")
        self.no_reason = _("Reason not given")
        self.intensity = _("intensity {intensity} of {highest}")
        self.tagged_at = _("tagged at {time}")
        # Translators: a call tagged on another day than its entry: "tagged Tuesday, December 1
        # at 2:05 PM" ({day} written out, then a time; inside a sentence).
        self.tagged_on = _("tagged {day} at {time}")
        # Translators: moods as faces and words: "🙁 Low before, 🙂 Calm after".
        self.both = _("{before} before, {after} after")
        self.before = _("{before} before")
        self.after = _("{after} after")
        # Translators: a day and a time: "Tuesday, December 1, 2:05 PM".
        self.day_time = _("{day}, {time}")
        self.mood: _Memo[str] = _Memo(_mood_text)
        self.reason: _Memo[str | None] = _Memo(_reason_text)
        self._days: _Memo[str] = _Memo(formatting.full_date)
        self._times: _Memo[str] = _Memo(
            lambda minutes: formatting.time_of_day(time(minutes // 60, minutes % 60))
        )

    def long_date(self, moment: datetime) -> str:
        """What the module's ``long_date`` says, each day and minute formatted once."""
        return self.day_time.format(day=self._days(moment.date()), time=self.clock(moment))

    def day(self, moment: datetime) -> str:
        return self._days(moment.date())

    def clock(self, moment: datetime) -> str:
        return self._times(moment.hour * 60 + moment.minute)


def _markdown_entry(row: Row, tag_lines: Callable[[Any], str], words: _Words) -> str:
    _id, created, updated, body, tags, _call_id, mood, prompt, tagged_at, *call = row
    when = _local(created)
    lines = ["\n---\n\n## ", words.long_date(when), "\n\n"]
    if tagged_at is not None:
        said = _call_line(words, when, tagged_at, *call)
        lines += ["- ", words.call.format(call=said), "\n"]
        moods = _break_moods(words, call[2], call[3])
        if moods:
            lines += ["- ", words.around.format(moods=moods), "\n"]
    face = words.mood(mood)
    if face:
        lines += ["- ", words.writing.format(mood=face), "\n"]
    tags_line = tag_lines(tags)
    if tags_line:
        lines += ["- ", words.tags.format(tags=tags_line), "\n"]
    if prompt:
        question = _plain(prompt).replace("\n", " ")
        lines += ["- ", words.question.format(question=question), "\n"]
    if updated != created:
        edited = _local(updated)
        if (edited - when).total_seconds() >= 60:
            lines += ["- ", words.edited.format(when=words.long_date(edited)), "\n"]
    if len(lines) > 3:
        lines.append("\n")
    lines += [_body_text(body), "\n"]
    return "".join(lines)


def _call_line(
    words: _Words, when: datetime, tagged_at: str, reason: Any, intensity: Any, *_rest: Any
) -> str:
    parts = [words.reason(reason) or words.no_reason]
    if isinstance(intensity, int):
        parts.append(words.intensity.format(intensity=intensity, highest=MAX_INTENSITY))
    tagged = _local(tagged_at)
    if tagged.date() == when.date():
        parts.append(words.tagged_at.format(time=words.clock(tagged)))
    else:
        parts.append(words.tagged_on.format(day=words.day(tagged), time=words.clock(tagged)))
    return " · ".join(parts)


def _break_moods(words: _Words, before: Any, after: Any) -> str:
    before_text, after_text = words.mood(before), words.mood(after)
    if before_text and after_text:
        return words.both.format(before=before_text, after=after_text)
    if before_text:
        return words.before.format(before=before_text)
    return words.after.format(after=after_text) if after_text else ""


def _mood_text(value: Any) -> str:
    """'🙂 Calm' for a stored mood; '' for none, or one this version doesn't know."""
    known = mood_or_none(value) if isinstance(value, int) else None
    return f"{known.face} {known.label}" if known is not None else ""


def _reason_text(value: Any) -> str | None:
    known = enum_or_none(Reason, value)
    return None if known is None else known.label


def _body_text(body: str) -> str:
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(body):
        body = _CONTROL.sub("", body)
    if "#" in body:
        body = _HEADING_START.sub(r"\1\\#", body)
    return body.rstrip("\n") or _("(empty entry)")


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
    """ "Tuesday, November 24, 2026, 10:41 AM", as the agent's language and region write it."""
    # Translators: a day and a time: "Tuesday, December 1, 2:05 PM".
    return _("{day}, {time}").format(
        day=formatting.full_date(moment.date()), time=formatting.time_of_day(moment)
    )

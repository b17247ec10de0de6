"""Journal entries, drafts and the reflection prompts offered after a hard call."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from companion.core import formatting
from companion.core.calls import Reason
from companion.core.i18n import _, ngettext
from companion.core.moods import Mood

MAX_TAGS = 20
MAX_TAG_LENGTH = 40
#: Generous: a journal entry is prose, but a runaway paste should not fill the disk.
MAX_BODY_CHARS = 1_000_000

#: Gentle questions from support-practice debriefs; one is offered, never required.
#: Translated at import: this module is first imported after the language is installed.
REFLECTION_PROMPTS: tuple[str, ...] = (
    _("What part of that call was in your control, and what wasn't?"),
    _("What did you do well on that call, even if it didn't end well?"),
    _("What will you let go of before the next call?"),
    _("What do you need right now: a drink of water, a word with someone, a minute outside?"),
    _("If a colleague had taken that call, what would you tell them afterwards?"),
    _("What did the caller's words say about their day, not about you?"),
)


@dataclass(frozen=True)
class JournalEntry:
    """A private entry. ``call_id`` links it to a tagged call when it was written about one."""

    body: str
    created_at: datetime
    updated_at: datetime
    tags: tuple[str, ...] = ()
    call_id: int | None = None
    mood: Mood | None = None
    prompt: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class JournalListItem:
    """One row of the journal list: the entry plus the reason of its linked call, if any."""

    entry: JournalEntry
    call_reason: Reason | None = None
    call_tagged_at: datetime | None = None


@dataclass(frozen=True)
class Draft:
    """Unsaved editor text, kept as it is typed so that a crash or kill loses nothing.

    ``key`` names what the editor was doing: ``"new"``, ``"entry:<id>"`` or ``"call:<id>"``.
    """

    key: str
    body: str
    saved_at: datetime
    tags: tuple[str, ...] = field(default=())
    call_id: int | None = None
    entry_id: int | None = None
    prompt: str | None = None
    mood: Mood | None = None


def draft_key(*, entry_id: int | None = None, call_id: int | None = None) -> str:
    if entry_id is not None:
        return f"entry:{entry_id}"
    if call_id is not None:
        return f"call:{call_id}"
    return "new"


def prompt_for(seed: int) -> str:
    """A prompt chosen by ``seed`` (e.g. the call id) so the same call keeps the same prompt."""
    return REFLECTION_PROMPTS[seed % len(REFLECTION_PROMPTS)]


_TAG_SPLIT = re.compile(r"[,\s]+")


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags from what the agent typed: split on commas and spaces, '#' optional, no repeats."""
    seen: dict[str, None] = {}
    for raw in _TAG_SPLIT.split(text):
        printable = "".join(ch for ch in raw if ch.isprintable())
        tag = printable.strip().lstrip("#").strip().casefold()
        if tag:
            seen.setdefault(tag[:MAX_TAG_LENGTH], None)
    return tuple(seen)[:MAX_TAGS]


def format_tags(tags: tuple[str, ...]) -> str:
    return ", ".join(tags)


def title_of(body: str, max_length: int = 80) -> str:
    """The first non-empty line, shortened, for the journal list."""
    for line in body.splitlines():
        text = line.strip()
        if text:
            return text if len(text) <= max_length else text[: max_length - 1].rstrip() + "…"
    return _("(empty entry)")


def check_body(body: str) -> str:
    """Refuse a body the journal cannot keep well; the message is for the agent."""
    if len(body) > MAX_BODY_CHARS:
        raise ValueError(
            ngettext(
                "This entry is longer than {count} character; please split it in two.",
                "This entry is longer than {count} characters; please split it in two.",
                MAX_BODY_CHARS,
            ).format(count=formatting.number(MAX_BODY_CHARS))
        )
    return body

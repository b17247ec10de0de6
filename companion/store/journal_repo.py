"""Journal entries in SQLite, with full-text search that forgives whatever the agent types."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from companion.core.calls import Reason
from companion.core.journal import JournalEntry, JournalListItem
from companion.core.journal_export import ExportFormat, ExportResult
from companion.core.moods import mood_or_none
from companion.store.calls_repo import existing_call_id
from companion.store.columns import (
    enum_or_none,
    int_or_none,
    storable,
    storable_or_none,
    tags_from_text,
    tags_to_text,
    to_moment,
    to_moment_or_none,
    to_text,
)
from companion.store.connection import Connection
from companion.store.database import fetch_all, fetch_one, storage_errors

#: A pasted paragraph is not a search; the first words are plenty and keep the query cheap.
MAX_SEARCH_WORDS = 16
#: Letters typed past a stem that still find it ("appointmen" -> "appoint").
STEM_SLACK = 3
#: Shorter cuts than this would match unrelated short words.
MIN_STEM_LENGTH = 4
_LIST_COLUMNS = """
    j.id, j.created_at, j.updated_at, j.body, j.tags, j.call_id, j.mood, j.prompt,
    c.reason AS call_reason, c.tagged_at AS call_tagged_at
"""
_NEWEST_FIRST = "ORDER BY julianday(j.created_at) DESC, j.id DESC"
#: Well under SQLite's smallest limit on parameters in one statement (999 before 3.32).
_IDS_PER_QUERY = 500
#: The newest ``limit`` matches, ranked; see ``search``.
_SEARCH = f"""
    WITH shown AS (
        SELECT rowid AS id FROM journal_fts
        WHERE journal_fts MATCH ? ORDER BY rowid DESC LIMIT ?
    )
    SELECT {_LIST_COLUMNS} FROM shown
    JOIN journal AS j ON j.id = shown.id
    LEFT JOIN calls AS c ON c.id = j.call_id
    {_NEWEST_FIRST}
"""
_UPSERT = """
    INSERT INTO journal (id, created_at, updated_at, body, tags, call_id, mood, prompt)
    VALUES (:id, :created_at, :updated_at, :body, :tags, :call_id, :mood, :prompt)
    ON CONFLICT (id) DO UPDATE SET
        created_at = excluded.created_at, updated_at = excluded.updated_at,
        body = excluded.body, tags = excluded.tags, call_id = excluded.call_id,
        mood = excluded.mood, prompt = excluded.prompt
"""


class SqliteJournalRepository:
    def __init__(self, db: Connection) -> None:
        self._db = db

    def save(self, entry: JournalEntry) -> JournalEntry:
        """Insert (``id`` None) or update an entry; returns it with its id.

        An entry deleted while it was open in the editor is written back under its id rather
        than silently dropped: the agent pressed Save, so the words are kept.
        """
        with storage_errors(), self._db.atomic():
            entry = replace(entry, call_id=existing_call_id(self._db, entry.call_id))
            cursor = self._db.execute(_UPSERT, _values(entry))
        if entry.id is None:
            entry = replace(entry, id=cursor.lastrowid)
        return entry

    def get(self, entry_id: int) -> JournalEntry | None:
        with storage_errors():
            row = fetch_one(self._db, "SELECT * FROM journal WHERE id = ?", [entry_id])
        return None if row is None else _entry_from_row(row)

    def delete(self, entry_id: int) -> None:
        with storage_errors(), self._db.atomic():
            self._db.execute("DELETE FROM journal WHERE id = ?", [entry_id])

    def recent(self, limit: int = 200) -> list[JournalListItem]:
        """Newest first, each with the reason and time of the call it is about."""
        with storage_errors():
            rows = fetch_all(
                self._db,
                f"SELECT {_LIST_COLUMNS} FROM journal AS j"
                f" LEFT JOIN calls AS c ON c.id = j.call_id {_NEWEST_FIRST} LIMIT ?",
                [limit],
            )
        return [_item_from_row(row) for row in rows]

    def search(self, query: str, limit: int = 200) -> list[JournalListItem]:
        """The newest ``limit`` entries holding every word, newest first, like the journal list.

        Newest first rather than best first (bm25), deliberately: a journal is searched for
        "that call last week", the order stays put while the agent types instead of reshuffling
        with each letter, and it is what makes search instant at any size. FTS5 walks the
        matches from the newest rowid down and stops after ``limit``; the word being typed is
        looked up in the prefix index (m007). bm25 cost about 3 ms per common word at 100,000
        entries just to count the entries holding it (bench/journal_scale.py), which put
        two-word searches at 16 ms p95. No searchable words lists the recent entries.
        """
        expression = match_expression(query)
        if expression is None:
            return self.recent(limit)
        with storage_errors():
            rows = fetch_all(self._db, _SEARCH, [expression, limit])
        return [_item_from_row(row) for row in rows]

    def about_calls(self, call_ids: Collection[int]) -> list[JournalEntry]:
        """The entries about these calls, oldest first; ``idx_journal_call_id`` finds them.

        Asked in slices: SQLite caps the number of ``?`` in one statement.
        """
        wanted = sorted(set(call_ids))
        rows: list[dict[str, Any]] = []
        with storage_errors():
            for at in range(0, len(wanted), _IDS_PER_QUERY):
                part = wanted[at : at + _IDS_PER_QUERY]
                marks = ", ".join("?" * len(part))
                rows += fetch_all(
                    self._db, f"SELECT * FROM journal WHERE call_id IN ({marks})", part
                )
        entries = [_entry_from_row(row) for row in rows]
        return sorted(entries, key=lambda entry: (entry.created_at, entry.id or 0))

    def export(self, path: Path, fmt: ExportFormat, now: datetime) -> ExportResult:
        """Every entry to ``path`` (see companion.store.export), only when the agent asks."""
        from companion.store.export import export_journal  # the writers load when asked

        return export_journal(self._db.conn, path, fmt, now)


def match_expression(text: str) -> str | None:
    """An FTS5 query that finds entries containing every word, the last one as a prefix.

    Each word becomes a quoted phrase (inner quotes doubled), so FTS5 syntax the agent
    might type -- quotes, brackets, ``*``, ``NEAR``, ``OR``, ``AND`` -- is only ever text
    and the query cannot fail to parse. The last word matches as a prefix so the list
    follows along while the agent is still typing it. None when nothing is searchable.
    """
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    words = [word for word in printable.split() if any(ch.isalnum() for ch in word)]
    if not words:
        return None
    words = words[:MAX_SEARCH_WORDS]
    phrases = [_quoted(word) for word in words[:-1]]
    phrases.append(_being_typed(words[-1]))
    return " AND ".join(phrases)


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _being_typed(word: str) -> str:
    """The last word as a prefix, or as the stem it is on its way past.

    The index holds stems ("appointment" is kept as "appoint"), so "appointm", half-way
    through typing, starts no stem and would empty the list for a few letters. The word
    shortened by up to STEM_SLACK letters, as whole terms, catches the stem it has passed.
    """
    alternatives = [_quoted(word) + "*"]
    for cut in range(1, STEM_SLACK + 1):
        if len(word) - cut >= MIN_STEM_LENGTH:
            alternatives.append(_quoted(word[:-cut]))
    if len(alternatives) == 1:
        return alternatives[0]
    return "(" + " OR ".join(alternatives) + ")"


def _values(entry: JournalEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "created_at": to_text(entry.created_at),
        "updated_at": to_text(entry.updated_at),
        "body": storable(entry.body),
        "tags": tags_to_text(entry.tags),
        "call_id": entry.call_id,
        "mood": None if entry.mood is None else int(entry.mood),
        "prompt": storable_or_none(entry.prompt),
    }


def _entry_from_row(row: dict[str, Any]) -> JournalEntry:
    return JournalEntry(
        id=row["id"],
        body=row["body"],
        created_at=to_moment(row["created_at"]),
        updated_at=to_moment(row["updated_at"]),
        tags=tags_from_text(row["tags"]),
        call_id=int_or_none(row["call_id"]),
        mood=mood_or_none(int_or_none(row["mood"])),
        prompt=row["prompt"],
    )


def _item_from_row(row: dict[str, Any]) -> JournalListItem:
    return JournalListItem(
        entry=_entry_from_row(row),
        call_reason=enum_or_none(Reason, row["call_reason"]),
        call_tagged_at=to_moment_or_none(row["call_tagged_at"]),
    )

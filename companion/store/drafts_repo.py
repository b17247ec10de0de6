"""Editor drafts in SQLite, saved as the agent types so a crash or a forced quit loses nothing."""

from __future__ import annotations

from typing import Any

from companion.core.journal import Draft
from companion.core.moods import mood_or_none
from companion.store.columns import (
    int_or_none,
    storable,
    storable_or_none,
    tags_from_text,
    tags_to_text,
    to_moment,
    to_text,
)
from companion.store.connection import Connection
from companion.store.database import fetch_all, fetch_one, storage_errors

_UPSERT = """
    INSERT INTO drafts (key, body, tags, call_id, entry_id, prompt, saved_at, mood)
    VALUES (:key, :body, :tags, :call_id, :entry_id, :prompt, :saved_at, :mood)
    ON CONFLICT (key) DO UPDATE SET
        body = excluded.body, tags = excluded.tags, call_id = excluded.call_id,
        entry_id = excluded.entry_id, prompt = excluded.prompt, saved_at = excluded.saved_at,
        mood = excluded.mood
"""


class SqliteDraftStore:
    def __init__(self, db: Connection) -> None:
        self._db = db

    def save_draft(self, draft: Draft) -> None:
        """One draft per key: each save replaces the last."""
        with storage_errors(), self._db.atomic():
            self._db.execute(_UPSERT, _values(draft))

    def load_draft(self, key: str) -> Draft | None:
        with storage_errors():
            row = fetch_one(self._db, "SELECT * FROM drafts WHERE key = ?", [key])
        return None if row is None else _draft_from_row(row)

    def discard_draft(self, key: str) -> None:
        with storage_errors(), self._db.atomic():
            self._db.execute("DELETE FROM drafts WHERE key = ?", [key])

    def all_drafts(self) -> list[Draft]:
        """Most recently saved first, for offering them back after a restart."""
        with storage_errors():
            rows = fetch_all(
                self._db, "SELECT * FROM drafts ORDER BY julianday(saved_at) DESC, key"
            )
        return [_draft_from_row(row) for row in rows]


def _values(draft: Draft) -> dict[str, Any]:
    return {
        "key": draft.key,
        "body": storable(draft.body),
        "tags": tags_to_text(draft.tags),
        "call_id": draft.call_id,
        "entry_id": draft.entry_id,
        "prompt": storable_or_none(draft.prompt),
        "saved_at": to_text(draft.saved_at),
        "mood": None if draft.mood is None else int(draft.mood),
    }


def _draft_from_row(row: dict[str, Any]) -> Draft:
    return Draft(
        key=row["key"],
        body=row["body"],
        saved_at=to_moment(row["saved_at"]),
        tags=tags_from_text(row["tags"]),
        call_id=int_or_none(row["call_id"]),
        entry_id=int_or_none(row["entry_id"]),
        prompt=row["prompt"],
        mood=mood_or_none(int_or_none(row["mood"])),
    )

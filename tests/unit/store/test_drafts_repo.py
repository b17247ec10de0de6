"""Drafts: one per editor key, replaced on every save, gone once discarded."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from companion.core.journal import Draft, draft_key
from companion.core.moods import Mood
from companion.store.connection import Connection
from companion.store.database import open_database
from companion.store.drafts_repo import SqliteDraftStore
from tests.fakes import T0


def test_a_draft_round_trips_with_every_field(memory_db: Connection) -> None:
    drafts = SqliteDraftStore(memory_db)
    draft = Draft(
        key=draft_key(call_id=3),
        body="Half a thought…",
        saved_at=T0,
        tags=("angry", "café"),
        call_id=3,
        prompt="What will you let go of?",
        mood=Mood.CALM,
    )

    drafts.save_draft(draft)

    assert drafts.load_draft("call:3") == draft
    assert drafts.load_draft("new") is None


def test_saving_the_same_key_replaces_the_draft(memory_db: Connection) -> None:
    drafts = SqliteDraftStore(memory_db)
    drafts.save_draft(Draft(key="entry:7", body="first", saved_at=T0, entry_id=7))
    newer = Draft(key="entry:7", body="first, then more", saved_at=T0 + timedelta(seconds=2))

    drafts.save_draft(newer)

    assert drafts.all_drafts() == [newer]


def test_discard_removes_only_that_draft_and_is_quiet_when_gone(memory_db: Connection) -> None:
    drafts = SqliteDraftStore(memory_db)
    keep = Draft(key="new", body="keep me", saved_at=T0)
    drafts.save_draft(keep)
    drafts.save_draft(Draft(key="call:1", body="drop me", saved_at=T0))

    drafts.discard_draft("call:1")
    drafts.discard_draft("call:1")

    assert drafts.all_drafts() == [keep]


def test_all_drafts_lists_the_most_recently_saved_first(memory_db: Connection) -> None:
    drafts = SqliteDraftStore(memory_db)
    older = Draft(key="new", body="a", saved_at=T0)
    newer = Draft(key="call:2", body="b", saved_at=T0 + timedelta(minutes=5))
    drafts.save_draft(older)
    drafts.save_draft(newer)

    assert drafts.all_drafts() == [newer, older]


def test_a_draft_survives_a_crash_without_close(db_path: Path) -> None:
    first = open_database(db_path)
    draft = Draft(key="new", body="typed just before the crash", saved_at=T0)
    SqliteDraftStore(first).save_draft(draft)

    # A second connection sees only what was committed, as a restart after a crash would.
    second = open_database(db_path)

    assert SqliteDraftStore(second).load_draft("new") == draft
    second.close()
    first.close()

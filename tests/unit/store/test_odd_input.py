"""Whatever the agent types or pastes is kept as typed, or refused with words; never a crash."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from companion.core.calls import DifficultCall
from companion.core.journal import MAX_BODY_CHARS, Draft, JournalEntry, check_body, parse_tags
from companion.store.calls_repo import SqliteCallRepository
from companion.store.columns import storable
from companion.store.connection import Connection
from companion.store.database import open_memory_database
from companion.store.drafts_repo import SqliteDraftStore
from companion.store.journal_repo import SqliteJournalRepository
from tests.fakes import T0

#: Every code point, lone surrogates included (JSON "\ud800" or a broken paste can carry one:
#: Python holds them, UTF-8 and so SQLite can't, and ``storable`` replaces them).
ANY_CHAR = st.characters(exclude_categories=())
PIECES = [
    "😤", "👩🏽‍💻", "🏳️‍🌈", "\u202e", "\u200f", "\u2067", "שלום", "مرحبا", "e\u0301", "\u0300\u0336",
    "\u200d", "\ufeff", "\u2028", "\x00", "\x1b[31m", "\x7f", "\r\n", "\t", "'", '"', "\ud800",
    "\udfff", "NEAR(", '"*', "\uffff", "\U0010ffff",
]  # fmt: skip
PIECE = st.sampled_from(PIECES) | st.text(ANY_CHAR, min_size=1, max_size=8)
#: Mostly short and odd; often a few hundred characters of mixed scripts and marks; now and
#: then a long paste (one piece repeated into tens of thousands of characters).
ODD_TEXT = st.one_of(
    st.text(ANY_CHAR),
    st.lists(PIECE, min_size=20, max_size=300).map("".join),
    st.builds(lambda piece, times: piece * times, PIECE, st.integers(500, 12_000)),
)
EXAMPLES = 200


@pytest.fixture(scope="module")
def shared_db() -> Iterator[Connection]:
    db = open_memory_database()
    yield db
    db.close()


def test_storable_only_changes_what_utf8_cannot_hold() -> None:
    assert storable("café 😤 \u202e\x00") == "café 😤 \u202e\x00"
    assert storable("a\ud800b") == "a\ufffdb"
    assert storable("\ud83d\ude00") == "😀"  # a surrogate pair written as two code points


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=ODD_TEXT, tags=ODD_TEXT, prompt=st.none() | ODD_TEXT)
@example(body="lone \ud800 surrogate", tags="x\udfff", prompt="\ud83d")
def test_any_journal_text_is_kept_as_typed(
    shared_db: Connection, body: str, tags: str, prompt: str | None
) -> None:
    repo = SqliteJournalRepository(shared_db)
    entry = JournalEntry(
        body=body, created_at=T0, updated_at=T0, tags=parse_tags(tags), prompt=prompt
    )
    saved = repo.save(entry)
    got = repo.get(saved.id or 0)
    assert got is not None
    assert got.body == storable(body)
    assert got.tags == tuple(storable(t) for t in parse_tags(tags))
    assert got.prompt == (None if prompt is None else storable(prompt))
    repo.search(body[:50])


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=ODD_TEXT, key=st.sampled_from(["new", "call:1", "entry:7"]))
@example(body="lone \udc00", key="new")
def test_any_draft_text_comes_back(shared_db: Connection, body: str, key: str) -> None:
    drafts = SqliteDraftStore(shared_db)
    drafts.save_draft(Draft(key=key, body=body, saved_at=T0))
    got = drafts.load_draft(key)
    assert got is not None and got.body == storable(body)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case_ref=st.none() | ODD_TEXT, note=st.none() | ODD_TEXT)
@example(case_ref="CS-\ud800", note="note \udfff")
def test_any_case_reference_and_note_are_cleaned_then_kept(
    shared_db: Connection, case_ref: str | None, note: str | None
) -> None:
    calls = SqliteCallRepository(shared_db)
    call = DifficultCall(tagged_at=T0).with_details(case_ref=case_ref, note=note)
    stored = calls.add(call)
    got = calls.get(stored.id or 0)
    assert got is not None
    assert (got.case_ref, got.note) == (call.case_ref, call.note)
    if got.case_ref is not None:
        assert got.case_ref.isprintable() and len(got.case_ref) <= 80


def test_a_one_megabyte_entry_is_kept_searchable_and_a_bigger_one_refused() -> None:
    db = open_memory_database()
    repo = SqliteJournalRepository(db)
    body = ("Ünïcødé 😤 שלום needle " * 50_000)[:MAX_BODY_CHARS]
    assert len(body) == 1_000_000
    saved = repo.save(JournalEntry(body=check_body(body), created_at=T0, updated_at=T0))
    assert (repo.get(saved.id or 0) or saved).body == body
    assert [item.entry.id for item in repo.search("needle")] == [saved.id]
    SqliteDraftStore(db).save_draft(Draft(key="new", body=body, saved_at=T0))
    with pytest.raises(ValueError, match="split it in two"):
        check_body(body + "!")
    db.close()

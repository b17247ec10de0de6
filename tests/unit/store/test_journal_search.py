"""Full-text search over the journal: words, tags, stems, and never an error for odd text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core.journal import JournalEntry, JournalListItem
from companion.store.connection import Connection
from companion.store.database import open_memory_database
from companion.store.journal_repo import SqliteJournalRepository, match_expression
from tests.fakes import T0

FTS_SYNTAX = [
    '"',
    '""',
    "'",
    "NEAR(",
    "NEAR(a b)",
    "*",
    "a*",
    "*a",
    "a OR",
    "OR",
    "AND",
    "NOT",
    "a AND",
    "AND a",
    "(",
    ")",
    "()",
    "a:b",
    "body:",
    "tags:x",
    "^",
    "^a",
    "-a",
    "+",
    "{body}: x",
    "a NOT",
    "\\",
    "%",
    "_",
    ";",
    "--",
    "/*",
    "\x00",
    "a\x00b",
    "\u200b",
    "\ud800x",
]


@pytest.fixture
def journal(memory_db: Connection) -> SqliteJournalRepository:
    repo = SqliteJournalRepository(memory_db)
    texts = [
        ("The customer shouted at me for ten minutes.", ("angry",)),
        ("Quiet afternoon; a thank-you from a caller at the café.", ("grateful",)),
        ("Escalated to a manager. Shouting again, later.", ("escalated", "angry")),
        ("Nothing about that here.", ("misc",)),
    ]
    for minutes, (body, tags) in enumerate(texts):
        moment = T0 + timedelta(minutes=minutes)
        repo.save(JournalEntry(body=body, created_at=moment, updated_at=moment, tags=tags))
    return repo


def bodies(items: list[JournalListItem]) -> list[str]:
    """The first word of each entry, enough to tell the fixture's entries apart."""
    return [item.entry.body.split()[0] for item in items]


def test_every_word_must_be_found(journal: SqliteJournalRepository) -> None:
    assert bodies(journal.search("customer minutes")) == ["The"]
    assert journal.search("customer manager") == []


def test_the_last_word_matches_as_it_is_being_typed(journal: SqliteJournalRepository) -> None:
    assert bodies(journal.search("cust")) == ["The"]
    assert bodies(journal.search("thank-y")) == ["Quiet"]


def test_every_prefix_of_a_word_finds_it(memory_db: Connection) -> None:
    """Prefixes of 1 to 8 characters come from the prefix index, longer ones from the terms."""
    repo = SqliteJournalRepository(memory_db)
    repo.save(JournalEntry(body="Asked my supervisor.", created_at=T0, updated_at=T0))
    repo.save(JournalEntry(body="Nothing here.", created_at=T0, updated_at=T0))

    for length in range(1, len("supervisor") + 1):
        assert bodies(repo.search("Asked " + "supervisor"[:length])) == ["Asked"]


def test_only_the_newest_matches_are_shown_newest_first(memory_db: Connection) -> None:
    """A list of ``limit`` rows shows the newest ``limit`` matches, newest at the top."""
    repo = SqliteJournalRepository(memory_db)
    texts = ["Tired, tired, tired.", "Tired once.", "Tired again, later that day."]
    for minutes, body in enumerate(texts):
        moment = T0 + timedelta(minutes=minutes)
        repo.save(JournalEntry(body=body, created_at=moment, updated_at=moment))

    assert [item.entry.body for item in repo.search("tired")] == texts[::-1]
    assert [item.entry.body for item in repo.search("tired", limit=2)] == texts[:0:-1]


def test_stems_find_other_forms_of_a_word(journal: SqliteJournalRepository) -> None:
    assert sorted(bodies(journal.search("shouting"))) == ["Escalated", "The"]
    assert bodies(journal.search("escalate manager")) == ["Escalated"]


def test_case_and_accents_do_not_matter(journal: SqliteJournalRepository) -> None:
    assert bodies(journal.search("CAFE")) == ["Quiet"]
    assert bodies(journal.search("café")) == ["Quiet"]


def test_tags_are_searched(journal: SqliteJournalRepository) -> None:
    assert bodies(journal.search("grateful")) == ["Quiet"]
    assert sorted(bodies(journal.search("angry"))) == ["Escalated", "The"]


def test_matches_keep_the_journal_order_however_often_the_word_appears(
    memory_db: Connection,
) -> None:
    # The order must not reshuffle while the agent types: it is the list's, newest first.
    repo = SqliteJournalRepository(memory_db)
    older = T0 - timedelta(days=1)
    repo.save(JournalEntry(body="tired, tired and tired again", created_at=older, updated_at=older))
    repo.save(JournalEntry(body="tired once", created_at=T0, updated_at=T0, tags=("tired",)))

    assert bodies(repo.search("tired")) == ["tired", "tired,"]
    assert bodies(repo.search("tir")) == ["tired", "tired,"]


def test_edits_and_deletes_reach_the_index(journal: SqliteJournalRepository) -> None:
    [item] = journal.search("customer")
    journal.save(replace(item.entry, body="Rewritten calmly."))
    assert journal.search("customer") == []
    assert len(journal.search("calmly")) == 1

    journal.delete(item.entry.id or 0)
    assert journal.search("calmly") == []


def test_nothing_searchable_lists_recent_entries(journal: SqliteJournalRepository) -> None:
    recent = journal.recent()
    assert journal.search("") == recent
    assert journal.search("   ") == recent
    assert journal.search('" * ( )') == recent
    assert len(journal.search("", limit=2)) == 2


@pytest.mark.parametrize("text", FTS_SYNTAX)
def test_fts_syntax_is_only_ever_text(journal: SqliteJournalRepository, text: str) -> None:
    journal.search(text)
    journal.search(f"shouted {text}")
    journal.search(f"{text} shouted")


def test_operators_are_searched_as_words(memory_db: Connection) -> None:
    repo = SqliteJournalRepository(memory_db)
    repo.save(JournalEntry(body="to be OR not to be", created_at=T0, updated_at=T0))

    assert len(repo.search("be OR")) == 1
    assert len(repo.search("NEAR(")) == 0


def test_match_expression_quotes_each_word_and_prefixes_the_last() -> None:
    assert match_expression('say "no" now') == '"say" AND """no""" AND "now"*'
    expected = '"call" AND ("appointm"* OR "appoint" OR "appoin" OR "appoi")'
    assert match_expression("call appointm") == expected
    assert match_expression("NEAR(x") == '("NEAR(x"* OR "NEAR(" OR "NEAR")'
    assert match_expression(" \t\n") is None
    assert match_expression("* ( )") is None


@pytest.fixture(scope="module")
def shared_journal() -> Iterator[SqliteJournalRepository]:
    """One journal for all examples: hypothesis runs many per test, and search only reads."""
    db = open_memory_database()
    repo = SqliteJournalRepository(db)
    for body in ['He said "NEAR(" and *', "Angry caller OR manager", "ça va, café"]:
        repo.save(JournalEntry(body=body, created_at=T0, updated_at=T0, tags=("x",)))
    yield repo
    db.close()


ANY_CODE_POINT = st.characters(exclude_categories=())  # lone surrogates too, as Qt may send
SYNTAX_SOUP = st.lists(st.sampled_from([*FTS_SYNTAX, "a", "caf", "ANGRY"])).map(" ".join)


@settings(max_examples=300)
@given(text=st.text() | st.text(ANY_CODE_POINT) | SYNTAX_SOUP)
def test_search_never_raises_for_any_text(
    shared_journal: SqliteJournalRepository, text: str
) -> None:
    results = shared_journal.search(text, limit=5)
    assert len(results) <= 5


@pytest.mark.parametrize("word", ["appointment", "breathing", "escalated", "supervisor"])
def test_every_letter_typed_keeps_the_entry_found(memory_db: Connection, word: str) -> None:
    """The index holds stems: half-way past one ("appointm") must not empty the list."""
    repo = SqliteJournalRepository(memory_db)
    repo.save(JournalEntry(body=f"Missed the {word} today.", created_at=T0, updated_at=T0))
    repo.save(JournalEntry(body="Quiet lunch.", created_at=T0, updated_at=T0))

    for length in range(1, len(word) + 1):
        assert bodies(repo.search(word[:length])) == ["Missed"], word[:length]

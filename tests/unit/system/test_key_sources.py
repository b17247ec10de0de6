"""The key sources answer in the flow's words: a key, no credential store (ask the agent), or a
reason there is no key this time (never a new key over a lost one)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from companion.core.journal_key import JournalKey
from companion.system.key_file import create_key_file
from companion.system.key_helper import KeychainStatus
from companion.system.key_sources import (
    KEYCHAIN_FAILED,
    KEYCHAIN_KEY_MISSING,
    KEYCHAIN_LOCKED,
    KeyFileKeys,
    lookup_from,
)
from companion.system.keychain import KeychainAnswer

KEY = JournalKey.from_random(bytes(range(32)))


@pytest.mark.parametrize(
    ("answer", "key", "no_store", "problem"),
    [
        (KeychainAnswer(KeychainStatus.FOUND, KEY), KEY, False, None),
        (KeychainAnswer(KeychainStatus.CREATED, KEY), KEY, False, None),
        (KeychainAnswer(KeychainStatus.NO_STORE), None, True, None),
        (KeychainAnswer(KeychainStatus.ABSENT), None, False, KEYCHAIN_KEY_MISSING),
        (KeychainAnswer(KeychainStatus.LOCKED), None, False, KEYCHAIN_LOCKED),
        (KeychainAnswer(KeychainStatus.FAILED, detail="OSError"), None, False, KEYCHAIN_FAILED),
        (KeychainAnswer(KeychainStatus.TIMED_OUT), None, False, KEYCHAIN_FAILED),
    ],
)
def test_each_keychain_answer_in_the_flows_words(
    answer: KeychainAnswer, key: JournalKey | None, no_store: bool, problem: str | None
) -> None:
    found = lookup_from(answer)
    assert (found.key, found.no_store, found.problem) == (key, no_store, problem)


def test_the_key_file_is_made_once_and_a_missing_one_is_not_made_again(tmp_path: Path) -> None:
    source = KeyFileKeys(tmp_path / "key" / "journal.key")

    missing = source.get_or_create(create=False)
    assert missing.key is None and "not there" in (missing.problem or "")
    assert not source.path.exists()

    made = source.get_or_create(create=True)
    assert made.key is not None and source.get_or_create(create=False).key == made.key


def test_a_damaged_key_file_is_named_never_quoted_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "journal.key"
    create_key_file(path)
    path.write_text("not a key at all, secret-ish words", encoding="utf-8")
    os.chmod(path, 0o600)

    found = KeyFileKeys(path).get_or_create(create=True)

    assert found.key is None and str(path) in (found.problem or "")
    assert "secret-ish" not in (found.problem or "")
    assert path.read_text(encoding="utf-8") == "not a key at all, secret-ish words"

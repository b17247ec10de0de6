"""The journal key's vocabulary: IT's rule, the agent's choices, and a key that hides itself."""

from __future__ import annotations

import pytest

from companion.core.journal_key import (
    RAW_KEY_BYTES,
    BadKey,
    Encryption,
    JournalKey,
    Protection,
    allowed_protections,
)
from companion.core.policy import policy_from_mapping


def test_a_raw_key_is_64_hex_digits_and_never_shows_itself() -> None:
    key = JournalKey.from_random(bytes(range(RAW_KEY_BYTES)))

    assert key.secret == bytes(range(RAW_KEY_BYTES)).hex() and not key.derived
    assert JournalKey.raw(key.secret.upper() + "\n") == key
    for shown in (repr(key), str(key), f"{key}", repr([key])):
        assert key.secret not in shown and "hidden" in shown


@pytest.mark.parametrize("text", ["", "abc", "g" * 64, "0" * 63, "0" * 65])
def test_anything_else_is_not_a_raw_key_and_the_message_does_not_quote_it(text: str) -> None:
    with pytest.raises(BadKey) as raised:
        JournalKey.raw(text)
    assert text.strip() == "" or text not in str(raised.value)


def test_a_passphrase_is_kept_as_typed_and_short_or_empty_ones_are_refused() -> None:
    key = JournalKey.passphrase("  correct horse  ")
    assert key.secret == "  correct horse  " and key.derived
    assert "correct" not in repr(key)
    for bad in ("short", " " * 12, "x" * 1025, "nul\x00inside"):
        with pytest.raises(BadKey) as raised:
            JournalKey.passphrase(bad)
        assert bad not in str(raised.value)


def test_what_the_agent_may_choose_follows_the_rule() -> None:
    assert allowed_protections(Encryption.OFF) == (Protection.NONE,)
    assert Protection.NONE not in allowed_protections(Encryption.REQUIRED)
    assert allowed_protections(Encryption.DEFAULT)[0] is Protection.KEYCHAIN
    assert Protection.NONE in allowed_protections(Encryption.DEFAULT)


@pytest.mark.parametrize(
    ("value", "rule"),
    [("required", Encryption.REQUIRED), (" OFF ", Encryption.OFF), ("default", Encryption.DEFAULT)],
)
def test_the_policy_key_sets_the_rule(value: str, rule: Encryption) -> None:
    policy, warnings = policy_from_mapping({"journal_encryption": value})
    assert policy.journal_encryption is rule and warnings == []


def test_without_the_key_or_with_a_typo_the_journal_stays_encrypted() -> None:
    assert policy_from_mapping({})[0].journal_encryption is Encryption.DEFAULT
    policy, warnings = policy_from_mapping({"journal_encryption": "of"})
    assert policy.journal_encryption is Encryption.DEFAULT
    assert warnings == [
        "IT policy: “journal_encryption” should be required, default or off; it is ignored "
        "(the journal stays encrypted unless IT says otherwise elsewhere)."
    ]

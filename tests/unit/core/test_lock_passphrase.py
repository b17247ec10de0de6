"""The app lock's verifier: says whether a passphrase is the chosen one, and nothing else."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core.lock_passphrase import make_verifier, same_passphrase, verifier_matches

SALT = bytes(range(16))


def test_the_chosen_passphrase_matches_and_another_does_not() -> None:
    verifier = make_verifier("river stones", SALT)
    assert verifier_matches("river stones", verifier)
    assert not verifier_matches("river stones ", verifier)  # spaces count
    assert "river" not in verifier and verifier.startswith("scrypt$16384$8$1$")


def test_the_salt_makes_each_verifier_different() -> None:
    assert make_verifier("river stones", SALT) != make_verifier("river stones", bytes(16))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80))
def test_a_damaged_or_foreign_verifier_never_matches_and_never_raises(verifier: str) -> None:
    assert not verifier_matches("river stones", verifier)


def test_a_verifier_with_absurd_costs_is_refused_not_computed() -> None:
    good = make_verifier("river stones", SALT).split("$")
    good[1] = str(2**30)  # a gigabyte of scrypt memory
    assert not verifier_matches("river stones", "$".join(good))


def test_the_journal_passphrase_compares_exactly() -> None:
    assert same_passphrase("river stones", "river stones")
    assert not same_passphrase("River stones", "river stones")

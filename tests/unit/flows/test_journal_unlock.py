"""Which key opens the journal at start-up, and what the agent is asked (only what they must)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from companion.app_messages import NO_PASSPHRASE, WRONG_PASSPHRASE
from companion.core.journal_key import Encryption, JournalKey, KeyLookup, Protection, Unlocked
from companion.flows.journal_unlock import JournalUnlock

KEY = JournalKey.from_random(bytes(32))
OTHER = JournalKey.from_random(bytes(range(32)))


@dataclass
class Source:
    """A credential store or key file: holds a key, or none, or does not answer at all."""

    key: JournalKey | None = None
    no_store: bool = False
    problem: str | None = None
    made: JournalKey = OTHER
    asked: list[bool] = field(default_factory=list)

    def get_or_create(self, *, create: bool) -> KeyLookup:
        self.asked.append(create)
        if self.no_store:
            return KeyLookup(no_store=True, problem="no credential store")
        if self.key is None and create and self.problem is None:
            self.key = self.made
        if self.key is None:
            return KeyLookup(problem=self.problem or "Companion's key is missing.")
        return KeyLookup(self.key)


@dataclass
class Prompts:
    choice: Protection | None = None
    typed: list[str | None] = field(default_factory=list)
    offered: list[tuple[Protection, ...]] = field(default_factory=list)
    asked: list[tuple[bool, str | None]] = field(default_factory=list)

    def choose(self, choices: tuple[Protection, ...]) -> Protection | None:
        self.offered.append(choices)
        return self.choice

    def passphrase(self, *, new: bool, problem: str | None) -> str | None:
        self.asked.append((new, problem))
        return self.typed.pop(0)


@dataclass
class Desk:
    rule: Encryption = Encryption.DEFAULT
    chosen: Protection | None = None
    keychain: Source = field(default_factory=Source)
    key_file: Source = field(default_factory=Source)
    prompts: Prompts = field(default_factory=Prompts)
    encrypted: bool = False
    opens_with: str = "right passphrase"
    remembered: list[Protection] = field(default_factory=list)

    def unlock(self) -> Unlocked:
        return JournalUnlock(
            self.rule,
            self.chosen,
            keychain=self.keychain,
            key_file=self.key_file,
            prompts=self.prompts,
            encrypted_journal_exists=lambda: self.encrypted,
            verify=lambda key: key.secret == self.opens_with,
            remember=self.remembered.append,
        ).unlock()


def test_a_normal_desktop_asks_nothing_and_makes_the_key_once() -> None:
    desk = Desk()

    assert desk.unlock() == Unlocked(OTHER, Protection.KEYCHAIN)
    assert desk.remembered == [Protection.KEYCHAIN] and desk.prompts.offered == []

    desk.chosen, desk.encrypted = Protection.KEYCHAIN, True
    assert desk.unlock() == Unlocked(OTHER, Protection.KEYCHAIN)
    assert desk.keychain.asked == [True, False]  # the second start never makes a new key


def test_a_lost_key_for_an_encrypted_journal_is_never_replaced() -> None:
    desk = Desk(chosen=Protection.KEYCHAIN, encrypted=True, keychain=Source(problem="gone"))

    unlocked = desk.unlock()

    assert unlocked.key is None and unlocked.waiting == "gone"
    assert desk.keychain.key is None and desk.keychain.asked == [False]


def test_a_locked_store_leaves_the_journal_waiting_without_asking_how() -> None:
    desk = Desk(keychain=Source(problem="Your keyring is locked."))

    assert desk.unlock() == Unlocked(None, Protection.KEYCHAIN, waiting="Your keyring is locked.")
    assert desk.prompts.offered == [] and desk.remembered == []


def test_without_a_credential_store_the_agent_chooses_once() -> None:
    desk = Desk(keychain=Source(no_store=True), prompts=Prompts(choice=Protection.KEY_FILE))

    assert desk.unlock() == Unlocked(OTHER, Protection.KEY_FILE)
    assert desk.prompts.offered == [(Protection.KEY_FILE, Protection.PASSPHRASE, Protection.NONE)]
    assert desk.remembered == [Protection.KEY_FILE]

    desk.chosen, desk.encrypted = Protection.KEY_FILE, True
    assert desk.unlock() == Unlocked(OTHER, Protection.KEY_FILE)
    assert len(desk.prompts.offered) == 1


def test_it_can_require_encryption_or_turn_it_off() -> None:
    required = Desk(
        rule=Encryption.REQUIRED,
        keychain=Source(no_store=True),
        prompts=Prompts(choice=Protection.PASSPHRASE, typed=["a good passphrase"]),
    )
    assert required.unlock().key == JournalKey.passphrase("a good passphrase")
    assert required.prompts.offered == [(Protection.KEY_FILE, Protection.PASSPHRASE)]

    no_longer_allowed = Desk(rule=Encryption.REQUIRED, chosen=Protection.NONE)
    assert no_longer_allowed.unlock() == Unlocked(OTHER, Protection.KEYCHAIN)

    off = Desk(rule=Encryption.OFF)
    assert off.unlock() == Unlocked(None, Protection.NONE)
    assert off.keychain.asked == [] and off.prompts.offered == []


def test_a_new_passphrase_is_taken_and_a_wrong_one_asked_again() -> None:
    new = Desk(chosen=Protection.PASSPHRASE, prompts=Prompts(typed=["short", "long enough now"]))
    assert new.unlock().key == JournalKey.passphrase("long enough now")
    assert new.prompts.asked == [
        (True, None),
        (True, "A passphrase needs at least 8 characters."),
    ]

    existing = Desk(
        chosen=Protection.PASSPHRASE,
        encrypted=True,
        prompts=Prompts(typed=["wrong passphrase", "right passphrase"]),
    )
    assert existing.unlock().key == JournalKey.passphrase("right passphrase")
    assert existing.prompts.asked == [(False, None), (False, WRONG_PASSPHRASE)]


@pytest.mark.parametrize("chosen", [Protection.PASSPHRASE, None])
def test_closing_the_question_keeps_the_journal_locked_and_says_so(
    chosen: Protection | None,
) -> None:
    desk = Desk(
        chosen=chosen,
        encrypted=True,
        keychain=Source(no_store=True),
        prompts=Prompts(choice=Protection.PASSPHRASE, typed=[None]),
    )

    unlocked = desk.unlock()

    assert unlocked.key is None and unlocked.waiting == NO_PASSPHRASE

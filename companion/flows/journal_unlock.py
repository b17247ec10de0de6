"""Finds the key that opens the journal at start-up (issue #9).

On a normal desktop nobody is asked anything: a random key is kept in the operating system's
credential store, made on the first start. Where no credential store answers (a bare Linux
session), the agent is asked once how to keep the key: a passphrase asked at each start, or a
key file kept apart from the data (or no encryption, where IT's rule allows it). IT's rule
(``journal_encryption``) decides what may be offered.

What this flow does not do: read the journal. ``verify`` (given by the composition root) says
whether a passphrase opens the journal, so a mistyped one is asked again instead of being
taken for a damaged file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from companion.app_messages import NO_PASSPHRASE, NOT_CHOSEN, WRONG_PASSPHRASE
from companion.core.journal_key import (
    Encryption,
    JournalKey,
    KeySource,
    Protection,
    Unlocked,
    allowed_protections,
    passphrase_problem,
)
from companion.flows.asking import ask_until_accepted

log = logging.getLogger(__name__)


class UnlockPrompts(Protocol):
    """The questions the agent may be asked (modal; ``None`` when they close them)."""

    def choose(self, choices: tuple[Protection, ...]) -> Protection | None: ...

    def passphrase(self, *, new: bool, problem: str | None) -> str | None: ...


class JournalUnlock:
    """One decision at start-up; ``unlock()`` asks only what it must."""

    def __init__(
        self,
        rule: Encryption,
        chosen: Protection | None,
        *,
        keychain: KeySource,
        key_file: KeySource,
        prompts: UnlockPrompts,
        encrypted_journal_exists: Callable[[], bool],
        verify: Callable[[JournalKey], bool],
        remember: Callable[[Protection], None],
    ) -> None:
        self._rule = rule
        self._chosen = chosen
        self._keychain = keychain
        self._key_file = key_file
        self._prompts = prompts
        self._encrypted_journal_exists = encrypted_journal_exists
        self._verify = verify
        self._remember = remember

    def unlock(self) -> Unlocked:
        allowed = allowed_protections(self._rule)
        chosen = self._chosen if self._chosen in allowed else None
        if chosen is None and self._rule is Encryption.OFF:
            chosen = Protection.NONE
        if chosen is None:
            # Not chosen yet (or IT's rule no longer allows the old choice): the credential
            # store, without a question, if it answers.
            found = self._keychain.get_or_create(create=True)
            if found.key is not None:
                self._keep(Protection.KEYCHAIN)
                return Unlocked(found.key, Protection.KEYCHAIN)
            if not found.no_store:
                return Unlocked(None, Protection.KEYCHAIN, waiting=found.problem)
            chosen = self._ask_how(tuple(p for p in allowed if p is not Protection.KEYCHAIN))
            if chosen is None:
                return Unlocked(None, Protection.PASSPHRASE, waiting=NOT_CHOSEN)
            self._keep(chosen)
        return self._with(chosen)

    def _with(self, protection: Protection) -> Unlocked:
        if protection is Protection.NONE:
            return Unlocked(None, protection)
        if protection is Protection.PASSPHRASE:
            return self._ask_passphrase()
        source = self._keychain if protection is Protection.KEYCHAIN else self._key_file
        # A missing key for a journal that exists is never replaced by a new one: that would
        # leave the journal unreadable for good.
        found = source.get_or_create(create=not self._encrypted_journal_exists())
        if found.key is not None:
            return Unlocked(found.key, protection)
        return Unlocked(None, protection, waiting=found.problem, lost=found.lost)

    def _ask_how(self, choices: tuple[Protection, ...]) -> Protection | None:
        if len(choices) == 1:
            return choices[0]
        return self._prompts.choose(choices)

    def _ask_passphrase(self) -> Unlocked:
        new = not self._encrypted_journal_exists()

        def problem_with(text: str) -> str | None:
            problem = passphrase_problem(text)
            if problem is not None or new or self._verify(JournalKey.passphrase(text)):
                return problem
            log.info("a passphrase did not open the journal")
            return WRONG_PASSPHRASE

        typed = ask_until_accepted(
            lambda problem: self._prompts.passphrase(new=new, problem=problem), problem_with
        )
        if typed is None:
            return Unlocked(None, Protection.PASSPHRASE, waiting=NO_PASSPHRASE, lost=True)
        return Unlocked(JournalKey.passphrase(typed), Protection.PASSPHRASE)

    def _keep(self, protection: Protection) -> None:
        if protection is not self._chosen:
            self._remember(protection)

"""The app lock as set in Settings: which passphrase opens it, asking for one when it is turned
on, starting locked, and never losing the setting to a journal that isn't open yet."""

from __future__ import annotations

from dataclasses import dataclass, field

from pytestqt.qtbot import QtBot

from companion.app_messages import LOCK_NEEDS_JOURNAL, LOCK_STAYS_OFF, WRONG_PASSPHRASE
from companion.core.journal_key import JournalKey
from companion.core.ports import StorageUnavailable
from companion.flows.journal_lock import JournalLock

RAW = JournalKey.from_random(bytes(range(32)))
PASSPHRASE = JournalKey.passphrase("river stones at dusk")


@dataclass
class Verifiers:
    kept: str | None = None
    broken: bool = False

    def get(self) -> str | None:
        if self.broken:
            raise StorageUnavailable("the journal can't be read")
        return self.kept

    def set(self, verifier: str) -> None:
        if self.broken:
            raise StorageUnavailable("the journal can't be written")
        self.kept = verifier

    def clear(self) -> None:
        self.kept = None


@dataclass
class Desk:
    """The agent and the desktop around the lock."""

    key: JournalKey | None = RAW
    journal_open: bool = True
    new: list[str | None] = field(default_factory=list)
    typed: list[str | None] = field(default_factory=list)
    asked_new: list[str | None] = field(default_factory=list)
    asked: list[str | None] = field(default_factory=list)
    told: list[str] = field(default_factory=list)
    saved_off: int = 0
    closed: int = 0
    watchers: int = 0
    verifiers: Verifiers = field(default_factory=Verifiers)

    def keeper(self) -> JournalLock:
        def ask_new(problem: str | None) -> str | None:
            self.asked_new.append(problem)
            return self.new.pop(0)

        def ask(problem: str | None) -> str | None:
            self.asked.append(problem)
            return self.typed.pop(0)

        def watch(on_lock: object) -> object:
            self.watchers += 1
            return object()

        return JournalLock(
            self.verifiers,
            lambda: self.key,
            ask_unlock=ask,
            ask_new=ask_new,
            idle_seconds=lambda: 0.0,
            close_private=self.close,
            journal_open=lambda: self.journal_open,
            watch_screen=watch,
            save_off=self.save_off,
            tell=self.told.append,
            random_bytes=lambda n: bytes(n),
        )

    def close(self) -> None:
        self.closed += 1

    def save_off(self) -> None:
        self.saved_off += 1


def test_turned_on_with_a_keyring_it_asks_for_its_own_passphrase_once(qtbot: QtBot) -> None:
    desk = Desk(new=["short", "lantern by the sea"])
    keeper = desk.keeper()

    keeper.apply(5)

    assert desk.asked_new == [None, "A passphrase needs at least 8 characters."]
    assert keeper.lock.on and not keeper.lock.locked and desk.watchers == 1
    assert desk.verifiers.kept is not None and "lantern" not in desk.verifiers.kept
    keeper.apply(10)  # changing the stretch asks nothing
    assert len(desk.asked_new) == 2 and desk.watchers == 1

    keeper.lock.screen_locked()
    assert keeper.lock.locked and desk.closed == 1
    desk.typed = ["river stones at dusk", "lantern by the sea"]
    opened: list[int] = []
    assert keeper.lock.open(lambda: opened.append(1)) and opened == [1]
    assert desk.asked == [None, WRONG_PASSPHRASE]


def test_a_passphrase_journal_is_opened_by_its_own_passphrase(qtbot: QtBot) -> None:
    desk = Desk(key=PASSPHRASE, typed=["lantern by the sea", "river stones at dusk"])
    keeper = desk.keeper()

    keeper.apply(1)
    keeper.lock.lock()

    assert desk.asked_new == [] and desk.verifiers.kept is None
    assert keeper.lock.open(lambda: None) and desk.asked == [None, WRONG_PASSPHRASE]


def test_no_passphrase_chosen_leaves_it_off_and_says_so(qtbot: QtBot) -> None:
    desk = Desk(new=[None])
    keeper = desk.keeper()

    keeper.apply(5)

    assert not keeper.lock.on and desk.saved_off == 1 and desk.told == [LOCK_STAYS_OFF]


def test_a_journal_not_open_yet_keeps_the_setting_and_locks_once_it_opens(qtbot: QtBot) -> None:
    desk = Desk(journal_open=False, verifiers=Verifiers())
    keeper = desk.keeper()

    keeper.apply(5)
    assert not keeper.lock.on and desk.saved_off == 0 and desk.told == [LOCK_NEEDS_JOURNAL]
    assert desk.asked_new == []  # a verifier in the temporary journal would be lost

    desk.journal_open, desk.verifiers.kept = True, "scrypt$kept$in$the$file$x"
    keeper.journal_opened()
    assert keeper.lock.on and keeper.lock.locked


def test_at_start_it_is_locked_unless_the_passphrase_was_just_typed(qtbot: QtBot) -> None:
    keyring = Desk(verifiers=Verifiers(kept="scrypt$x$x$x$x$x"))
    first = keyring.keeper()
    first.start(5)
    assert first.lock.locked and keyring.asked_new == []

    typed_at_start = Desk(key=PASSPHRASE).keeper()
    typed_at_start.start(5)
    assert typed_at_start.lock.on and not typed_at_start.lock.locked

    off = Desk().keeper()
    off.start(None)
    assert not off.lock.on and not off.lock.locked


def test_turned_off_it_forgets_its_passphrase_so_a_forgotten_one_can_be_replaced(
    qtbot: QtBot,
) -> None:
    desk = Desk(new=["lantern by the sea"])
    keeper = desk.keeper()
    keeper.apply(5)

    keeper.apply(None)

    assert not keeper.lock.on and desk.verifiers.kept is None


def test_an_unreadable_journal_opens_nothing_and_raises_nothing(qtbot: QtBot) -> None:
    desk = Desk(verifiers=Verifiers(kept="scrypt$x$x$x$x$x"))
    keeper = desk.keeper()
    keeper.start(5)
    desk.verifiers.broken = True

    assert not keeper.verify("lantern by the sea")

"""The app lock: closes the private windows when due, opens them again with the passphrase,
and never stands between the agent and a break (breaks don't go through it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pytestqt.qtbot import QtBot

from companion.app_messages import WRONG_PASSPHRASE
from companion.flows.app_lock import AppLock


@dataclass
class Desk:
    idle: float | None = 0.0
    typed: list[str | None] = field(default_factory=list)
    asked: list[str | None] = field(default_factory=list)
    closed: int = 0
    opened: int = 0

    def ask(self, problem: str | None) -> str | None:
        self.asked.append(problem)
        return self.typed.pop(0)

    def close(self) -> None:
        self.closed += 1

    def open_journal(self) -> None:
        self.opened += 1

    def lock(self, qtbot: QtBot) -> AppLock:
        lock = AppLock(
            lambda: self.idle,
            self.ask,
            lambda text: text == "river stones",
            self.close,
        )
        return lock


def test_off_by_default_and_the_journal_opens_at_once(qtbot: QtBot) -> None:
    desk = Desk()
    lock = desk.lock(qtbot)

    lock.screen_locked()

    assert not lock.locked and lock.open(desk.open_journal) and desk.opened == 1
    assert desk.asked == [] and desk.closed == 0


def test_a_locked_screen_locks_and_the_passphrase_opens_again(qtbot: QtBot) -> None:
    desk = Desk(typed=["wrong one", "river stones"])
    lock = desk.lock(qtbot)
    lock.configure(3600)

    with qtbot.waitSignal(lock.locked_changed) as changed:
        lock.screen_locked()

    assert changed.args == [True] and desk.closed == 1
    assert lock.open(desk.open_journal) and desk.opened == 1
    assert desk.asked == [None, WRONG_PASSPHRASE] and not lock.locked


def test_not_now_keeps_it_locked_and_opens_nothing(qtbot: QtBot) -> None:
    desk = Desk(typed=[None])
    lock = desk.lock(qtbot)
    lock.configure(3600)
    lock.lock()

    assert not lock.open(desk.open_journal)
    assert desk.opened == 0 and lock.locked


def test_it_locks_after_the_stretch_without_input_and_not_while_typing(qtbot: QtBot) -> None:
    desk = Desk(idle=0.0)
    lock = desk.lock(qtbot)
    lock.configure(0.15)

    # The agent keeps typing: idle stays 0, so each look ends in another wait, not a lock.
    qtbot.waitUntil(lambda: lock.checks >= 2, timeout=5000)
    assert not lock.locked

    desk.idle = 10.0
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert desk.closed == 1


def test_turning_it_off_unlocks(qtbot: QtBot) -> None:
    desk = Desk()
    lock = desk.lock(qtbot)
    lock.configure(3600)
    lock.lock()

    lock.configure(None)

    assert not lock.locked and lock.open(desk.open_journal)

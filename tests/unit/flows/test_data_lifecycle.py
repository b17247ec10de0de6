"""The journal file's life without a widget: the temporary journal's retry, the daily copy,
the last try at quitting, and deleting everything (asked first)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from companion.app_messages import REOPENED_TEXT
from companion.core.backups import Backup
from companion.core.ports import StorageUnavailable
from companion.flows.data_lifecycle import DataLifecycle, DayCount
from tests.fakes import T0, FakeClock


class FakeBackups:
    def __init__(self) -> None:
        self.made: list[datetime] = []

    def list_backups(self) -> list[Backup]:
        return []

    def make_daily(self, now: datetime) -> Backup | None:
        self.made.append(now)
        return None

    def restore(self, backup: Backup, now: datetime) -> None:
        raise AssertionError("not here")


class FakeJournal:
    """A journal on its temporary copy until ``file_opens``; logs what was done to it."""

    def __init__(self, temporary: bool = True) -> None:
        self.backups = FakeBackups()
        self._temporary = temporary
        self.file_opens = False
        self.done: list[str] = []

    @property
    def temporary(self) -> bool:
        return self._temporary

    def reopen(self, now: datetime | None = None) -> tuple[str, ...]:
        self.done.append("reopen")
        if not self.file_opens:
            raise StorageUnavailable("still locked")
        self._temporary = False
        return ("One of your drafts could not be moved.",)

    def close(self) -> None:
        self.done.append("close")


class Server:
    def __init__(self, log: list[str]) -> None:
        self._log = log

    def close(self) -> None:
        self._log.append("server closed")


class FakeRemoval:
    def __init__(self, log: list[str], yes: bool) -> None:
        self._log = log
        self._yes = yes

    def files(self) -> list[Path]:
        return [Path("journal.db")]

    def confirm(self, files: list[Path]) -> bool:
        self._log.append(f"asked about {[str(f) for f in files]}")
        return self._yes

    def remove(self) -> str:
        self._log.append("removed")
        return "Removed: journal.db"

    def show_removed(self, summary: str) -> None:
        self._log.append(f"shown {summary!r}")


class Harness:
    def __init__(self, temporary: bool = True, delete: bool = False) -> None:
        self.journal = FakeJournal(temporary)
        self.log = self.journal.done
        self.told: list[str] = []
        self.open = False
        self.reopened = 0
        self.data = DataLifecycle(
            self.journal,
            Server(self.log),
            FakeClock(),
            FakeRemoval(self.log, yes=delete),
            tell=self.told.append,
            nothing_open=lambda: not self.open,
        )
        self.data.reopened.connect(self._on_reopened)
        self.data.closing.connect(lambda: self.log.append("windows closed"))

    def _on_reopened(self) -> None:
        self.reopened += 1


def test_the_file_is_tried_only_while_nothing_is_open(qtbot: QtBot) -> None:
    h = Harness()
    h.data.start()
    assert h.data.retry.waiting
    assert not h.data.try_journal_file() and h.log == ["reopen"]  # still locked
    h.journal.file_opens = True
    h.open = True
    assert not h.data.try_journal_file() and h.log == ["reopen"], "a window may hold a row"
    h.open = False

    assert h.data.try_journal_file()

    assert h.told == [REOPENED_TEXT, "One of your drafts could not be moved."]
    assert h.reopened == 1
    assert h.journal.backups.made[-1] == T0, "today's copy, of the file now"
    h.data.shut_down()


def test_on_the_file_there_is_no_retry_and_a_copy_from_the_event_loop(qtbot: QtBot) -> None:
    h = Harness(temporary=False)
    h.data.start()
    assert not h.data.retry.waiting
    assert h.journal.backups.made == []
    qtbot.waitUntil(lambda: h.journal.backups.made == [T0])
    h.data.shut_down()
    assert h.log == ["server closed", "close"]


def test_quitting_on_the_temporary_journal_tries_the_file_a_last_time() -> None:
    h = Harness()
    h.journal.file_opens = True
    h.data.shut_down()
    assert h.log == ["server closed", "reopen", "close"]


def test_keeping_the_data_changes_nothing() -> None:
    h = Harness(temporary=False)
    h.data.delete_all()
    assert h.log == ["asked about ['journal.db']"]


def test_deleting_closes_everything_first_then_removes_and_says_so() -> None:
    h = Harness(delete=True)
    deleted: list[bool] = []
    h.data.deleted.connect(lambda: deleted.append(True))
    h.data.start()

    h.data.delete_all()

    assert h.log == [
        "asked about ['journal.db']",
        "windows closed",
        "server closed",
        "close",
        "removed",
        "shown 'Removed: journal.db'",
    ]
    assert deleted == [True] and not h.data.retry.waiting
    h.log.clear()
    h.data.shut_down()
    assert "reopen" not in h.log, "nothing is left to move into a file"


def test_the_days_count_is_zero_while_the_journal_cannot_be_read() -> None:
    answers: list[int | StorageUnavailable] = [4, StorageUnavailable("locked")]

    def count_on(day: date) -> int:
        assert day == T0.date()
        answer = answers.pop(0)
        if isinstance(answer, StorageUnavailable):
            raise answer
        return answer

    counter = DayCount(count_on, FakeClock())
    heard: list[int] = []
    counter.changed.connect(heard.append)
    counter.refresh()
    counter.refresh()
    assert heard == [4, 0]

"""The app's single-shot waits: the next local midnight, and looking again for a late tray."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from companion.flows.schedules import MidnightTimer, TrayWatcher
from tests.fakes import FakeClock

BERLIN_WINTER = timezone(timedelta(hours=1))
LATE = datetime(2026, 11, 24, 23, 59, 30, tzinfo=BERLIN_WINTER)


def timer_of(owner: MidnightTimer | TrayWatcher, name: str) -> QTimer:
    found = owner.findChild(QTimer, name)
    assert isinstance(found, QTimer)
    return found


def test_the_midnight_timer_waits_once_for_local_midnight_and_again_after(qtbot: QtBot) -> None:
    clock = FakeClock(LATE)
    midnight = MidnightTimer(clock)
    days: list[bool] = []
    midnight.new_day.connect(lambda: days.append(True))
    midnight.arm()
    timer = timer_of(midnight, "midnightTimer")
    assert timer.isSingleShot() and timer.isActive()
    assert timer.interval() == 31_000  # 30 s to local midnight, and a second past it
    clock.advance(31)
    timer.timeout.emit()
    assert days == [True]
    # From 00:00:01: 23:59:59 to the next midnight, and the second past it.
    assert timer.isActive() and timer.interval() == 24 * 3600 * 1000


def test_fired_early_it_does_not_call_it_a_new_day(qtbot: QtBot) -> None:
    clock = FakeClock(LATE)
    midnight = MidnightTimer(clock)
    days: list[bool] = []
    midnight.new_day.connect(lambda: days.append(True))
    midnight.arm()
    clock.advance(20)  # the system clock was set back, or the timer ran early
    timer_of(midnight, "midnightTimer").timeout.emit()
    assert days == []
    assert timer_of(midnight, "midnightTimer").interval() == 11_000


class Tray:
    """A desktop whose panel shows up after ``after`` looks."""

    def __init__(self, after: int | None) -> None:
        self.after = after
        self.looks = 0

    def __call__(self) -> bool:
        self.looks += 1
        return self.after is not None and self.looks >= self.after


def run_out(watcher: TrayWatcher) -> list[int]:
    """Let every wait pass; the waits it asked for, in order."""
    timer = timer_of(watcher, "trayRecheck")
    waits = []
    while timer.isActive():
        waits.append(timer.interval())
        timer.stop()
        timer.timeout.emit()
    return waits


def test_a_missing_tray_is_looked_for_four_times_with_longer_waits_then_no_more(
    qtbot: QtBot,
) -> None:
    tray = Tray(after=None)
    watcher = TrayWatcher(tray)
    appeared: list[bool] = []
    watcher.appeared.connect(lambda: appeared.append(True))
    watcher.start()
    assert run_out(watcher) == [5_000, 15_000, 45_000, 120_000]
    assert tray.looks == 4 and appeared == []
    assert not watcher.waiting


def test_a_tray_that_appears_is_announced_once_and_the_looking_stops(qtbot: QtBot) -> None:
    tray = Tray(after=2)
    watcher = TrayWatcher(tray)
    appeared: list[bool] = []
    watcher.appeared.connect(lambda: appeared.append(True))
    watcher.start()
    assert run_out(watcher) == [5_000, 15_000]
    assert appeared == [True] and tray.looks == 2

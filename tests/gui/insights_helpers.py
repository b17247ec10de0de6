"""What Insights shows for an empty journal, a light week and a heavy week: real records in
the in-memory repositories, read and counted by core (``read_insights``), as the app does."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from PySide6.QtWidgets import QWidget

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.insights_report import Insights, read_insights
from companion.core.moods import Mood
from companion.core.reminders import Callback
from tests.fakes import InMemoryBreaks, InMemoryCalls, InMemoryReminders

#: Widgets are closed after each test but kept, never deleted: a focus-chain walk wraps Qt's
#: own children (a table's corner button, scroll bars, viewports), and PySide6 can hand back
#: such a wrapper for a new object at a freed one's address ("Internal C++ object already
#: deleted"). See ``kept`` and ``close_kept``.
KEPT: list[QWidget] = []


def kept(widget: QWidget) -> QWidget:
    KEPT.append(widget)
    return widget


def close_kept() -> None:
    for widget in KEPT:
        widget.close()


#: Wednesday 9 December 2026, 15:00 in Berlin's winter time: the week runs Monday 7 to Sunday 13.
LOCAL = timezone(timedelta(hours=1))
NOW = datetime(2026, 12, 9, 15, 0, tzinfo=LOCAL)
_MONDAY = datetime(2026, 12, 7, tzinfo=LOCAL)


class Journal:
    """The three repositories a test fills, and what core reads from them."""

    def __init__(self) -> None:
        self.calls, self.breaks = InMemoryCalls(), InMemoryBreaks()
        self.reminders = InMemoryReminders(self.calls, self.breaks)

    def call(
        self, at: datetime, reason: Reason | None, *, moods: tuple[int, int] | None = None,
        outcome: BreakOutcome = BreakOutcome.COMPLETED, after_minutes: float = 3,
        extended: bool = False,
    ) -> None:  # fmt: skip
        """A hard call at ``at``, and its break ``after_minutes`` later."""
        stored = self.calls.add(DifficultCall(tagged_at=at, reason=reason))
        before, after = (Mood(moods[0]), Mood(moods[1])) if moods else (None, None)
        self.breaks.add(
            BreakRecord(
                started_at=at + timedelta(minutes=after_minutes),
                pattern_key="sigh",
                planned_seconds=105.0 if extended else 75.0,
                actual_seconds=0.0 if outcome is BreakOutcome.SKIPPED else 75.0,
                outcome=outcome,
                call_id=stored.id,
                mood_before=before,
                mood_after=after if outcome is not BreakOutcome.SKIPPED else None,
                planned_at_start_seconds=75.0,
            )
        )

    def callback(self, due: datetime, *, done: bool, snoozes: int = 0) -> None:
        self.reminders.add_callback(
            Callback(
                due_at=due,
                text="",
                created_at=due - timedelta(hours=2),
                done_at=due + timedelta(minutes=5) if done else None,
                snoozes=snoozes,
            )
        )

    def insights(self, now: datetime = NOW) -> Insights:
        return read_insights(self.calls, self.breaks, self.reminders, now)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    """``day`` days after Monday 7 December (negative: before), at ``hour``:``minute``."""
    return _MONDAY + timedelta(days=day, hours=hour, minutes=minute)


def empty_journal() -> Insights:
    return Journal().insights()


def light_week() -> Insights:
    journal = Journal()
    journal.call(_at(0, 10, 12), Reason.ANGRY, moods=(2, 3))
    journal.call(_at(2, 14, 40), None, moods=(3, 3), after_minutes=12)
    journal.callback(_at(1, 11), done=True)
    return journal.insights()


def heavy_week() -> Insights:
    """Six ordinary weeks (a hard call a working day), then two heavy ones: the pointer shows."""
    journal = Journal()
    for day in range(-56, -14):
        if (day % 7) < 5:
            journal.call(_at(day, 11), Reason.OTHER, moods=(3, 4))
    pick = random.Random(16)
    reasons = [*Reason, None]
    for day in [*range(-14, -9), *range(-7, -2), 0, 1, 2]:
        for _ in range(pick.randint(5, 9)):
            hour = pick.choice((9, 10, 11, 13, 14, 14, 15, 15, 15, 16, 17))
            outcome = pick.choice([BreakOutcome.COMPLETED] * 4 + [*BreakOutcome])
            before = pick.randint(1, 3)
            journal.call(
                _at(day, hour, pick.randint(0, 59)),
                pick.choice(reasons),
                moods=(before, max(1, min(5, before + pick.choice((-1, 0, 0, 1, 1, 2))))),
                outcome=outcome,
                after_minutes=pick.choice((1, 2, 4, 8, 15, 40)),
                extended=pick.random() < 0.2,
            )
    for day, done, snoozes in ((0, True, 0), (0, True, 2), (1, False, 1), (1, True, 0),
                               (2, False, 0), (3, False, 0), (4, False, 0)):  # fmt: skip
        journal.callback(_at(day, 12), done=done, snoozes=snoozes)
    return journal.insights()

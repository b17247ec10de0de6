"""Breathing breaks: the record kept of each one, and the timer rules (pause, extend, end)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from companion.core.moods import Mood

#: What "+30 s" adds.
EXTEND_SECONDS = 30.0
#: A break is never planned longer than this, however often "+30 s" is pressed.
MAX_BREAK_SECONDS = 15 * 60.0


class BreakOutcome(enum.StrEnum):
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class BreakRecord:
    """What is saved about one break; moods are None when the check was skipped.

    ``planned_seconds`` is the plan as it ended (with every "+30 s");
    ``planned_at_start_seconds`` the plan the break began with (None for breaks saved by
    versions that did not keep it).
    """

    started_at: datetime
    pattern_key: str
    planned_seconds: float
    actual_seconds: float
    outcome: BreakOutcome
    call_id: int | None = None
    mood_before: Mood | None = None
    mood_after: Mood | None = None
    planned_at_start_seconds: float | None = None
    id: int | None = None


class BreakTimer:
    """Elapsed breathing time of one break, on a monotonic clock the caller reads.

    Time is passed into every method so the same rules run under a real clock in the app and
    a fake one in tests. Paused time does not count as breathing.
    """

    def __init__(self, planned_seconds: float) -> None:
        self._planned = planned_seconds
        self._planned_at_start = planned_seconds
        self._started_at: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0

    @property
    def planned_seconds(self) -> float:
        return self._planned

    @property
    def planned_at_start_seconds(self) -> float:
        """The plan before any extension."""
        return self._planned_at_start

    @property
    def started(self) -> bool:
        return self._started_at is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def start(self, now: float) -> None:
        if self._started_at is None:
            self._started_at = now

    def pause(self, now: float) -> None:
        if self.started and self._paused_at is None:
            self._paused_at = now

    def resume(self, now: float) -> None:
        if self._paused_at is not None:
            self._paused_total += now - self._paused_at
            self._paused_at = None

    def toggle_pause(self, now: float) -> None:
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def extend(self, seconds: float = EXTEND_SECONDS) -> None:
        self._planned = min(MAX_BREAK_SECONDS, self._planned + seconds)

    def elapsed(self, now: float) -> float:
        if self._started_at is None:
            return 0.0
        until = self._paused_at if self._paused_at is not None else now
        return max(0.0, min(self._planned, until - self._started_at - self._paused_total))

    def remaining(self, now: float) -> float:
        return max(0.0, self._planned - self.elapsed(now))

    def finished(self, now: float) -> bool:
        return self.started and self.remaining(now) <= 0.0


def outcome_for(elapsed: float, planned: float, *, skipped: bool) -> BreakOutcome:
    """Skipping is the agent's word; otherwise a break is complete once its time has run."""
    if skipped:
        return BreakOutcome.SKIPPED
    if elapsed >= planned - 0.5:
        return BreakOutcome.COMPLETED
    return BreakOutcome.ENDED_EARLY

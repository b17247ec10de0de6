"""One break as the window lives it: the pattern, the timer, the mood before, and its record."""

from __future__ import annotations

from datetime import datetime

from companion.core.breaks import EXTEND_SECONDS, BreakOutcome, BreakRecord, BreakTimer, outcome_for
from companion.core.breathing import (
    Pattern,
    PhaseState,
    extended_length,
    pattern_for,
    phase_at,
    whole_cycles_length,
)
from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.ports import Clock
from companion.core.settings import Settings


class BreathingSession:
    """Asks core for every answer and reads the clock it is given; holds no Qt objects.

    The break is recorded at most once: :meth:`finish` returns the record the first time it
    is called, and None ever after. Before :meth:`start` only a skipped break can be recorded:
    0 s, from the moment the window opened.
    """

    def __init__(self, clock: Clock, settings: Settings, call: DifficultCall | None) -> None:
        self._clock = clock
        self._break_seconds = settings.break_seconds
        self._call = call
        self._pattern = pattern_for(settings.pattern_key)
        self._timer = self._new_timer()
        self._mood_before: Mood | None = None
        self._opened_at = clock.now()
        self._started_at: datetime | None = None
        self._record: BreakRecord | None = None

    def _new_timer(self) -> BreakTimer:
        return BreakTimer(whole_cycles_length(self._pattern, self._break_seconds))

    @property
    def pattern(self) -> Pattern:
        return self._pattern

    @property
    def timer(self) -> BreakTimer:
        return self._timer

    @property
    def call(self) -> DifficultCall | None:
        return self._call

    @property
    def mood_before(self) -> Mood | None:
        return self._mood_before

    @property
    def outcome(self) -> BreakOutcome | None:
        return self._record.outcome if self._record is not None else None

    @property
    def breathing(self) -> bool:
        """Started and not yet recorded."""
        return self._timer.started and self._record is None

    def choose_pattern(self, pattern: Pattern) -> None:
        if not self._timer.started:
            self._pattern = pattern
            self._timer = self._new_timer()

    def link_call(self, call: DifficultCall) -> None:
        """A call tagged while a break with none is open: the break is about it."""
        if self._call is None and self._record is None:
            self._call = call

    def forget_call(self, call: DifficultCall | None) -> None:
        """``call``'s tag was undone: the record must not point at a call that no longer exists."""
        if call is not None and self._call is not None and call.id == self._call.id:
            self._call = None

    def start(self, mood_before: Mood | None) -> None:
        if self._timer.started:
            return
        self._mood_before = mood_before
        self._started_at = self._clock.now()
        self._timer.start(self._clock.monotonic())

    def phase(self) -> PhaseState:
        return phase_at(self._pattern, self._timer.elapsed(self._clock.monotonic()))

    def remaining(self) -> float:
        return self._timer.remaining(self._clock.monotonic())

    def finished(self) -> bool:
        return self._timer.finished(self._clock.monotonic())

    def toggle_pause(self) -> bool:
        """Pause or resume; True when now paused."""
        self._timer.toggle_pause(self._clock.monotonic())
        return self._timer.paused

    def extend(self) -> None:
        """About 30 s more, rounded to whole breaths so the break still ends on an exhale."""
        planned = self._timer.planned_seconds
        self._timer.extend(extended_length(self._pattern, planned, EXTEND_SECONDS) - planned)

    def finish(self, *, skipped: bool) -> BreakRecord | None:
        if self._record is not None or (self._started_at is None and not skipped):
            return None
        elapsed = self._timer.elapsed(self._clock.monotonic())
        planned = self._timer.planned_seconds
        self._record = BreakRecord(
            started_at=self._started_at or self._opened_at,
            pattern_key=self._pattern.key,
            planned_seconds=planned,
            actual_seconds=elapsed,
            outcome=outcome_for(elapsed, planned, skipped=skipped),
            call_id=self._call.id if self._call is not None else None,
            mood_before=self._mood_before,
            planned_at_start_seconds=self._timer.planned_at_start_seconds,
        )
        return self._record

"""When the pacer speaks and chimes: each new step of the breath once, and never a flood.

Plain Python, no Qt: the breathing page feeds it each frame's :class:`PhaseState` and the
break's time left, and it answers with the cue to give, if any. Time is the break's own (the
time left), so a paused break says nothing and tests need no clock.

The rules, for a screen reader reading each announcement aloud after what it is saying:

- A step is said when it begins, if its word differs from the step before (4-7-8's
  "Breathe normally" is not said every breath, only with the time left).
- A step shorter than ``MIN_SPOKEN_STEP_S`` is not said on its own: by the time a screen
  reader got to it, it would be over. It is said with the step before ("Breathe in, then in
  again" for cyclic sighing's one-second second breath).
- Never two announcements less than ``MIN_GAP_S`` of breathing apart.
- The time left is added to a step's words every ``TIME_LEFT_EVERY_S`` or so, and at the first
  step; never in the break's last ``TIME_LEFT_QUIET_S``.

The sound, when on, marks every step, short ones included: a tone is over in a third of a
second.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.core.breathing import Movement, Pattern, PhaseState, Step
from companion.ui.breathing.messages import phase_announcement

MIN_SPOKEN_STEP_S = 1.5
MIN_GAP_S = 1.5
TIME_LEFT_EVERY_S = 30.0
TIME_LEFT_QUIET_S = 10.0


@dataclass(frozen=True)
class Cue:
    """A step began: its movement (for the tone) and the words to announce ("" for none)."""

    movement: Movement
    words: str


class PhaseCues:
    """Remembers what was last said, and when, in the break's time left."""

    def __init__(self, pattern: Pattern) -> None:
        self._pattern = pattern
        self._step: tuple[int, int] | None = None
        self._word: str | None = None
        self._said_at: float | None = None
        self._time_said_at: float | None = None
        self._last_remaining: float | None = None

    def follow(self, state: PhaseState, remaining: float) -> Cue | None:
        """The cue for this frame: None while the same step goes on."""
        self._notice_extension(remaining)
        key = (state.cycle, state.step_index)
        if key == self._step:
            return None
        self._step = key
        word, self._word = self._word, state.word
        silent = Cue(state.step.movement, "")
        if state.step.seconds < MIN_SPOKEN_STEP_S:
            return silent
        if self._said_at is not None and self._said_at - remaining < MIN_GAP_S:
            return silent
        time_left = self._time_left_due(remaining)
        if word == state.word and time_left is None:
            return silent
        self._said_at = remaining
        if time_left is not None:
            self._time_said_at = remaining
        return Cue(state.step.movement, self._words(state, time_left))

    def _words(self, state: PhaseState, time_left: float | None) -> str:
        following = _next_step(self._pattern, state)
        then = None
        if following is not None and following.seconds < MIN_SPOKEN_STEP_S:
            then = following.word
        return phase_announcement(state.word, then, time_left)

    def _time_left_due(self, remaining: float) -> float | None:
        if remaining <= TIME_LEFT_QUIET_S:
            return None
        last = self._time_said_at
        if last is not None and last - remaining < TIME_LEFT_EVERY_S:
            return None
        return remaining

    def _notice_extension(self, remaining: float) -> None:
        """Extra time makes the time left jump up: the times said move up with it, so the
        gaps are still counted in breathing time."""
        last, self._last_remaining = self._last_remaining, remaining
        if last is None or remaining <= last:
            return
        added = remaining - last
        if self._said_at is not None:
            self._said_at += added
        if self._time_said_at is not None:
            self._time_said_at += added


def _next_step(pattern: Pattern, state: PhaseState) -> Step | None:
    """The step after ``state``'s in whichever pattern it belongs to (the follow-on's too)."""
    candidate: Pattern | None = pattern
    while candidate is not None:
        steps = candidate.steps
        if state.step_index < len(steps) and steps[state.step_index] is state.step:
            return steps[(state.step_index + 1) % len(steps)]
        candidate = candidate.then
    return None

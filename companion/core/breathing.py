"""Breathing patterns as data, and where in a pattern the agent is, as a pure function of time.

The pacer asks :func:`phase_at` every frame with the elapsed seconds; nothing here keeps
state or reads a clock, so a whole break can be tested by calling it with any times.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass


class Movement(enum.Enum):
    """What the lungs do during a step; decides the phase word and how the shape moves."""

    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"


@dataclass(frozen=True)
class Step:
    """One timed part of a breath: the word shown, how long, and how full the lungs end up (0-1)."""

    movement: Movement
    seconds: float
    word: str
    target_volume: float


@dataclass(frozen=True)
class Pattern:
    key: str
    name: str
    summary: str
    steps: tuple[Step, ...]
    why: str
    source: str

    @property
    def cycle_seconds(self) -> float:
        return sum(step.seconds for step in self.steps)

    @property
    def breaths_per_minute(self) -> float:
        return 60.0 / self.cycle_seconds


@dataclass(frozen=True)
class PhaseState:
    """Where a pattern is at one moment: enough for the pacer to draw a frame."""

    step_index: int
    step: Step
    cycle: int
    progress: float
    seconds_left: float
    volume: float

    @property
    def word(self) -> str:
        return self.step.word


def _inhale(seconds: float, to: float = 1.0, word: str = "Breathe in") -> Step:
    return Step(Movement.INHALE, seconds, word, to)


def _hold(seconds: float, at: float) -> Step:
    return Step(Movement.HOLD, seconds, "Hold", at)


def _exhale(seconds: float) -> Step:
    return Step(Movement.EXHALE, seconds, "Breathe out", 0.0)


CYCLIC_SIGHING = Pattern(
    key="sigh",
    name="Cyclic sighing",
    summary="Two breaths in through the nose, one long breath out",
    steps=(_inhale(2.0, to=0.75), _inhale(1.0, word="In again"), _exhale(6.0)),
    why=(
        "A second, short inhale re-opens the small air sacs in the lungs, and the long, slow "
        "exhale that follows is the part that calms: breathing out slowly lengthens the pause "
        "between heartbeats and quiets the body's alarm response. In a month-long randomised "
        "study, five minutes a day of cyclic sighing improved mood and lowered breathing rate "
        "more than mindfulness meditation did."
    ),
    source=(
        "Balban MY, Neri E, Kogon MM, et al. Brief structured respiration practices enhance "
        "mood and reduce physiological arousal. Cell Reports Medicine 4(1), 2023."
    ),
)

BOX = Pattern(
    key="box",
    name="Box breathing",
    summary="In 4, hold 4, out 4, hold 4",
    steps=(_inhale(4.0), _hold(4.0, at=1.0), _exhale(4.0), _hold(4.0, at=0.0)),
    why=(
        "Four equal sides give the mind something simple to count while the breath slows to "
        "under four breaths a minute. The steady rhythm and the pauses interrupt rapid, shallow "
        "breathing after a stressful moment; it is taught to police, military and emergency "
        "staff for exactly that. In the same randomised study as cyclic sighing, box breathing "
        "improved daily mood and reduced anxiety."
    ),
    source=(
        "Balban MY, et al. Cell Reports Medicine 4(1), 2023; Röttger S, et al. The effectiveness "
        "of combat tactical breathing as compared with prolonged exhalation. Applied "
        "Psychophysiology and Biofeedback 46, 2021."
    ),
)

FOUR_SEVEN_EIGHT = Pattern(
    key="478",
    name="4-7-8 breathing",
    summary="In 4, hold 7, out 8",
    steps=(_inhale(4.0), _hold(7.0, at=1.0), _exhale(8.0)),
    why=(
        "The exhale is twice as long as the inhale, and the hold slows the whole breath to about "
        "three a minute. Long exhales shift the nervous system towards rest; a controlled study "
        "found 4-7-8 breathing raised heart-rate variability and lowered heart rate and blood "
        "pressure, even after a night of poor sleep. If the hold feels like too much, use box "
        "breathing instead."
    ),
    source=(
        "Vierra J, Boonla O, Prasertsri P. Effects of sleep deprivation and 4-7-8 breathing "
        "control on heart rate variability, blood pressure, blood glucose, and endothelial "
        "function in healthy young adults. Physiological Reports 10(13), 2022."
    ),
)

_RESONANCE_HALF = 60.0 / 5.5 / 2.0

RESONANCE = Pattern(
    key="resonance",
    name="Resonance breathing",
    summary="Slow and even, about 5.5 breaths a minute",
    steps=(_inhale(_RESONANCE_HALF), _exhale(_RESONANCE_HALF)),
    why=(
        "At around five and a half breaths a minute, breathing and heart rhythm fall into step "
        "and the baroreflex, the body's own blood-pressure regulator, works at its strongest. "
        "Heart-rate variability rises sharply and people report feeling calmer within minutes. "
        "No holds, so it suits anyone who finds holding the breath uncomfortable."
    ),
    source=(
        "Lehrer PM, Gevirtz R. Heart rate variability biofeedback: how and why does it work? "
        "Frontiers in Psychology 5:756, 2014; Steffen PR, et al. Frontiers in Public Health "
        "5:222, 2017."
    ),
)

PATTERNS: dict[str, Pattern] = {
    p.key: p for p in (CYCLIC_SIGHING, BOX, FOUR_SEVEN_EIGHT, RESONANCE)
}
DEFAULT_PATTERN_KEY = CYCLIC_SIGHING.key


def pattern_for(key: str | None) -> Pattern:
    """The pattern with this key, or the default one for an unknown or missing key."""
    return PATTERNS.get(key or "", PATTERNS[DEFAULT_PATTERN_KEY])


def _ease(progress: float) -> float:
    """Sinusoidal ease-in-out: breath speeds up and slows down, it never moves at constant speed."""
    return 0.5 - 0.5 * math.cos(math.pi * progress)


def phase_at(pattern: Pattern, elapsed: float) -> PhaseState:
    """Where ``pattern`` is after ``elapsed`` seconds (negative counts as zero)."""
    elapsed = max(0.0, elapsed)
    cycle_seconds = pattern.cycle_seconds
    cycle, into_cycle = divmod(elapsed, cycle_seconds)
    start_volume = pattern.steps[-1].target_volume
    step_start = 0.0
    for index, step in enumerate(pattern.steps):
        step_end = step_start + step.seconds
        if into_cycle < step_end or index == len(pattern.steps) - 1:
            progress = min(1.0, max(0.0, (into_cycle - step_start) / step.seconds))
            volume = start_volume + (step.target_volume - start_volume) * _ease(progress)
            return PhaseState(
                step_index=index,
                step=step,
                cycle=int(cycle),
                progress=progress,
                seconds_left=max(0.0, step_end - into_cycle),
                volume=volume,
            )
        start_volume = step.target_volume
        step_start = step_end
    raise AssertionError("unreachable: a pattern always has a last step")


def whole_cycles_length(pattern: Pattern, wanted_seconds: float) -> float:
    """The break length closest to ``wanted_seconds`` that ends at the end of a breath.

    Stopping in the middle of an inhale feels abrupt, so a planned length is rounded to whole
    cycles (at least one).
    """
    cycles = max(1, round(wanted_seconds / pattern.cycle_seconds))
    return cycles * pattern.cycle_seconds

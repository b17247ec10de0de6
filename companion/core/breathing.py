"""Breathing patterns as data, and where in a pattern the agent is, as a pure function of time.

The pacer asks :func:`phase_at` every frame with the elapsed seconds; nothing here keeps
state or reads a clock, so a whole break can be tested by calling it with any times.

The patterns are built at import, and companion.core.settings (read before the language is
installed) imports them: so they hold their words in English, marked with ``N_``, and say
them in the installed language when asked (``Pattern.name``, ``Step.word``...).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, replace

from companion.core.i18n import N_, _


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
    word_text: str
    target_volume: float

    @property
    def word(self) -> str:
        return _(self.word_text)


@dataclass(frozen=True)
class Pattern:
    """A breath to repeat; ``max_cycles`` of it, then ``then`` for the rest of the break."""

    key: str
    name_text: str
    summary_text: str
    steps: tuple[Step, ...]
    why_text: str
    source_text: str
    max_cycles: int | None = None
    then: Pattern | None = None

    @property
    def name(self) -> str:
        return _(self.name_text)

    @property
    def summary(self) -> str:
        return _(self.summary_text)

    @property
    def why(self) -> str:
        """Why this pattern, and what its evidence found ("" for none)."""
        return _(self.why_text) if self.why_text else ""

    @property
    def source(self) -> str:
        return _(self.source_text) if self.source_text else ""

    @property
    def cycle_seconds(self) -> float:
        return sum(step.seconds for step in self.steps)

    @property
    def limit_seconds(self) -> float | None:
        """When the follow-on takes over, or None for a pattern that repeats for the whole break."""
        if self.max_cycles is None or self.then is None:
            return None
        return self.max_cycles * self.cycle_seconds

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


def _inhale(seconds: float, to: float = 1.0, word: str = N_("Breathe in")) -> Step:
    return Step(Movement.INHALE, seconds, word, to)


def _hold(seconds: float, at: float) -> Step:
    # Translators: the pacer's word while the breath is held.
    return Step(Movement.HOLD, seconds, N_("Hold"), at)


def _exhale(seconds: float, word: str = N_("Breathe out")) -> Step:
    return Step(Movement.EXHALE, seconds, word, 0.0)


CYCLIC_SIGHING = Pattern(
    key="sigh",
    name_text=N_("Cyclic sighing"),
    summary_text=N_("Two breaths in through the nose, one long breath out"),
    steps=(_inhale(2.0, to=0.75), _inhale(1.0, word=N_("In again")), _exhale(6.0)),
    why_text=N_(
        "A breath in, a short second one, then a long, slow breath out. In a randomised trial "
        "(114 adults, five minutes a day for a month), cyclic sighing lifted mood and slowed "
        "breathing the most, more than mindfulness meditation did."
    ),
    # Translators: a reference; keep the authors, title and journal as published.
    source_text=N_(
        "Balban MY, Neri E, Kogon MM, et al. Brief structured respiration practices enhance "
        "mood and reduce physiological arousal. Cell Reports Medicine 4(1):100895, 2023."
    ),
)

BOX = Pattern(
    key="box",
    name_text=N_("Box breathing"),
    summary_text=N_("In 4, hold 4, out 4, hold 4"),
    steps=(_inhale(4.0), _hold(4.0, at=1.0), _exhale(4.0), _hold(4.0, at=0.0)),
    why_text=N_(
        "Four equal counts give you something simple to follow. In a month-long randomised "
        "trial, mood rose with it, but less than with cyclic sighing. The evidence is thin."
    ),
    # Translators: a reference; keep the authors, title and journal as published.
    source_text=N_(
        "Balban MY, Neri E, Kogon MM, et al. Brief structured respiration practices enhance "
        "mood and reduce physiological arousal. Cell Reports Medicine 4(1):100895, 2023."
    ),
)

#: After 4-7-8's few long holds: no holds, no counting, an easy pace to follow or ignore.
BREATHE_NORMALLY = Pattern(
    key="normal",
    name_text=N_("Breathe normally"),
    summary_text=N_("At your own easy pace"),
    steps=(
        _inhale(3.0, to=0.6, word=N_("Breathe normally")),
        _exhale(4.0, word=N_("Breathe normally")),
    ),
    why_text="",
    source_text="",
)

FOUR_SEVEN_EIGHT = Pattern(
    key="478",
    name_text=N_("4-7-8 breathing"),
    summary_text=N_("In 4, hold 7, out 8, four times; then breathe normally"),
    steps=(_inhale(4.0), _hold(7.0, at=1.0), _exhale(8.0)),
    why_text=N_(
        "Andrew Weil's relaxing breath, four times as he advises, then easy normal breaths. "
        "The evidence is thin: its one study (43 young adults) had no comparison group, and "
        "its heart-rhythm results were mixed."
    ),
    # Translators: a reference; keep the authors, title and journal as published.
    source_text=N_(
        "Weil A, the 4-7-8 (relaxing) breath, as he teaches it; Vierra J, Boonla O, Prasertsri "
        "P. Effects of sleep deprivation and 4-7-8 breathing control on heart rate "
        "variability, blood pressure, blood glucose, and endothelial function in healthy "
        "young adults. Physiological Reports 10(13):e15389, 2022."
    ),
    max_cycles=4,
    then=BREATHE_NORMALLY,
)

_RESONANCE_HALF = 60.0 / 5.5 / 2.0

RESONANCE = Pattern(
    key="resonance",
    name_text=N_("Resonance breathing"),
    summary_text=N_("Slow and even, about 5.5 breaths a minute"),
    steps=(_inhale(_RESONANCE_HALF), _exhale(_RESONANCE_HALF)),
    why_text=N_(
        "Slow, even breaths with no holds. In a lab study, 15 minutes at each person's own "
        "slow pace lifted mood and lowered blood pressure under stress more than sitting "
        "quietly did. Companion uses one pace for everyone."
    ),
    # Translators: a reference; keep the authors, title and journal as published.
    source_text=N_(
        "Steffen PR, Austin T, DeBarros A, Brown T. The impact of resonance frequency "
        "breathing on measures of heart rate variability, blood pressure, and mood. Frontiers "
        "in Public Health 5:222, 2017."
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
    """Where ``pattern`` is after ``elapsed`` seconds (negative counts as zero).

    A pattern with a cycle limit hands over to its follow-on at the end of its last cycle;
    cycles go on counting from there.
    """
    elapsed = max(0.0, elapsed)
    limit = pattern.limit_seconds
    if limit is not None and pattern.then is not None and elapsed >= limit:
        after = phase_at(pattern.then, elapsed - limit)
        return replace(after, cycle=after.cycle + (pattern.max_cycles or 0))
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
    cycles (at least one); past a pattern's cycle limit, to whole cycles of its follow-on.
    """
    cycles = max(1, round(wanted_seconds / pattern.cycle_seconds))
    limit = pattern.limit_seconds
    if limit is not None and pattern.then is not None and pattern.max_cycles is not None:
        if wanted_seconds > limit + pattern.then.cycle_seconds / 2:
            return limit + whole_cycles_length(pattern.then, wanted_seconds - limit)
        cycles = min(cycles, pattern.max_cycles)
    return cycles * pattern.cycle_seconds


def extended_length(pattern: Pattern, planned_seconds: float, extra_seconds: float) -> float:
    """A planned break made about ``extra_seconds`` longer, still ending at the end of a breath
    (of the follow-on, once a limited pattern has handed over to it)."""
    longer = whole_cycles_length(pattern, planned_seconds + extra_seconds)
    if longer > planned_seconds + 1e-9:
        return longer
    return whole_cycles_length(pattern, planned_seconds + pattern.cycle_seconds)

"""Moods: a one-click check-in before and after a break, on a five-point scale."""

from __future__ import annotations

import enum


class Mood(enum.IntEnum):
    """How the agent feels, 1 (awful) to 5 (good). Faces are shown; numbers are stored."""

    AWFUL = 1
    LOW = 2
    OKAY = 3
    CALM = 4
    GOOD = 5

    @property
    def face(self) -> str:
        return _FACES[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def word(self) -> str:
        """The mood in a sentence ("you felt low"); the label is for the picker's buttons."""
        return _WORDS[self]


_FACES = {
    Mood.AWFUL: "😣",
    Mood.LOW: "🙁",
    Mood.OKAY: "😐",
    Mood.CALM: "🙂",
    Mood.GOOD: "😌",
}

_LABELS = {
    Mood.AWFUL: "Awful",
    Mood.LOW: "Low",
    Mood.OKAY: "Okay",
    Mood.CALM: "Calm",  # asked before a break too: never "Calmer", which presumes one
    Mood.GOOD: "Good",
}

_WORDS = {
    Mood.AWFUL: "awful",
    Mood.LOW: "low",
    Mood.OKAY: "okay",
    Mood.CALM: "calm",
    Mood.GOOD: "good",
}


def mood_or_none(value: int | None) -> Mood | None:
    """Read a stored mood; anything outside the scale is treated as not given."""
    if value is None:
        return None
    try:
        return Mood(value)
    except ValueError:
        return None


def mood_change(before: Mood | None, after: Mood | None) -> int | None:
    """Positive when the mood rose; None when either check was skipped.

    A rise is not a claim that the break caused it: Companion only says how the mood moved.
    """
    if before is None or after is None:
        return None
    return int(after) - int(before)

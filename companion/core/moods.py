"""Moods: a one-click check-in before and after a break, on a five-point scale."""

from __future__ import annotations

import enum

from companion.core.i18n import pgettext


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
        return _said(self)[0]

    @property
    def word(self) -> str:
        """The mood in a sentence ("you felt low"); the label is for the picker's buttons."""
        return _said(self)[1]


_FACES = {
    Mood.AWFUL: "😣",
    Mood.LOW: "🙁",
    Mood.OKAY: "😐",
    Mood.CALM: "🙂",
    Mood.GOOD: "😌",
}


def _said(mood: Mood) -> tuple[str, str]:
    """The picker's word and the word inside a sentence, in the installed language (read when
    shown, never at import)."""
    return {
        Mood.AWFUL: (pgettext("mood", "Awful"), pgettext("mood in a sentence", "awful")),
        # Translators: "Low" on the picker's button; "low" inside a sentence ("you felt low").
        Mood.LOW: (pgettext("mood", "Low"), pgettext("mood in a sentence", "low")),
        Mood.OKAY: (pgettext("mood", "Okay"), pgettext("mood in a sentence", "okay")),
        # Asked before a break too: never "Calmer", which presumes one.
        Mood.CALM: (pgettext("mood", "Calm"), pgettext("mood in a sentence", "calm")),
        Mood.GOOD: (pgettext("mood", "Good"), pgettext("mood in a sentence", "good")),
    }[mood]


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

"""What the breathing window says: titles, buttons, the kind words, and how to read them aloud.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable.
"""

from __future__ import annotations

import math
from datetime import datetime

from companion.core.breaks import BreakOutcome
from companion.core.moods import Mood, mood_change

WINDOW_TITLE = "Companion — Breathing break"
TITLE = "Breathing break"
CLOSE_NAME = "Close"

# Before: the mood check, the pattern, and Start.
MOOD_BEFORE = "How are you feeling right now?"
READY = "Ready for a short breathing break?"
PATTERN_NAME = "Breathing pattern"
WHY = "Why this works"
WHY_NAME = "Why this pattern works"
HIDE_WHY = "Hide why"
START = "Start breathing"
COUNTDOWN_DESCRIPTION = "When breathing starts by itself"
STOPPED_TEXT = "Start whenever you're ready."

# Breathing: the pacer and the break's buttons.
PACER_NAME = "Breathing guide"
PACER_READY = "Ready when you are"
#: On every break, whatever the pattern: slow breathing and holds can make some people dizzy.
SAFETY = "Light-headed or dizzy? Stop and breathe normally."
PAUSE = "Pause"
RESUME = "Resume"
DONE = "Done"
DONE_NAME = "Done, end the break now"
SKIP = "Skip"
SKIP_NAME = "Skip this break"

# After: a kind word, the mood check, the way out.
MOOD_AFTER = "How do you feel now?"
WRITE = "Write about it"
WRITE_NAME = "Write about it in the journal"
BACK = "Back to work"

# The mood picker.
SKIP_MOOD_NAME = "Skip the mood question"

# The undo banner of a tagged call.
UNDO = "Undo"
UNDO_NAME = "Undo tagging the call"


def countdown_text(seconds: int) -> str:
    return f"Starting in {seconds} s"


def phase_announcement(word: str, then: str | None, seconds_left: float | None) -> str:
    """What a screen reader says as a step begins: "Breathe in, then in again. 45 seconds left."

    ``then`` is a step too short to be said on its own; ``seconds_left``, now and then, the
    break's time left.
    """
    text = word if then is None else f"{word}, then {then[:1].lower()}{then[1:]}"
    if seconds_left is None:
        return text
    return f"{text}. {spoken_time_left(seconds_left)}"


def spoken_time_left(seconds: float) -> str:
    """``0:52 left`` as said aloud: "52 seconds left", "1 minute 12 seconds left"."""
    whole = max(1, math.ceil(seconds - 1e-6))
    minutes, rest = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute" if minutes == 1 else f"{minutes} minutes")
    if rest:
        parts.append(f"{rest} second" if rest == 1 else f"{rest} seconds")
    return f"{' '.join(parts)} left"


def extend_text(seconds: int) -> str:
    return f"+{seconds} s"


def extend_name(seconds: int) -> str:
    return f"Add {seconds} seconds"


def time_left_text(seconds: float) -> str:
    """``0:52 left``: whole seconds, rounded up so the count never shows 0:00 while breathing."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02d} left"


def paused_text(time_left: str) -> str:
    return f"Paused · {time_left}"


def kind_line(outcome: BreakOutcome | None) -> str:
    """Said after every break: never a grade, never a length (the break's is in the settings)."""
    if outcome is BreakOutcome.ENDED_EARLY:
        return "A short pause counts too."
    return "Your break is done. Take your time."


def mood_change_text(before: Mood | None, after: Mood | None) -> str:
    change = mood_change(before, after)
    if change is None or before is None or after is None:
        return ""
    went = f"From {before.face} {before.label} to {after.face} {after.label}."
    if change > 0:
        return went  # how the mood moved, without a verdict on it
    if change < 0:
        return f"{went} Hard calls can linger; writing it down may help."
    return f"Still {after.face} {after.label}. Taking the pause still counts."


def support_text(contact: str) -> str:
    """IT's EAP or peer-support line, from the admin policy."""
    return f"Need to talk? {contact}"


def mood_name(mood: Mood) -> str:
    """A face button's accessible name."""
    return f"Mood {int(mood)}: {mood.label}"


def mood_tooltip(mood: Mood) -> str:
    return f"{mood.label} (key {int(mood)})"


def tagged_at_text(tagged_at: datetime) -> str:
    """The undo banner's words before its Undo button."""
    return f"Call tagged at {tagged_at:%H:%M} ·"

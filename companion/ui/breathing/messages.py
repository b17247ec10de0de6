"""What the breathing window says: titles, buttons, the kind words, and how to read them aloud.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable.
"""

from __future__ import annotations

import math
from datetime import datetime

from companion.core import formatting
from companion.core.breaks import BreakOutcome
from companion.core.i18n import _, ngettext, pgettext
from companion.core.moods import Mood, mood_change

WINDOW_TITLE = _("Companion — Breathing break")
TITLE = _("Breathing break")
CLOSE_NAME = _("Close")

# Before: the mood check, the pattern, and Start.
MOOD_BEFORE = _("How are you feeling right now?")
READY = _("Ready for a short breathing break?")
PATTERN_NAME = _("Breathing pattern")
WHY = _("Why this works")
WHY_NAME = _("Why this pattern works")
HIDE_WHY = _("Hide why")
START = _("Start breathing")
COUNTDOWN_DESCRIPTION = _("When breathing starts by itself")
STOPPED_TEXT = _("Start whenever you're ready.")

# Breathing: the pacer and the break's buttons.
PACER_NAME = _("Breathing guide")
PACER_READY = _("Ready when you are")
#: On every break, whatever the pattern: slow breathing and holds can make some people dizzy.
SAFETY = _("Light-headed or dizzy? Stop and breathe normally.")
# Translators: the pacer's button that holds the breathing guide still (not the break itself).
PAUSE = pgettext("breathing pacer button", "Pause")
RESUME = _("Resume")
# Translators: the button that ends the break now.
DONE = pgettext("end the break", "Done")
DONE_NAME = _("Done, end the break now")
SKIP = _("Skip")
SKIP_NAME = _("Skip this break")

# After: a kind word, the mood check, the way out.
MOOD_AFTER = _("How do you feel now?")
WRITE = _("Write about it")
WRITE_NAME = _("Write about it in the journal")
BACK = _("Back to work")

# The mood picker.
SKIP_MOOD_NAME = _("Skip the mood question")

# The undo banner of a tagged call.
UNDO = _("Undo")
UNDO_NAME = _("Undo tagging the call")


def countdown_text(seconds: int) -> str:
    return ngettext("Starting in {count} s", "Starting in {count} s", seconds).format(count=seconds)


def phase_announcement(word: str, then: str | None, seconds_left: float | None) -> str:
    """What a screen reader says as a step begins: "Breathe in, then in again. 45 seconds left."

    ``then`` is a step too short to be said on its own; ``seconds_left``, now and then, the
    break's time left.
    """
    text = word
    if then is not None:
        # Translators: two steps of the breath said at once ("Breathe in, then in again");
        # the second starts with a small letter.
        text = _("{step}, then {next_step}").format(
            step=word, next_step=f"{then[:1].lower()}{then[1:]}"
        )
    if seconds_left is None:
        return text
    # Translators: a step of the breath, then the break's time left, as a screen reader says it.
    return _("{step}. {time_left}").format(step=text, time_left=spoken_time_left(seconds_left))


def spoken_time_left(seconds: float) -> str:
    """``0:52 left`` as said aloud: "52 seconds left", "1 minute 12 seconds left"."""
    whole = max(1, math.ceil(seconds - 1e-6))
    minutes, rest = divmod(whole, 60)
    if minutes and rest:
        # Translators: the break's time left, said aloud ("1 minute 12 seconds left").
        return _("{minutes} {seconds} left").format(
            minutes=ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes),
            seconds=ngettext("{count} second", "{count} seconds", rest).format(count=rest),
        )
    if minutes:
        return ngettext("{count} minute left", "{count} minutes left", minutes).format(
            count=minutes
        )
    return ngettext("{count} second left", "{count} seconds left", rest).format(count=rest)


def extend_text(seconds: int) -> str:
    # Translators: a button that adds seconds to the break ("+15 s").
    return _("+{seconds} s").format(seconds=seconds)


def extend_name(seconds: int) -> str:
    return ngettext("Add {count} second", "Add {count} seconds", seconds).format(count=seconds)


def time_left_text(seconds: float) -> str:
    """``0:52 left``: whole seconds, rounded up so the count never shows 0:00 while breathing."""
    whole = max(0, math.ceil(seconds - 1e-6))
    # Translators: the break's time left, minutes and seconds ("0:52 left").
    return _("{clock} left").format(clock=f"{whole // 60}:{whole % 60:02d}")


def paused_text(time_left: str) -> str:
    return _("Paused · {time_left}").format(time_left=time_left)


def kind_line(outcome: BreakOutcome | None) -> str:
    """Said after every break: never a grade, never a length (the break's is in the settings)."""
    if outcome is BreakOutcome.ENDED_EARLY:
        return _("A short pause counts too.")
    return _("Your break is done. Take your time.")


def mood_change_text(before: Mood | None, after: Mood | None) -> str:
    change = mood_change(before, after)
    if change is None or before is None or after is None:
        return ""
    went = _("From {face_before} {mood_before} to {face_after} {mood_after}.").format(
        face_before=before.face,
        mood_before=before.label,
        face_after=after.face,
        mood_after=after.label,
    )
    if change > 0:
        return went  # how the mood moved, without a verdict on it
    if change < 0:
        return _("{went} Hard calls can linger; writing it down may help.").format(went=went)
    return _("Still {face} {mood}. Taking the pause still counts.").format(
        face=after.face, mood=after.label
    )


def support_text(contact: str) -> str:
    """IT's EAP or peer-support line, from the admin policy."""
    return _("Need to talk? {contact}").format(contact=contact)


def mood_name(mood: Mood) -> str:
    """A face button's accessible name."""
    return _("Mood {number}: {mood}").format(number=int(mood), mood=mood.label)


def mood_tooltip(mood: Mood) -> str:
    return _("{mood} (key {number})").format(mood=mood.label, number=int(mood))


def tagged_at_text(tagged_at: datetime) -> str:
    """The undo banner's words before its Undo button."""
    return _("Call tagged at {time} ·").format(time=formatting.time_of_day(tagged_at))

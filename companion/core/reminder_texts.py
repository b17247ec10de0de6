"""The words of each reminder, and reading "15:30" or "in 2 hours" as a moment."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from companion.core.moods import mood_or_none
from companion.core.notices import Notice, NoticeAction
from companion.core.reminders import Callback, Due, ReminderKind

MAX_CALLBACK_TEXT = 120
#: True with a tray (its menu) and without one (the Companion window's More menu).
WHERE_CALLBACKS_ARE = "under Callbacks in Companion's menu"
_IN_PATTERN = re.compile(
    r"^(?:in\s+)?(\d{1,4})\s*(m|min|mins|minutes?|h|hr|hrs|hours?)$", re.IGNORECASE
)
_AT_PATTERN = re.compile(r"^(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?$", re.IGNORECASE)


class InvalidWhen(ValueError):
    """A time the agent typed that Companion can't read; the message says what works."""


def parse_when(text: str, now: datetime) -> datetime:
    """ "15:30" / "at 15:30" (today, or tomorrow if past) or "in 2 hours" / "in 45 min" / "1m"."""
    cleaned = " ".join(text.strip().split())
    match = _IN_PATTERN.match(cleaned)
    if match:
        amount, unit = int(match.group(1)), match.group(2).lower()
        minutes = amount * 60 if unit.startswith("h") else amount
        if not 1 <= minutes <= 7 * 24 * 60:
            raise InvalidWhen("Please choose a time within the next week.")
        return now + timedelta(minutes=minutes)
    match = _AT_PATTERN.match(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour > 23 or minute > 59:
            raise InvalidWhen(f"“{text}” isn't a time of day.")
        moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return moment if moment > now else moment + timedelta(days=1)
    raise InvalidWhen(f"Try a time like “15:30” or “in 2 hours” (not “{text}”).")


def callback_label(callback: Callback) -> str:
    """ "Case 4711" or the agent's own words, for menus and lists."""
    if callback.case_ref and callback.text:
        return f"{callback.text} (case {callback.case_ref})"
    if callback.case_ref:
        return f"Call back case {callback.case_ref}"
    return callback.text or "Call back"


def clock_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def callback_lines(callbacks: Iterable[Callback], now: datetime) -> list[str]:
    """Open callbacks for the journal window, soonest first, overdue ones marked; one from
    another day says which ("Mon 15:30"): a bare time would read as today's."""
    lines = []
    for callback in sorted(callbacks, key=lambda c: (c.due_at, c.id or 0)):
        when = clock_time(callback.due_at)
        if callback.due_at.date() != now.date():
            when = f"{callback.due_at:%a} {when}"
        overdue = " (overdue)" if callback.is_overdue(now) else ""
        lines.append(f"{when} {callback_label(callback)}{overdue}")
    return lines


@dataclass(frozen=True)
class DayNumbers:
    """The day so far, for the end-of-shift invitation."""

    calls: int = 0
    breaks: int = 0
    mood_before: float | None = None
    mood_after: float | None = None

    def sentence(self) -> str:
        """The numbers in words, without a verdict: a day without breaks doesn't mention them."""
        before, after = _mood_word(self.mood_before), _mood_word(self.mood_after)
        if before is None or after is None:
            return self._counts()
        if before == after:
            return f"{self._counts()} Around your breaks you felt {before}, before and after."
        return f"{self._counts()} Around your breaks you felt {before} before and {after} after."

    def _counts(self) -> str:
        calls = _plural(self.calls, "hard call", "hard calls")
        breaks = _plural(self.breaks, "break", "breaks")
        if self.calls == 0 and self.breaks == 0:
            return "No hard calls tagged today."
        if self.breaks == 0:
            return f"Today you tagged {calls}."
        if self.calls == 0:
            return f"No hard calls tagged today, and you took {breaks}."
        return f"Today you tagged {calls} and took {breaks}."


def _mood_word(average: float | None) -> str | None:
    """The day's average mood as the picker's word for the nearest face (2.5 reads as 3)."""
    mood = None if average is None else mood_or_none(math.floor(average + 0.5))
    return None if mood is None else mood.word


def break_length_text(seconds: float) -> str:
    """How long a break is, as planned from the settings: "72 seconds", "2 minutes"."""
    whole = round(seconds)
    if whole % 60 == 0 and whole >= 60:
        return _plural(whole // 60, "minute", "minutes")
    if whole < 120:
        return _plural(whole, "second", "seconds")
    return f"about {round(whole / 60)} minutes"


def nudge_notice(calls: int, break_seconds: float) -> Notice:
    """``break_seconds``: the break as the settings plan it, so the notice never says a length
    the break won't have."""
    length = break_length_text(break_seconds)
    return Notice(
        title="A breather?",
        body=f"That was a tough run ({_plural(calls, 'hard call', 'hard calls')}). "
        f"{length[0].upper()}{length[1:]} of breathing?",
        topic="nudge",
        actions=(NoticeAction.START_BREAK,),
    )


def callback_notice(callback: Callback) -> Notice:
    assert callback.id is not None
    return Notice(
        title="Time for a callback",
        body=f"{callback_label(callback)} — you planned it for {clock_time(callback.due_at)}.",
        topic="callback",
        actions=(NoticeAction.DONE, NoticeAction.SNOOZE),
        callback_ids=(callback.id,),
    )


def reflection_notice(numbers: DayNumbers) -> Notice:
    return Notice(
        title="That's the shift",
        body=f"{numbers.sentence()} A moment to set the day down?",
        topic="reflection",
        actions=(NoticeAction.REFLECT,),
    )


def overdue_notice(callbacks: list[Callback]) -> Notice:
    """The end of the shift's list: a way to see them, never an answer for all of them."""
    one = len(callbacks) == 1
    return Notice(
        title="A callback is still open" if one else "Callbacks still open",
        body=f"{_names(callbacks)}. You'll find {'it' if one else 'them'} {WHERE_CALLBACKS_ARE}.",
        topic="callbacks",
        actions=(NoticeAction.SHOW_CALLBACKS,),
    )


def reflection_prompt(numbers: DayNumbers) -> str:
    return f"{numbers.sentence()} What would you like to leave here before you go?"


def notice_for(
    due: Due,
    callbacks: dict[int, Callback],
    open_overdue: list[Callback],
    numbers: DayNumbers,
    nudge_calls: int,
    break_seconds: float,
) -> Notice | None:
    """One notice for everything in ``due`` (several reminders are collapsed into one), or
    None when nothing in it is still worth saying (its callbacks were done meanwhile)."""
    lead: Notice | None = None
    due_now: list[Callback] = []
    overdue = False
    for reminder in due.reminders:
        if reminder.kind is ReminderKind.NUDGE:
            lead = lead or nudge_notice(nudge_calls, break_seconds)
        elif reminder.kind is ReminderKind.REFLECTION:
            lead = reflection_notice(numbers)  # the shift's end matters more than a nudge
        elif reminder.kind is ReminderKind.OVERDUE:
            overdue = bool(open_overdue)
        elif reminder.callback_id in callbacks:
            due_now.append(callbacks[reminder.callback_id])
    waiting = _distinct([*due_now, *(open_overdue if overdue else [])])
    if lead is not None:
        return _with_callbacks_line(lead, waiting)
    if len(waiting) == 1:
        return callback_notice(waiting[0]) if due_now else overdue_notice(waiting)
    if waiting:
        return overdue_notice(waiting) if overdue else _callbacks_due(waiting)
    return None


def _with_callbacks_line(lead: Notice, waiting: list[Callback]) -> Notice:
    """The nudge or the reflection as it is, with one line about callbacks and a way to see
    them: never Done or Snooze, which would answer for callbacks the agent hasn't seen."""
    if not waiting:
        return lead
    if len(waiting) == 1:
        what = f"{callback_label(waiting[0])} ({clock_time(waiting[0].due_at)}) is waiting"
    else:
        what = f"{len(waiting)} callbacks are waiting"
    return replace(
        lead,
        body=f"{lead.body}\nAlso: {what} {WHERE_CALLBACKS_ARE}.",
        actions=(*lead.actions, NoticeAction.SHOW_CALLBACKS),
    )


def _callbacks_due(waiting: list[Callback]) -> Notice:
    """Several callbacks due together (or missed while the computer slept): one list."""
    return Notice(
        title=f"{len(waiting)} callbacks are due",
        body=f"{_names(waiting)}. You'll find them {WHERE_CALLBACKS_ARE}.",
        topic="callbacks",
        actions=(NoticeAction.SHOW_CALLBACKS,),
    )


def _names(callbacks: list[Callback]) -> str:
    names = ", ".join(f"{callback_label(c)} ({clock_time(c.due_at)})" for c in callbacks[:3])
    return names + (f" and {len(callbacks) - 3} more" if len(callbacks) > 3 else "")


def _distinct(callbacks: list[Callback]) -> list[Callback]:
    """Each callback once (one due now is also overdue at the shift's end), oldest first."""
    unique = {c.id: c for c in callbacks if c.id is not None}
    return sorted(unique.values(), key=lambda c: (c.due_at, c.id or 0))


def _plural(count: int, one: str, many: str) -> str:
    return f"1 {one}" if count == 1 else f"{count} {many}"


def shift_window(start: time, end: time) -> str:
    return f"{start.strftime('%H:%M')}–{end.strftime('%H:%M')}"

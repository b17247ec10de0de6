"""The words of each reminder, and reading "15:30" or "in 2 hours" as a moment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from companion.core.notices import Notice, NoticeAction
from companion.core.reminders import Callback, Due, ReminderKind

MAX_CALLBACK_TEXT = 120
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


@dataclass(frozen=True)
class DayNumbers:
    """The day so far, for the end-of-shift invitation."""

    calls: int = 0
    breaks: int = 0
    mood_before: float | None = None
    mood_after: float | None = None

    def sentence(self) -> str:
        calls = _plural(self.calls, "hard call", "hard calls")
        breaks = _plural(self.breaks, "break", "breaks")
        text = f"Today you tagged {calls} and took {breaks}."
        if self.mood_before is not None and self.mood_after is not None:
            text += (
                f" Mood around breaks: {self.mood_before:.1f} before, {self.mood_after:.1f} after."
            )
        return text


def nudge_notice(calls: int) -> Notice:
    return Notice(
        title="A breather?",
        body=f"That was a tough run ({calls} hard calls). Two minutes of breathing?",
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
        body=f"{numbers.sentence()} A minute to set the day down?",
        topic="reflection",
        actions=(NoticeAction.REFLECT,),
    )


def overdue_notice(callbacks: list[Callback]) -> Notice:
    names = ", ".join(f"{callback_label(c)} ({clock_time(c.due_at)})" for c in callbacks[:3])
    more = f" and {len(callbacks) - 3} more" if len(callbacks) > 3 else ""
    return Notice(
        title="Callbacks still open",
        body=f"{names}{more}. They're waiting in the tray menu.",
        topic="callbacks",
        callback_ids=tuple(c.id for c in callbacks if c.id is not None),
    )


def reflection_prompt(numbers: DayNumbers) -> str:
    return f"{numbers.sentence()} What would you like to leave here before you go?"


def notice_for(
    due: Due,
    callbacks: dict[int, Callback],
    open_overdue: list[Callback],
    numbers: DayNumbers,
    calls_since_break: int,
) -> Notice:
    """One notice for everything in ``due``; several reminders are collapsed into one."""
    parts: list[Notice] = []
    for reminder in due.reminders:
        if reminder.kind is ReminderKind.NUDGE:
            parts.append(nudge_notice(calls_since_break))
        elif reminder.kind is ReminderKind.REFLECTION:
            parts.append(reflection_notice(numbers))
        elif reminder.kind is ReminderKind.OVERDUE and open_overdue:
            parts.append(overdue_notice(open_overdue))
        elif reminder.callback_id in callbacks:
            parts.append(callback_notice(callbacks[reminder.callback_id]))
    if len(parts) <= 1:
        return parts[0] if parts else Notice("Companion", "Nothing is waiting for you.")
    return _collapsed(parts)


def _collapsed(parts: list[Notice]) -> Notice:
    ids = tuple(dict.fromkeys(i for part in parts for i in part.callback_ids))
    lines = [part.body for part in parts]
    return Notice(
        title="While you were away",
        body="\n".join(lines),
        topic="callbacks" if ids else parts[0].topic,
        actions=(NoticeAction.DONE, NoticeAction.SNOOZE) if ids else parts[0].actions,
        callback_ids=ids,
    )


def _plural(count: int, one: str, many: str) -> str:
    return f"1 {one}" if count == 1 else f"{count} {many}"


def shift_window(start: time, end: time) -> str:
    return f"{start.strftime('%H:%M')}–{end.strftime('%H:%M')}"

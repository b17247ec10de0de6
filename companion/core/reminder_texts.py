"""The words of each reminder, and reading "15:30" or "in 2 hours" as a moment."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from companion.core import formatting
from companion.core.i18n import _, ngettext, pgettext
from companion.core.moods import mood_or_none
from companion.core.notices import Notice, NoticeAction
from companion.core.reminders import Callback, Due, ReminderKind

MAX_CALLBACK_TEXT = 120
#: The example of a time ``parse_when`` reads; its example of a delay is in the agent's words.
EXAMPLE_TIME = "15:30"
_AT_PATTERN = re.compile(r"^(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?$", re.IGNORECASE)


class InvalidWhen(ValueError):
    """A time the agent typed that Companion can't read; the message says what works."""


def example_delay() -> str:
    """A delay as the agent would type it, which ``parse_when`` reads: "in 2 hours"."""
    # Translators: typed by the agent; it must use the words you give for "in", "minutes"
    # and "hours" in the three "callback delay" entries, so Companion can read it.
    return _("in 2 hours")


def _words(*lists: str) -> list[str]:
    """Words separated by |, English's and the language's, longest first (so "minutes" is
    tried before "m")."""
    return sorted({word for words in lists for word in words.split("|") if word}, key=len)[::-1]


def _delay_pattern() -> tuple[re.Pattern[str], set[str]]:
    """ "in 2 hours" in English and in the agent's language; the words for hours."""
    # Translators: the words an agent may type before a delay ("in 2 hours"), separated by |;
    # every form your language uses ("dans", "en|dentro de").
    before = _words("in", pgettext("callback delay: words before the number", "in"))
    # Translators: the words for minutes after a number, separated by |.
    minutes = pgettext("callback delay: words for minutes", "m|min|mins|minute|minutes")
    # Translators: the words for hours after a number, separated by |.
    hours = pgettext("callback delay: words for hours", "h|hr|hrs|hour|hours")
    hour_words = _words("h|hr|hrs|hour|hours", hours)
    units = _words("m|min|mins|minute|minutes", minutes, *hour_words)
    either = "|".join(map(re.escape, before))
    pattern = re.compile(
        rf"^(?:(?:{either})\s+)?(\d{{1,4}})\s*({'|'.join(map(re.escape, units))})$",
        re.IGNORECASE,
    )
    return pattern, {word.casefold() for word in hour_words}


def parse_when(text: str, now: datetime) -> datetime:
    """ "15:30" / "at 15:30" (today, or tomorrow if past) or "in 2 hours" / "in 45 min" / "1m",
    and a delay in the agent's own words ("en 2 horas", "in 2 Stunden")."""
    cleaned = " ".join(text.strip().split())
    delay, hour_words = _delay_pattern()
    match = delay.match(cleaned)
    if match:
        amount, unit = int(match.group(1)), match.group(2).casefold()
        minutes = amount * 60 if unit in hour_words else amount
        if not 1 <= minutes <= 7 * 24 * 60:
            raise InvalidWhen(_("Please choose a time within the next week."))
        return now + timedelta(minutes=minutes)
    match = _AT_PATTERN.match(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour > 23 or minute > 59:
            raise InvalidWhen(_("“{text}” isn't a time of day.").format(text=text))
        moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return moment if moment > now else moment + timedelta(days=1)
    # Translators: {example_time} is "15:30"; {example_delay} is your "in 2 hours".
    raise InvalidWhen(
        _("Try a time like “{example_time}” or “{example_delay}” (not “{text}”).").format(
            example_time=EXAMPLE_TIME, example_delay=example_delay(), text=text
        )
    )


def callback_label(callback: Callback) -> str:
    """ "Call back case 4711" or the agent's own words, for menus and lists."""
    if callback.case_ref and callback.text:
        # Translators: {text} is what the agent wrote about the callback.
        return _("{text} (case {case_ref})").format(text=callback.text, case_ref=callback.case_ref)
    if callback.case_ref:
        return _("Call back case {case_ref}").format(case_ref=callback.case_ref)
    return callback.text or _("Call back")


def clock_time(moment: datetime) -> str:
    """ "15:30" or "3:30 PM", as the agent's region writes a time."""
    return formatting.time_of_day(moment)


def callback_lines(callbacks: Iterable[Callback], now: datetime) -> list[str]:
    """Open callbacks for the journal window, soonest first, overdue ones marked; one from
    another day says which ("Mon 15:30"): a bare time would read as today's."""
    lines = []
    for callback in sorted(callbacks, key=lambda c: (c.due_at, c.id or 0)):
        when = clock_time(callback.due_at)
        if callback.due_at.date() != now.date():
            # Translators: a callback's moment on another day: "Mon 15:30".
            when = _("{weekday} {time}").format(
                weekday=formatting.short_weekday(callback.due_at), time=when
            )
        label = callback_label(callback)
        if callback.is_overdue(now):
            lines.append(_("{when} {callback} (overdue)").format(when=when, callback=label))
        else:
            lines.append(_("{when} {callback}").format(when=when, callback=label))
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
            moods = _("Around your breaks you felt {mood}, before and after.").format(mood=before)
        else:
            moods = _("Around your breaks you felt {before} before and {after} after.").format(
                before=before, after=after
            )
        return f"{self._counts()} {moods}"

    def _counts(self) -> str:
        if self.calls == 0 and self.breaks == 0:
            return _("No hard calls tagged today.")
        if self.breaks == 0:
            return ngettext(
                "Today you tagged {count} hard call.",
                "Today you tagged {count} hard calls.",
                self.calls,
            ).format(count=self.calls)
        if self.calls == 0:
            return ngettext(
                "No hard calls tagged today, and you took {count} break.",
                "No hard calls tagged today, and you took {count} breaks.",
                self.breaks,
            ).format(count=self.breaks)
        # Translators: {calls} is "3 hard calls", {breaks} is "1 break" (translated below).
        return _("Today you tagged {calls} and took {breaks}.").format(
            calls=hard_calls(self.calls), breaks=breaks(self.breaks)
        )


def hard_calls(count: int) -> str:
    return ngettext("{count} hard call", "{count} hard calls", count).format(count=count)


def breaks(count: int) -> str:
    return ngettext("{count} break", "{count} breaks", count).format(count=count)


def _mood_word(average: float | None) -> str | None:
    """The day's average mood as the picker's word for the nearest face (2.5 reads as 3)."""
    mood = None if average is None else mood_or_none(math.floor(average + 0.5))
    return None if mood is None else mood.word


def break_length_text(seconds: float) -> str:
    """How long a break is, as planned from the settings: "72 seconds", "2 minutes"."""
    whole = round(seconds)
    if whole % 60 == 0 and whole >= 60:
        return ngettext("{count} minute", "{count} minutes", whole // 60).format(count=whole // 60)
    if whole < 120:
        return ngettext("{count} second", "{count} seconds", whole).format(count=whole)
    about = round(whole / 60)
    return ngettext("about {count} minute", "about {count} minutes", about).format(count=about)


def _breathing_question(seconds: float) -> str:
    """ "72 seconds of breathing?", as ``break_length_text`` counts, one whole sentence."""
    whole = round(seconds)
    if whole % 60 == 0 and whole >= 60:
        count = whole // 60
        return ngettext(
            "{count} minute of breathing?", "{count} minutes of breathing?", count
        ).format(count=count)
    if whole < 120:
        return ngettext(
            "{count} second of breathing?", "{count} seconds of breathing?", whole
        ).format(count=whole)
    about = round(whole / 60)
    return ngettext(
        "About {count} minute of breathing?", "About {count} minutes of breathing?", about
    ).format(count=about)


def nudge_notice(calls: int, break_seconds: float) -> Notice:
    """``break_seconds``: the break as the settings plan it, so the notice never says a length
    the break won't have."""
    run = ngettext(
        "That was a tough run ({count} hard call).",
        "That was a tough run ({count} hard calls).",
        calls,
    ).format(count=calls)
    return Notice(
        title=_("A breather?"),
        body=f"{run} {_breathing_question(break_seconds)}",
        topic="nudge",
        actions=(NoticeAction.START_BREAK,),
    )


def callback_notice(callback: Callback) -> Notice:
    assert callback.id is not None
    return Notice(
        title=_("Time for a callback"),
        body=_("{callback} — you planned it for {time}.").format(
            callback=callback_label(callback), time=clock_time(callback.due_at)
        ),
        topic="callback",
        actions=(NoticeAction.DONE, NoticeAction.SNOOZE),
        callback_ids=(callback.id,),
    )


def reflection_notice(numbers: DayNumbers) -> Notice:
    return Notice(
        title=_("That's the shift"),
        body=_("{day} A moment to set the day down?").format(day=numbers.sentence()),
        topic="reflection",
        actions=(NoticeAction.REFLECT,),
    )


def overdue_notice(callbacks: list[Callback]) -> Notice:
    """The end of the shift's list: a way to see them, never an answer for all of them."""
    one = len(callbacks) == 1
    if one:
        title = _("A callback is still open")
        body = _("{callbacks}. You'll find it under Callbacks in Companion's menu.")
    else:
        title = _("Callbacks still open")
        body = _("{callbacks}. You'll find them under Callbacks in Companion's menu.")
    return Notice(
        title=title,
        body=body.format(callbacks=_names(callbacks)),
        topic="callbacks",
        actions=(NoticeAction.SHOW_CALLBACKS,),
    )


def reflection_prompt(numbers: DayNumbers) -> str:
    return _("{day} What would you like to leave here before you go?").format(
        day=numbers.sentence()
    )


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
    them: never Done or Snooze, which would answer for callbacks the agent hasn't seen.
    (The menu is "Callbacks" with a tray and without one: the Companion window's More menu.)"""
    if not waiting:
        return lead
    if len(waiting) == 1:
        line = _(
            "Also: {callback} ({time}) is waiting under Callbacks in Companion's menu."
        ).format(callback=callback_label(waiting[0]), time=clock_time(waiting[0].due_at))
    else:
        line = ngettext(
            "Also: {count} callback is waiting under Callbacks in Companion's menu.",
            "Also: {count} callbacks are waiting under Callbacks in Companion's menu.",
            len(waiting),
        ).format(count=len(waiting))
    return replace(
        lead, body=f"{lead.body}\n{line}", actions=(*lead.actions, NoticeAction.SHOW_CALLBACKS)
    )


def _callbacks_due(waiting: list[Callback]) -> Notice:
    """Several callbacks due together (or missed while the computer slept): one list."""
    return Notice(
        title=ngettext("{count} callback is due", "{count} callbacks are due", len(waiting)).format(
            count=len(waiting)
        ),
        body=_("{callbacks}. You'll find them under Callbacks in Companion's menu.").format(
            callbacks=_names(waiting)
        ),
        topic="callbacks",
        actions=(NoticeAction.SHOW_CALLBACKS,),
    )


def _names(callbacks: list[Callback]) -> str:
    named = [
        # Translators: a callback in a list: "Call back case 4711 (15:30)".
        _("{callback} ({time})").format(callback=callback_label(c), time=clock_time(c.due_at))
        for c in callbacks[:3]
    ]
    if len(callbacks) <= 3:
        return ", ".join(named)
    more = len(callbacks) - 3
    # Translators: the first three callbacks, then how many more: "A, B, C and 2 more".
    return ngettext("{callbacks} and {count} more", "{callbacks} and {count} more", more).format(
        callbacks=", ".join(named), count=more
    )


def _distinct(callbacks: list[Callback]) -> list[Callback]:
    """Each callback once (one due now is also overdue at the shift's end), oldest first."""
    unique = {c.id: c for c in callbacks if c.id is not None}
    return sorted(unique.values(), key=lambda c: (c.due_at, c.id or 0))

"""The debrief summary: plain text the agent composes from their own records, to bring to a
supervisor, a peer or the EAP. Only what the agent ticks goes in; it never scores or grades.

What each tick lets in (and nothing else does):

- ``counts`` (the only one ticked at first): how many hard calls, breaks and callbacks.
- ``reasons``: each call's reason and the intensity the agent gave it.
- ``times``: the day and clock time of each call, break and callback.
- ``breaks``: how each break went (length, to the end, ended early or skipped) and the moods
  the agent gave before and after it.
- ``notes``: the agent's own words: call notes, journal entries written about those calls,
  and what each callback was for.
- ``case_refs``: case references of calls and callbacks. A tick of its own, never part of
  "own notes": a case reference points at a customer's record, so it is the one thing here
  that can identify someone else, and a note can be shared without it.

Companion only composes the text; the agent reads it, may edit it, and copies, saves or
prints it. Nothing is sent anywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from companion.core import formatting
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import MAX_INTENSITY, DifficultCall, Reason
from companion.core.debrief_period import day_text, period_name
from companion.core.i18n import _, ngettext, pgettext
from companion.core.insights import Period
from companion.core.journal import JournalEntry
from companion.core.moods import Mood
from companion.core.reminders import Callback

TITLE = _("Debrief summary")
#: How much longer "+30 s" makes a break (ui/breathing's button).
_EXTRA_SECONDS = 30
_INDENT = "  "


@dataclass(frozen=True)
class Ticks:
    """What the agent chose to include; nothing beyond the counts until they tick it."""

    counts: bool = True
    reasons: bool = False
    times: bool = False
    breaks: bool = False
    notes: bool = False
    case_refs: bool = False

    @property
    def lists_calls(self) -> bool:
        """Whether each call gets a line of its own (the reasons alone fit in one line)."""
        return self.times or self.breaks or self.notes or self.case_refs


@dataclass(frozen=True)
class DebriefRecords:
    """The agent's records for the summary: calls, breaks, callbacks, and the journal
    entries written about those calls."""

    calls: tuple[DifficultCall, ...] = ()
    breaks: tuple[BreakRecord, ...] = ()
    callbacks: tuple[Callback, ...] = ()
    entries: tuple[JournalEntry, ...] = ()


def for_calls(chosen: Sequence[DifficultCall], records: DebriefRecords) -> DebriefRecords:
    """Only what belongs to the ``chosen`` calls: their breaks, callbacks and entries."""
    ids = {call.id for call in chosen if call.id is not None}
    return DebriefRecords(
        calls=tuple(sorted(chosen, key=lambda call: call.tagged_at)),
        breaks=tuple(b for b in records.breaks if b.call_id in ids),
        callbacks=tuple(c for c in records.callbacks if c.call_id in ids),
        entries=tuple(e for e in records.entries if e.call_id in ids),
    )


def in_period(records: DebriefRecords, period: Period) -> DebriefRecords:
    """What belongs to ``period``, each by its own local date (read from the store with
    ``between(*period.bounds())``, which may hold a day more on either side)."""
    calls = tuple(c for c in records.calls if period.holds(c.tagged_at))
    ids = {call.id for call in calls if call.id is not None}
    return DebriefRecords(
        calls=calls,
        breaks=tuple(b for b in records.breaks if period.holds(b.started_at)),
        callbacks=tuple(c for c in records.callbacks if period.holds(c.due_at)),
        entries=tuple(e for e in records.entries if e.call_id in ids),
    )


def compose(records: DebriefRecords, ticks: Ticks, period: Period | None) -> str:
    """The summary as plain text; ``period`` None means calls the agent chose one by one."""
    parts = [_heading(records, ticks, period)]
    if ticks.counts:
        parts.append(_counts(records))
    if ticks.reasons and records.calls:
        parts.append(_reasons(records.calls))
    if ticks.breaks and records.breaks:
        parts.append(_break_outcomes(records.breaks))
    if ticks.lists_calls and records.calls:
        parts.append(_call_list(records, ticks))
    loose = _loose_breaks(records)
    if ticks.breaks and loose:
        parts.append(_break_list(loose, ticks))
    if (ticks.times or ticks.notes or ticks.case_refs) and records.callbacks:
        parts.append(_callback_list(records.callbacks, ticks))
    if ticks.breaks and any(_has_mood(b) for b in records.breaks):
        parts.append(_("Moods are my own rating, from 1 (awful) to 5 (good)."))
    return "\n\n".join(parts) + "\n"


def _heading(records: DebriefRecords, ticks: Ticks, period: Period | None) -> str:
    if period is not None:
        # Translators: {period} is "Monday, November 30 to Sunday, December 6, 2026".
        return _("Debrief summary: {period}").format(period=period_name(period))
    if ticks.counts:
        count = len(records.calls)
        return ngettext(
            "Debrief summary: {count} hard call I chose",
            "Debrief summary: {count} hard calls I chose",
            count,
        ).format(count=count)
    return _("Debrief summary: hard calls I chose")


def _counts(records: DebriefRecords) -> str:
    lines = [
        _("Hard calls I tagged: {count}").format(count=len(records.calls)),
        _("Breathing breaks: {count}").format(count=len(records.breaks)),
    ]
    if records.callbacks:
        done = sum(1 for callback in records.callbacks if not callback.is_open)
        lines.append(
            _("Callbacks: {count} ({done} done, {open} still open)").format(
                count=len(records.callbacks), done=done, open=len(records.callbacks) - done
            )
        )
    return "\n".join(lines)


def _reasons(calls: Iterable[DifficultCall]) -> str:
    counted = Counter(call.reason for call in calls)
    # The most frequent first; a tie keeps the order the tray menu lists them in.
    order = sorted((r for r in Reason if counted[r]), key=lambda r: -counted[r])
    # Translators: a reason and how many calls had it: "Angry 2".
    named = [
        _("{reason} {count}").format(reason=reason.label, count=counted[reason]) for reason in order
    ]
    if counted[None]:
        named.append(_("no reason given {count}").format(count=counted[None]))
    return _("Reasons: {reasons}").format(reasons=", ".join(named))


def _break_outcomes(breaks: Sequence[BreakRecord]) -> str:
    outcomes = Counter(record.outcome for record in breaks)
    parts = [
        _counted_outcome(outcome, outcomes[outcome])
        for outcome in BreakOutcome
        if outcomes[outcome]
    ]
    longer = sum(1 for record in breaks if _extended(record))
    if longer:
        parts.append(
            ngettext(
                "{count} made longer with +{extra}", "{count} made longer with +{extra}", longer
            ).format(count=longer, extra=formatting.duration(_EXTRA_SECONDS))
        )
    return _("Breaks: {outcomes}").format(outcomes=", ".join(parts))


def _counted_outcome(outcome: BreakOutcome, count: int) -> str:
    return {
        BreakOutcome.COMPLETED: ngettext(
            "{count} breathed to the end", "{count} breathed to the end", count
        ),
        BreakOutcome.ENDED_EARLY: ngettext("{count} ended early", "{count} ended early", count),
        BreakOutcome.SKIPPED: ngettext("{count} skipped", "{count} skipped", count),
    }[outcome].format(count=count)


def _outcome_words(outcome: BreakOutcome) -> str:
    """How one break went, after its length: "1 min 45 sec, breathed to the end"."""
    return {
        BreakOutcome.COMPLETED: pgettext("a break", "breathed to the end"),
        BreakOutcome.ENDED_EARLY: pgettext("a break", "ended early"),
        BreakOutcome.SKIPPED: pgettext("a break", "skipped"),
    }[outcome]


def _call_list(records: DebriefRecords, ticks: Ticks) -> str:
    lines = [_("Calls:")]
    for call in records.calls:
        lines.append("- " + _call_line(call, ticks))
        if ticks.notes and call.note:
            lines.append(_indented(_("My note: {note}").format(note=call.note)))
        if ticks.breaks:
            lines += [_indented(_break_line(b, ticks)) for b in records.breaks if _about(b, call)]
        if ticks.notes:
            lines += [
                _indented(_("From my journal: {entry}").format(entry=entry.body.strip()))
                for entry in records.entries
                if call.id is not None and entry.call_id == call.id and entry.body.strip()
            ]
    return "\n".join(lines)


def _call_line(call: DifficultCall, ticks: Ticks) -> str:
    parts = []
    if ticks.times:
        parts.append(_when(call.tagged_at))
    if ticks.reasons:
        parts.append(call.reason.label if call.reason is not None else _("no reason given"))
        if call.intensity is not None:
            parts.append(
                _("intensity {intensity} of {highest}").format(
                    intensity=call.intensity, highest=MAX_INTENSITY
                )
            )
    if ticks.case_refs and call.case_ref:
        parts.append(_("case {case_ref}").format(case_ref=call.case_ref))
    return " · ".join(parts) if parts else _("A hard call")


def _break_line(record: BreakRecord, ticks: Ticks, *, with_day: bool = False) -> str:
    said = {
        "length": formatting.duration(record.actual_seconds),
        "outcome": _outcome_words(record.outcome),
    }
    if ticks.times and with_day:
        # Translators: a break not linked to a call: "Tuesday, December 1, break at 2:05 PM:
        # 1 min 45 sec, breathed to the end".
        text = _("{day}, break at {time}: {length}, {outcome}").format(
            day=day_text(record.started_at.date()), time=_clock(record.started_at), **said
        )
    elif ticks.times:
        text = _("Break at {time}: {length}, {outcome}").format(
            time=_clock(record.started_at), **said
        )
    else:
        text = _("Break: {length}, {outcome}").format(**said)
    moods = _moods(record.mood_before, record.mood_after)
    # Translators: a break's line, then the moods around it.
    return _("{line}; {moods}").format(line=text, moods=moods) if moods else text


def _break_list(breaks: Sequence[BreakRecord], ticks: Ticks) -> str:
    lines = [_("Breaks not linked to a call:")]
    lines += ["- " + _break_line(record, ticks, with_day=True) for record in breaks]
    return "\n".join(lines)


def _callback_list(callbacks: Sequence[Callback], ticks: Ticks) -> str:
    lines = [_("Callbacks:")]
    for callback in callbacks:
        if ticks.times:
            # Translators: when a callback was due: "due Tuesday, December 1 at 2:05 PM".
            due = _("due {day} at {time}")
            parts = [due.format(day=day_text(callback.due_at.date()), time=_clock(callback.due_at))]
        else:
            parts = [_("A callback")]
        parts.append(
            pgettext("a callback", "still open")
            if callback.is_open
            else pgettext("a callback", "done")
        )
        if ticks.case_refs and callback.case_ref:
            parts.append(_("case {case_ref}").format(case_ref=callback.case_ref))
        lines.append("- " + " · ".join(parts))
        if ticks.notes and callback.text.strip():
            lines.append(_indented(_("What it was for: {text}").format(text=callback.text.strip())))
    return "\n".join(lines)


def _loose_breaks(records: DebriefRecords) -> list[BreakRecord]:
    """Breaks not about any call in the summary (started from the tray, or unlinked)."""
    ids = {call.id for call in records.calls if call.id is not None}
    return [record for record in records.breaks if record.call_id not in ids]


def _about(record: BreakRecord, call: DifficultCall) -> bool:
    return call.id is not None and record.call_id == call.id


def _extended(record: BreakRecord) -> bool:
    start = record.planned_at_start_seconds
    return start is not None and record.planned_seconds > start + 0.5


def _has_mood(record: BreakRecord) -> bool:
    return record.mood_before is not None or record.mood_after is not None


def _moods(before: Mood | None, after: Mood | None) -> str:
    # Translators: {before} and {after} are mood words ("low"), then their number (1 to 5).
    if before is not None and after is not None:
        return _("mood {before} ({before_value}) before, {after} ({after_value}) after").format(
            before=before.word, before_value=int(before), after=after.word, after_value=int(after)
        )
    if before is not None:
        return _("mood {before} ({before_value}) before").format(
            before=before.word, before_value=int(before)
        )
    if after is not None:
        return _("mood {after} ({after_value}) after").format(
            after=after.word, after_value=int(after)
        )
    return ""


def _when(moment: datetime) -> str:
    # Translators: a day and a time: "Tuesday, December 1, 2:05 PM".
    return _("{day}, {time}").format(day=day_text(moment.date()), time=_clock(moment))


def _clock(moment: datetime) -> str:
    return formatting.time_of_day(moment)


def _indented(text: str) -> str:
    """A note's own lines, each indented under its call; carriage returns become newlines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_INDENT + line for line in lines)

"""The debrief summary holds nothing the agent did not tick, and says it kindly."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core import formatting
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.debrief import DebriefRecords, Ticks, compose, for_calls, in_period
from companion.core.debrief_period import chosen_days, period_name
from companion.core.insights import recent_weeks, this_week
from companion.core.journal import JournalEntry
from companion.core.moods import Mood
from companion.core.reminders import Callback

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
ZONES = [BERLIN, NEW_YORK, UTC]
START = datetime(2026, 11, 30, 0, 0, tzinfo=BERLIN)
#: Distinctive words for the agent's own text: no digit, no colon, nothing a fixed word of
#: the summary (or a reason label, or a mood word) could contain.
SECRET = st.text(alphabet="qxzj", min_size=6, max_size=20).map(lambda s: f"qz{s}")
#: Case references in capitals, so that no note can be read inside one, nor one in a note.
CASE_REF = st.text(alphabet="QXZJ", min_size=6, max_size=20).map(lambda s: f"QZ{s}")
CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")
#: CLDR's narrow no-break space between a time and its AM/PM.
NNBSP = "\u202f"
MOOD_WORDS = [m.word for m in Mood] + [m.label for m in Mood]
GRADES = ("well done", "good to see", "good job", "great job", "nice work", "proud of you")
REPROACH = (" yet", "only", "should", "you forgot", "you didn't", "!")


def _of(call_id: int) -> Callable[[str], str]:
    """Marks a secret as one call's ("vwwv…" for call 2), so no call's secret can be read
    inside another's."""
    return lambda secret: f"v{'w' * call_id}v{secret}"


@st.composite
def records(draw: st.DrawFn) -> DebriefRecords:
    """Calls across a week (nights, DST shifts allowed), their breaks, callbacks and entries,
    every text of the agent's a distinctive secret."""
    count = draw(st.integers(min_value=0, max_value=6))
    calls, breaks, callbacks, entries = [], [], [], []
    for call_id in range(1, count + 1):
        at = START + timedelta(minutes=draw(st.integers(0, 7 * 24 * 60 - 1)))
        call = DifficultCall(
            tagged_at=at,
            id=call_id,
            reason=draw(st.none() | st.sampled_from(Reason)),
            intensity=draw(st.none() | st.integers(1, 5)),
            case_ref=draw(st.none() | CASE_REF),
            note=draw(st.none() | SECRET.map(_of(call_id))),
        )
        calls.append(call)
        if draw(st.booleans()):
            breaks.append(_break(at, call_id, draw))
        if draw(st.booleans()):
            callbacks.append(_callback(at, call_id, draw))
        if draw(st.booleans()):
            entries.append(JournalEntry(draw(SECRET.map(_of(call_id))), at, at, call_id=call_id))
    if draw(st.booleans()):  # a break from the tray, linked to no call
        breaks.append(_break(START + timedelta(hours=30), None, draw))
    calls.sort(key=lambda call: call.tagged_at)
    return DebriefRecords(tuple(calls), tuple(breaks), tuple(callbacks), tuple(entries))


def _break(at: datetime, call_id: int | None, draw: st.DrawFn) -> BreakRecord:
    return BreakRecord(
        started_at=at + timedelta(minutes=1),
        pattern_key="cyclic",
        planned_seconds=draw(st.sampled_from([75.0, 105.0])),
        actual_seconds=draw(st.floats(0, 900)),
        outcome=draw(st.sampled_from(BreakOutcome)),
        call_id=call_id,
        mood_before=draw(st.none() | st.sampled_from(Mood)),
        mood_after=draw(st.none() | st.sampled_from(Mood)),
        planned_at_start_seconds=75.0,
    )


def _callback(at: datetime, call_id: int, draw: st.DrawFn) -> Callback:
    return Callback(
        due_at=at + timedelta(hours=2),
        text=draw(SECRET.map(_of(call_id))),
        created_at=at,
        call_id=call_id,
        case_ref=draw(st.none() | CASE_REF),
        done_at=draw(st.none() | st.just(at + timedelta(hours=3))),
    )


TICKS = st.builds(
    Ticks,
    counts=st.booleans(),
    reasons=st.booleans(),
    times=st.booleans(),
    breaks=st.booleans(),
    notes=st.booleans(),
    case_refs=st.booleans(),
)


def _notes(data: DebriefRecords) -> list[str]:
    return (
        [c.note for c in data.calls if c.note]
        + [e.body for e in data.entries]
        + [c.text for c in data.callbacks]
    )


def _case_refs(data: DebriefRecords) -> list[str]:
    return [c.case_ref for c in (*data.calls, *data.callbacks) if c.case_ref]


@given(records(), TICKS)
def test_own_notes_appear_only_when_ticked(data: DebriefRecords, ticks: Ticks) -> None:
    text = compose(data, replace(ticks, notes=False), None)
    assert not [note for note in _notes(data) if note in text]
    ticked = compose(data, replace(ticks, notes=True), None)
    assert all(note in ticked for note in _notes(data))


@given(records(), TICKS)
def test_case_references_appear_only_when_ticked(data: DebriefRecords, ticks: Ticks) -> None:
    text = compose(data, replace(ticks, case_refs=False), None)
    assert not [ref for ref in _case_refs(data) if ref in text]
    assert "case" not in text.lower()
    ticked = compose(data, replace(ticks, case_refs=True), None)
    assert all(ref in ticked for ref in _case_refs(data))


@given(records(), TICKS)
def test_no_reason_label_or_intensity_unless_reasons_are_ticked(
    data: DebriefRecords, ticks: Ticks
) -> None:
    text = compose(data, replace(ticks, reasons=False), None)
    for reason in Reason:
        assert not re.search(rf"\b{re.escape(reason.label)}\b", text)
    assert "reason" not in text.lower()
    assert "intensity" not in text


@given(records(), TICKS)
def test_no_clock_time_or_day_unless_times_are_ticked(data: DebriefRecords, ticks: Ticks) -> None:
    text = compose(data, replace(ticks, times=False), None)
    assert not CLOCK_TIME.search(text)
    assert not any(name in text for name in (*DAYS, *MONTHS))


#: The tests' language ("en") names its days and months so.
DAYS = tuple(formatting.locale().days["format"]["wide"].values())
MONTHS = tuple(formatting.locale().months["format"]["wide"].values())


@given(records(), TICKS)
def test_no_break_details_or_moods_unless_breaks_are_ticked(
    data: DebriefRecords, ticks: Ticks
) -> None:
    text = compose(data, replace(ticks, breaks=False), None)
    for word in MOOD_WORDS:
        assert not re.search(rf"\b{word}\b", text), word
    assert not re.search(r"\d+ s\b|\bmin\b|skipped|ended early|to the end", text)


@given(records(), TICKS)
def test_no_number_at_all_without_counts_times_breaks_and_reasons(
    data: DebriefRecords, ticks: Ticks
) -> None:
    bare = replace(ticks, counts=False, times=False, breaks=False, reasons=False)
    assert not re.search(r"\d", compose(data, bare, None))


@given(records())
def test_the_first_ticks_give_counts_and_nothing_else(data: DebriefRecords) -> None:
    text = compose(data, Ticks(), None)
    assert Ticks() == Ticks(counts=True)
    assert f"Hard calls I tagged: {len(data.calls)}" in text
    assert f"Breathing breaks: {len(data.breaks)}" in text
    for secret in _notes(data) + _case_refs(data):
        assert secret not in text
    assert not CLOCK_TIME.search(text)


@given(records(), TICKS)
def test_every_summary_is_kind_and_never_grades(data: DebriefRecords, ticks: Ticks) -> None:
    text = compose(data, ticks, this_week(datetime(2026, 12, 2, 9, tzinfo=BERLIN))).lower()
    assert not any(word in text for word in (*GRADES, *REPROACH))
    assert "score" not in text


def test_everything_ticked_reads_as_a_debrief() -> None:
    at = datetime(2026, 12, 1, 14, 5, tzinfo=BERLIN)
    call = DifficultCall(at, 7, Reason.ANGRY, 4, "CASE-991", "Shouted about the bill.")
    data = DebriefRecords(
        calls=(call,),
        breaks=(
            BreakRecord(
                at, "cyclic", 105.0, 105.0, BreakOutcome.COMPLETED, 7, Mood.LOW, Mood.CALM, 75.0
            ),
        ),
        callbacks=(
            Callback(
                at + timedelta(hours=2),
                "Ring back about the refund",
                at,
                case_ref="CASE-991",
                call_id=7,
            ),
        ),
        entries=(JournalEntry("I kept my voice steady.\nIt still stung.", at, at, call_id=7),),
    )
    everything = Ticks(True, True, True, True, True, True)
    period = this_week(datetime(2026, 12, 2, 9, tzinfo=BERLIN))
    assert compose(data, everything, period) == (
        "Debrief summary: Monday, November 30 to Sunday, December 6, 2026\n\n"
        "Hard calls I tagged: 1\nBreathing breaks: 1\nCallbacks: 1 (0 done, 1 still open)\n\n"
        "Reasons: Angry 1\n\n"
        "Breaks: 1 breathed to the end, 1 made longer with +30 sec\n\n"
        "Calls:\n"
        f"- Tuesday, December 1, 2:05{NNBSP}PM · Angry · intensity 4 of 5 · case CASE-991\n"
        "  My note: Shouted about the bill.\n"
        f"  Break at 2:05{NNBSP}PM: 1 min 45 sec, breathed to the end;"
        " mood low (2) before, calm (4) after\n"
        "  From my journal: I kept my voice steady.\n  It still stung.\n\n"
        "Callbacks:\n"
        f"- due Tuesday, December 1 at 4:05{NNBSP}PM · still open · case CASE-991\n"
        "  What it was for: Ring back about the refund\n\n"
        "Moods are my own rating, from 1 (awful) to 5 (good).\n"
    )


def test_an_empty_week_is_said_plainly() -> None:
    period = this_week(datetime(2026, 12, 2, 9, tzinfo=BERLIN))
    assert compose(DebriefRecords(), Ticks(), period) == (
        "Debrief summary: Monday, November 30 to Sunday, December 6, 2026\n\n"
        "Hard calls I tagged: 0\nBreathing breaks: 0\n"
    )


@given(records(), st.data())
def test_chosen_calls_bring_only_their_own_records(
    data: DebriefRecords, pick: st.DataObject
) -> None:
    chosen = pick.draw(st.lists(st.sampled_from(data.calls), unique=True)) if data.calls else []
    picked = for_calls(chosen, data)
    ids = {call.id for call in chosen}
    assert {call.id for call in picked.calls} == ids
    assert all(b.call_id in ids for b in picked.breaks)
    assert all(c.call_id in ids for c in picked.callbacks)
    assert all(e.call_id in ids for e in picked.entries)
    text = compose(picked, Ticks(notes=True), None)
    for other in data.calls:
        if other.id not in ids and other.note:
            assert other.note not in text


# The periods.


@settings(max_examples=200)
@given(st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31), timezones=st.sampled_from(ZONES)))
def test_this_week_and_four_weeks_end_on_sunday_and_name_their_days(now: datetime) -> None:
    week, four = this_week(now), recent_weeks(now)
    last = week.end - timedelta(days=1)
    assert week.start.weekday() == 0 and last.weekday() == 6
    assert week.start <= now.date() <= last
    assert four.end == week.end and (four.end - four.start).days == 28
    assert period_name(week).startswith("Monday, ") and " to Sunday, " in period_name(week)


@given(records())
def test_a_period_keeps_what_its_days_hold(data: DebriefRecords) -> None:
    monday = START.date()
    kept = in_period(data, chosen_days(monday, monday + timedelta(days=1)))
    assert all(c.tagged_at.date() in (monday, monday + timedelta(days=1)) for c in kept.calls)
    ids = {c.id for c in kept.calls}
    assert all(e.call_id in ids for e in kept.entries)


def test_a_night_shift_call_after_midnight_is_on_the_new_day() -> None:
    night = DifficultCall(datetime(2026, 12, 2, 0, 30, tzinfo=BERLIN), 1)
    tuesday = chosen_days(date(2026, 12, 1), date(2026, 12, 1))
    assert in_period(DebriefRecords(calls=(night,)), tuesday).calls == ()
    assert period_name(tuesday) == "Tuesday, December 1, 2026"


def test_days_in_either_order_and_across_a_new_year() -> None:
    period = chosen_days(date(2027, 1, 3), date(2026, 12, 28))
    assert period_name(period) == "Monday, December 28, 2026 to Sunday, January 3, 2027"


def test_a_call_in_the_hour_that_repeats_in_autumn_is_kept_once() -> None:
    first = datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=BERLIN)
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)
    calls = (DifficultCall(first, 1), DifficultCall(second, 2))
    sunday = chosen_days(date(2026, 10, 25), date(2026, 10, 25))
    assert len(in_period(DebriefRecords(calls=calls), sunday).calls) == 2


def test_a_hundred_thousand_calls_compose_quickly_enough_to_type_beside() -> None:
    at = datetime(2026, 1, 1, tzinfo=BERLIN)
    calls = tuple(
        DifficultCall(at + timedelta(minutes=5 * i), i, Reason.ANGRY, note="qz")
        for i in range(100_000)
    )
    text = compose(DebriefRecords(calls=calls), Ticks(reasons=True), None)
    assert "Hard calls I tagged: 100000" in text and "Angry 100000" in text

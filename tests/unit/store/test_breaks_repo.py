"""Break records: written when the break starts and completed with the mood afterwards."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.calls_repo import SqliteCallRepository
from companion.store.connection import Connection
from tests.fakes import T0


def a_break(call_id: int | None = None, minutes: int = 0) -> BreakRecord:
    return BreakRecord(
        started_at=T0 + timedelta(minutes=minutes),
        pattern_key="sigh",
        planned_seconds=60.0,
        actual_seconds=12.5,
        outcome=BreakOutcome.ENDED_EARLY,
        call_id=call_id,
        mood_before=Mood.LOW,
        planned_at_start_seconds=60.0,
    )


def test_add_then_update_keeps_every_field(memory_db: Connection) -> None:
    call = SqliteCallRepository(memory_db).add(DifficultCall(tagged_at=T0))
    breaks = SqliteBreakRepository(memory_db)

    record = breaks.add(a_break(call.id))
    finished = replace(
        record, actual_seconds=60.0, outcome=BreakOutcome.COMPLETED, mood_after=Mood.CALM
    )
    breaks.update(finished)

    assert record.id == 1
    assert breaks.latest() == finished
    assert breaks.for_call(call.id or 0) == [finished]


def test_for_call_lists_only_that_calls_breaks_oldest_first(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    first, second = calls.add(DifficultCall(tagged_at=T0)), calls.add(DifficultCall(tagged_at=T0))
    breaks = SqliteBreakRepository(memory_db)
    later = breaks.add(a_break(first.id, minutes=10))
    earlier = breaks.add(a_break(first.id, minutes=1))
    breaks.add(a_break(second.id))
    breaks.add(a_break(None, minutes=30))

    assert breaks.for_call(first.id or 0) == [earlier, later]
    assert breaks.for_call(99) == []
    latest = breaks.latest()
    assert latest is not None and latest.call_id is None


def test_a_break_outlives_its_undone_call(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    call = calls.add(DifficultCall(tagged_at=T0))
    breaks = SqliteBreakRepository(memory_db)
    record = breaks.add(a_break(call.id))

    calls.delete(call.id or 0)

    assert breaks.latest() == replace(record, call_id=None)


def test_a_break_for_a_call_undone_meanwhile_is_still_saved(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    call = calls.add(DifficultCall(tagged_at=T0))
    calls.delete(call.id or 0)
    breaks = SqliteBreakRepository(memory_db)

    record = breaks.add(a_break(call.id))
    breaks.update(replace(record, call_id=call.id, mood_after=Mood.GOOD))

    stored = breaks.latest()
    assert record.call_id is None
    assert stored is not None and (stored.call_id, stored.mood_after) == (None, Mood.GOOD)


def test_unknown_stored_values_read_back_tolerantly(memory_db: Connection) -> None:
    memory_db.execute(
        "INSERT INTO breaks (started_at, pattern_key, planned_seconds, actual_seconds,"
        " outcome, mood_before, mood_after) VALUES (?, 'box', 60, 30, 'abandoned', 0, 7)",
        [T0.isoformat()],
    )

    record = SqliteBreakRepository(memory_db).latest()

    assert record is not None
    assert record.outcome is BreakOutcome.ENDED_EARLY
    assert (record.mood_before, record.mood_after) == (None, None)


def test_the_plan_at_start_is_kept_beside_the_extended_plan(memory_db: Connection) -> None:
    breaks = SqliteBreakRepository(memory_db)
    extended = replace(a_break(), planned_seconds=114.0, planned_at_start_seconds=63.0)
    stored = breaks.add(extended)
    assert breaks.latest() == stored
    assert (stored.planned_at_start_seconds, stored.planned_seconds) == (63.0, 114.0)

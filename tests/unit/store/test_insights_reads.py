"""The reads Insights makes (issue #16): calls, breaks and callbacks between two instants, the
calls per day, the snooze count, and the query plans that keep them to a week's rows."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.reminders import Callback
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.calls_repo import SqliteCallRepository
from companion.store.connection import Connection
from companion.store.database import open_memory_database
from companion.store.reminders_repo import SqliteReminderRepository

BERLIN_WINTER = timezone(timedelta(hours=1))
NEW_YORK = timezone(timedelta(hours=-5))
START = datetime(2026, 11, 30, 0, 0, tzinfo=BERLIN_WINTER)
END = START + timedelta(days=7)


def test_calls_between_compare_instants_not_text(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    # 23:30 in New York on Sunday is 05:30 on Monday in Berlin: inside, though its text says
    # the 29th; 00:30 Berlin's Monday written in New York's offset is the 29th too.
    inside = calls.add(DifficultCall(datetime(2026, 11, 29, 23, 30, tzinfo=NEW_YORK)))
    first = calls.add(DifficultCall(START, reason=Reason.ANGRY))
    calls.add(DifficultCall(START - timedelta(microseconds=1)))
    calls.add(DifficultCall(END))
    last = calls.add(DifficultCall(END - timedelta(seconds=1)))

    assert calls.between(START, END) == [first, inside, last]


def test_calls_by_day_count_each_call_on_its_own_local_date(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    for moment in (
        datetime(2026, 11, 29, 23, 30, tzinfo=NEW_YORK),  # Monday in Berlin, Sunday where tagged
        START + timedelta(hours=1),
        START + timedelta(hours=2),
        START + timedelta(days=2, hours=23, minutes=59),
    ):
        calls.add(DifficultCall(moment))

    assert calls.count_by_day(START, END) == {
        date(2026, 11, 29): 1,
        date(2026, 11, 30): 2,
        date(2026, 12, 2): 1,
    }
    assert calls.count_by_day(END, END + timedelta(days=7)) == {}


def test_breaks_between_are_oldest_first_skipped_ones_included(memory_db: Connection) -> None:
    breaks = SqliteBreakRepository(memory_db)
    later = breaks.add(
        BreakRecord(START + timedelta(hours=3), "sigh", 75, 80, BreakOutcome.COMPLETED, None)
    )
    earlier = breaks.add(BreakRecord(START, "box", 60, 0, BreakOutcome.SKIPPED))
    breaks.add(BreakRecord(END, "box", 60, 60, BreakOutcome.COMPLETED))

    assert breaks.between(START, END) == [earlier, later]


def test_callbacks_between_by_their_time_now_with_the_snooze_count(
    memory_db: Connection,
) -> None:
    repo = SqliteReminderRepository(memory_db)
    promised = repo.add_callback(Callback(START + timedelta(hours=9), "Refund", START))
    assert promised.snoozes == 0
    snoozed = promised.snoozed(START + timedelta(hours=9), 15).snoozed(END, 60)
    repo.update_callback(snoozed)
    kept = repo.add_callback(Callback(START + timedelta(days=1), "Parcel", START))
    repo.update_callback(replace(kept, done_at=START + timedelta(days=1, minutes=5)))

    assert [c.text for c in repo.callbacks_between(START, END)] == ["Parcel"]
    (moved,) = repo.callbacks_between(END, END + timedelta(days=7))
    assert moved.snoozes == 2


def test_a_callback_saved_before_snoozes_were_counted_reads_as_not_known(
    memory_db: Connection,
) -> None:
    memory_db.execute(
        "INSERT INTO callbacks (created_at, due_at, text) VALUES (?, ?, 'Old')",
        [START.isoformat(), (START + timedelta(hours=1)).isoformat()],
    )
    (old,) = SqliteReminderRepository(memory_db).callbacks_between(START, END)
    assert old.snoozes is None
    assert old.snoozed(START, 5).snoozes == 1


def sent_sql(db: Connection, read: Callable[[], object]) -> str:
    """The one statement ``read`` sends, its values written in (sqlite3's trace)."""
    sent: list[str] = []
    db.conn.set_trace_callback(sent.append)
    try:
        read()
    finally:
        db.conn.set_trace_callback(None)
    (statement,) = [s for s in sent if s.lstrip().upper().startswith("SELECT")]
    return statement


READS: dict[str, Callable[[Connection], object]] = {
    "calls": lambda db: SqliteCallRepository(db).between(START, END),
    "calls per day": lambda db: SqliteCallRepository(db).count_by_day(START, END),
    "breaks": lambda db: SqliteBreakRepository(db).between(START, END),
    "callbacks": lambda db: SqliteReminderRepository(db).callbacks_between(START, END),
}


def query_plan(db: Connection, name: str) -> list[str]:
    sql = sent_sql(db, lambda: READS[name](db))
    return [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()]


@pytest.mark.parametrize("name", READS)
def test_each_read_finds_its_rows_through_an_index(memory_db: Connection, name: str) -> None:
    plan = query_plan(memory_db, name)
    assert any("USING INDEX" in step or "USING COVERING INDEX" in step for step in plan), plan
    assert not any(step.startswith("SCAN") for step in plan), plan


def test_the_calls_per_day_are_counted_from_the_index_alone(memory_db: Connection) -> None:
    plan = query_plan(memory_db, "calls per day")
    assert any("USING COVERING INDEX idx_calls_instant" in step for step in plan), plan


ZONES = st.sampled_from([ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"), UTC])
MOMENTS = st.datetimes(
    min_value=datetime(2026, 3, 20), max_value=datetime(2026, 4, 10), timezones=ZONES
)


@settings(max_examples=60, deadline=None)
@given(st.lists(MOMENTS, max_size=40), MOMENTS, st.integers(1, 14))
def test_the_reads_agree_with_the_moments_they_were_given(
    moments: list[datetime], start: datetime, days: int
) -> None:
    """Across Berlin's and New York's spring changes: between() keeps exactly the instants
    in the span, and count_by_day counts each on its own local date."""
    end = start + timedelta(days=days)
    db = open_memory_database()
    try:
        calls = SqliteCallRepository(db)
        for moment in moments:
            calls.add(DifficultCall(moment))
        # Instants (UTC), not wall times: datetimes of one zone compare by their wall clocks,
        # and a time in the spring gap (02:00 on Berlin's change day) is the instant of 03:00.
        inside = [m for m in moments if start.timestamp() <= m.timestamp() < end.timestamp()]
        # Timestamps: a time in a spring gap compares unequal to any other zone's (PEP 495).
        read = [c.tagged_at.timestamp() for c in calls.between(start, end)]
        assert sorted(read) == sorted(m.timestamp() for m in inside)
        assert all(later - earlier > -0.001 for earlier, later in itertools.pairwise(read))
        # The counts compare to the millisecond (julianday's), as the port says.
        if not any(
            abs((m - edge).total_seconds()) < 0.001 for m in moments for edge in (start, end)
        ):
            assert calls.count_by_day(start, end) == Counter(m.date() for m in inside)
    finally:
        db.close()

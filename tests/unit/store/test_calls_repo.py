"""Tagged calls: what the tray writes and what the day's count reads."""

from __future__ import annotations

from datetime import timedelta, timezone

from companion.core.calls import DifficultCall, Reason
from companion.store.calls_repo import SqliteCallRepository
from companion.store.connection import Connection
from tests.fakes import T0

PARIS = timezone(timedelta(hours=1))


def test_add_gives_each_call_an_id_and_get_reads_it_back(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    tagged = DifficultCall(tagged_at=T0.astimezone(PARIS)).with_details(
        reason=Reason.ABUSIVE, intensity=4, case_ref="CASE-12", note="Shouting.\nHung up."
    )

    first = calls.add(tagged)
    second = calls.add(DifficultCall(tagged_at=T0))

    assert (first.id, second.id) == (1, 2)
    stored = calls.get(1)
    assert stored == first
    assert stored is not None and stored.tagged_at.utcoffset() == timedelta(hours=1)
    assert calls.get(99) is None


def test_recent_lists_the_newest_first_up_to_the_limit(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    # An hour later in Paris is still earlier than this in UTC: ordered by the instant.
    early = calls.add(DifficultCall(tagged_at=T0.astimezone(PARIS)))
    late = calls.add(DifficultCall(tagged_at=T0 + timedelta(minutes=5)))
    middle = calls.add(DifficultCall(tagged_at=(T0 + timedelta(minutes=2)).astimezone(PARIS)))

    assert calls.recent() == [late, middle, early]
    assert calls.recent(limit=2) == [late, middle]


def test_update_replaces_the_details(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    call = calls.add(DifficultCall(tagged_at=T0))

    detailed = call.with_details(reason=Reason.ESCALATED, intensity=2, note="Manager took it")
    calls.update(detailed)

    assert calls.get(call.id or 0) == detailed


def test_updating_an_undone_call_does_not_bring_it_back(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    call = calls.add(DifficultCall(tagged_at=T0))
    calls.delete(call.id or 0)

    calls.update(call.with_details(reason=Reason.ANGRY))

    assert calls.get(call.id or 0) is None
    assert calls.latest() is None


def test_delete_is_quiet_for_a_call_already_gone(memory_db: Connection) -> None:
    SqliteCallRepository(memory_db).delete(42)


def test_latest_is_the_latest_instant_whatever_the_utc_offset(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    # 10:30 in Paris is 09:30 UTC: earlier than 10:00 UTC although its text sorts later.
    calls.add(DifficultCall(tagged_at=T0))
    calls.add(DifficultCall(tagged_at=(T0 - timedelta(minutes=30)).astimezone(PARIS)))

    latest = calls.latest()

    assert latest is not None and latest.tagged_at == T0


def test_count_on_counts_the_calls_of_that_local_day(memory_db: Connection) -> None:
    calls = SqliteCallRepository(memory_db)
    late_evening = T0.replace(hour=23, minute=59, second=59, microsecond=999999)
    for moment in (T0, T0 + timedelta(hours=1), late_evening, T0 + timedelta(days=1)):
        calls.add(DifficultCall(tagged_at=moment))
    # 23:30 UTC on the 23rd is already the 24th in Paris: the agent's own day counts.
    calls.add(DifficultCall(tagged_at=(T0 - timedelta(hours=10, minutes=30)).astimezone(PARIS)))

    assert calls.count_on(T0.date()) == 4
    assert calls.count_on(T0.date() + timedelta(days=1)) == 1
    assert calls.count_on(T0.date() - timedelta(days=1)) == 0


def test_a_reason_or_intensity_this_version_does_not_know_reads_as_not_given(
    memory_db: Connection,
) -> None:
    memory_db.execute(
        "INSERT INTO calls (tagged_at, reason, intensity) VALUES (?, 'rude-robot', 9)",
        [T0.isoformat()],
    )

    call = SqliteCallRepository(memory_db).get(1)

    assert call is not None and (call.reason, call.intensity) == (None, None)


def test_a_time_stored_without_an_offset_reads_as_local_time(memory_db: Connection) -> None:
    memory_db.execute("INSERT INTO calls (tagged_at) VALUES ('2026-11-24T10:00:00')")

    call = SqliteCallRepository(memory_db).get(1)

    assert call is not None and call.tagged_at.tzinfo is not None
    assert call.tagged_at.replace(tzinfo=None).isoformat() == "2026-11-24T10:00:00"

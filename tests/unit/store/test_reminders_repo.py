"""Callbacks, sent reminders and the pause survive in SQLite, and feed the reminder policy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlite_utils import Database

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.reminders import Callback, ReminderKind, SentReminder
from companion.store.breaks_repo import SqliteBreakRepository
from companion.store.calls_repo import SqliteCallRepository
from companion.store.reminders_repo import SqliteReminderRepository

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def test_a_callback_is_kept_snoozed_and_marked_done(db: Database) -> None:
    repo = SqliteReminderRepository(db)
    call = SqliteCallRepository(db).add(DifficultCall(tagged_at=NOW, case_ref="4711"))
    added = repo.add_callback(
        Callback(due_at=NOW + timedelta(hours=2), text="Refund", created_at=NOW, call_id=call.id)
    )
    assert added.id is not None
    assert repo.get_callback(added.id) == added
    snoozed = added.snoozed(NOW, 15)
    repo.update_callback(snoozed)
    assert repo.open_callbacks() == [snoozed]
    repo.update_callback(snoozed.__class__(**{**snoozed.__dict__, "done_at": NOW}))
    assert repo.open_callbacks() == []


def test_history_holds_what_the_policy_needs(db: Database) -> None:
    repo = SqliteReminderRepository(db)
    calls, breaks = SqliteCallRepository(db), SqliteBreakRepository(db)
    old_break = NOW - timedelta(days=3)
    breaks.add(BreakRecord(old_break, "sigh", 60, 60, BreakOutcome.COMPLETED))
    for minutes in (0, 10):
        calls.add(DifficultCall(tagged_at=NOW + timedelta(minutes=minutes)))
    calls.add(DifficultCall(tagged_at=NOW - timedelta(days=2)))
    repo.record_sent(SentReminder(ReminderKind.NUDGE, NOW))
    repo.set_paused_until(NOW + timedelta(hours=1))
    history = repo.history(NOW - timedelta(hours=1))
    assert history.calls == (NOW, NOW + timedelta(minutes=10))
    assert history.breaks == (old_break,)  # the latest break, however old
    assert history.sent == (SentReminder(ReminderKind.NUDGE, NOW),)
    assert history.paused_until == NOW + timedelta(hours=1)
    repo.set_paused_until(None)
    assert repo.history(NOW).paused_until is None


def test_a_skipped_break_is_not_a_break_to_the_nudge(db: Database) -> None:
    repo = SqliteReminderRepository(db)
    breaks = SqliteBreakRepository(db)
    breaks.add(BreakRecord(NOW - timedelta(days=3), "sigh", 60, 60, BreakOutcome.COMPLETED))
    breaks.add(BreakRecord(NOW - timedelta(minutes=1), "sigh", 60, 3, BreakOutcome.SKIPPED))
    ended_early = NOW - timedelta(minutes=2)
    breaks.add(BreakRecord(ended_early, "box", 60, 30, BreakOutcome.ENDED_EARLY))
    assert repo.history(NOW - timedelta(hours=1)).breaks == (ended_early,)
    assert repo.history(NOW - timedelta(seconds=30)).breaks == (ended_early,)  # the latest


def test_day_numbers_count_the_day_and_average_the_moods(db: Database) -> None:
    repo = SqliteReminderRepository(db)
    SqliteCallRepository(db).add(DifficultCall(tagged_at=NOW))
    breaks = SqliteBreakRepository(db)
    for before, after in ((Mood.LOW, Mood.OKAY), (Mood.OKAY, Mood.GOOD)):
        breaks.add(
            BreakRecord(
                NOW, "sigh", 60, 60, BreakOutcome.COMPLETED, mood_before=before, mood_after=after
            )
        )
    numbers = repo.day_numbers(NOW - timedelta(hours=8), NOW)
    assert (numbers.calls, numbers.breaks) == (1, 2)
    assert numbers.mood_before is not None and numbers.mood_after is not None
    assert numbers.mood_after > numbers.mood_before
    assert repo.day_numbers(NOW + timedelta(seconds=1), NOW + timedelta(hours=8)).calls == 0


def test_day_numbers_span_midnight_for_a_night_shift_whatever_the_offsets(db: Database) -> None:
    """22:00-06:00 in UTC+1, one call stored at each end with another offset's text."""
    plus_one = timezone(timedelta(hours=1))
    start = datetime(2026, 11, 23, 22, 0, tzinfo=plus_one)
    calls = SqliteCallRepository(db)
    calls.add(DifficultCall(tagged_at=start.astimezone(UTC)))  # '...21:00:00+00:00'
    calls.add(DifficultCall(tagged_at=datetime(2026, 11, 24, 5, 59, tzinfo=plus_one)))
    calls.add(DifficultCall(tagged_at=start - timedelta(minutes=1)))  # before the shift
    numbers = SqliteReminderRepository(db).day_numbers(start, start + timedelta(hours=8))
    assert numbers.calls == 2

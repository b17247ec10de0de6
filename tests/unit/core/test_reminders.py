"""The reminder policy, driven by a fake clock through generated days."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, time, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from companion.core.reminder_settings import ReminderSettings
from companion.core.reminders import (
    QUIET_SHIFT_GRACE,
    Callback,
    ReminderHistory,
    ReminderKind,
    SentReminder,
    next_due,
    nudge_calls,
    overdue_callbacks,
)
from tests.unit.core.reminder_sim import Event, World

MONDAY = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
NINE = MONDAY.replace(hour=9)
#: Nudges and the end of the shift off: callbacks the agent set still come.
CALLBACKS_ONLY = ReminderSettings(enabled=False)

event_kinds = st.sampled_from(["call", "call", "call", "call", "break", "callback", "pause"])
events = st.lists(
    st.builds(
        Event,
        at=st.integers(0, 3 * 24 * 60).map(lambda m: MONDAY + timedelta(minutes=m)),
        what=event_kinds,
        minutes=st.integers(1, 240),
    ),
    max_size=60,
)
#: Day shifts and night shifts (which belong to the working day they start on).
SHIFTS = [
    (time(7, 0), time(17, 0)),
    (time(9, 0), time(21, 15)),
    (time(13, 30), time(17, 0)),
    (time(22, 0), time(6, 0)),
    (time(20, 0), time(1, 30)),
    (time(23, 45), time(0, 15)),
]
reminder_settings = st.sampled_from(SHIFTS).flatmap(
    lambda hours: st.builds(
        ReminderSettings,
        nudge_calls=st.integers(2, 5),
        nudge_window_minutes=st.integers(10, 120),
        rate_limit_minutes=st.integers(5, 60),
        shift_start=st.just(hours[0]),
        shift_end=st.just(hours[1]),
        working_days=st.sampled_from([(0, 1, 2, 3, 4), (1, 3), (0, 1, 2, 3, 4, 5, 6)]),
    )
)


def run(reminders: ReminderSettings, happened: list[Event]) -> World:
    world = World(reminders)
    world.run_until(MONDAY, MONDAY + timedelta(days=4), happened)
    return world


@settings(max_examples=150, deadline=None)
@given(reminder_settings, events)
def test_never_two_non_callback_reminders_inside_the_rate_limit(
    reminders: ReminderSettings, happened: list[Event]
) -> None:
    world = run(reminders, happened)
    times = sorted(d.at for d in world.delivered for r in d.reminders if not r.kind.is_callback)
    for earlier, later in itertools.pairwise(times):
        assert later - earlier >= reminders.rate_limit


@settings(max_examples=150, deadline=None)
@given(reminder_settings, events)
def test_nothing_but_callbacks_in_quiet_hours(
    reminders: ReminderSettings, happened: list[Event]
) -> None:
    world = run(reminders, happened)
    for at in world.times_of(ReminderKind.NUDGE):
        assert reminders.in_shift(at)
    for kind in (ReminderKind.REFLECTION, ReminderKind.OVERDUE):
        for at in world.times_of(kind):
            # After a working day's shift ended, the same day (held back, or missed).
            shifts = reminders.shifts_from(at - timedelta(days=2), 3)
            assert any(shift.end <= at < shift.reflection_deadline for shift in shifts)


@settings(max_examples=150, deadline=None)
@given(reminder_settings, events)
@example(  # two pauses at once: the second (1 minute) replaces the first (found by hypothesis)
    ReminderSettings(nudge_calls=2, shift_end=time(21, 15)),
    [
        Event(at=MONDAY + timedelta(minutes=1053), what="pause", minutes=223),
        Event(at=MONDAY + timedelta(minutes=1053), what="pause", minutes=1),
    ],
)
def test_nothing_while_paused_but_callbacks(
    reminders: ReminderSettings, happened: list[Event]
) -> None:
    pauses = [(e.at, e.at + timedelta(minutes=e.minutes)) for e in happened if e.what == "pause"]
    world = run(reminders, happened)
    for due in world.delivered:
        if any(not r.kind.is_callback for r in due.reminders):
            # Only the latest pause counts (a new one replaces it), so check the last one
            # before, in the order the world applied them (by time; at the same time, as listed).
            before = [p for p in sorted(pauses, key=lambda p: p[0]) if p[0] <= due.at]
            if before:
                start, until = before[-1]
                assert not start <= due.at < until


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 6),
    st.integers(10, 120),
    st.data(),
    st.lists(st.integers(0, 180), min_size=1, max_size=24),
)
def test_nudges_fire_exactly_when_the_nth_hard_call_lands_at_most_once_per_window(
    n: int, window: int, data: st.DataObject, gaps: list[int]
) -> None:
    reminders = ReminderSettings(
        shift_start=time(0, 0),
        shift_end=time(23, 59),
        nudge_calls=n,
        nudge_window_minutes=window,
        rate_limit_minutes=data.draw(st.integers(5, window)),  # never what holds one back
        reflection=False,
    )
    calls, at = [], NINE
    for gap in gaps:
        at += timedelta(seconds=gap * 10)
        calls.append(at)
    world = run(reminders, [Event(c, "call") for c in calls])
    expected = nudges_by_the_rule(calls, n, timedelta(minutes=window))
    assert list(zip(world.times_of(ReminderKind.NUDGE), world.nudge_counts, strict=True)) == (
        expected
    )


def nudges_by_the_rule(
    calls: list[datetime], n: int, window: timedelta
) -> list[tuple[datetime, int]]:
    """The rule read from its words, moment by moment rather than run by run: a nudge comes
    at a moment when the calls since the last nudge that lie within the window before it
    number at least N, unless the last nudge was less than a window ago. It says how many."""
    nudges: list[tuple[datetime, int]] = []
    for moment in sorted(set(calls)):
        last = nudges[-1][0] if nudges else None
        if last is not None and moment - last < window:
            continue
        inside = [c for c in calls if moment - window <= c <= moment and (last is None or c > last)]
        if len(inside) >= n:
            nudges.append((moment, len(inside)))
    return nudges


def test_one_nudge_per_window_and_a_break_starts_counting_again() -> None:
    # 9:10 nudge; 10:00 and 10:05 land inside its window; the break at 10:10 wipes them, so
    # 10:15 (which would make three with them) starts over: three after the break at 10:25.
    minutes = [0, 5, 10, 60, 65, 75, 80, 85]
    happened = [Event(NINE + timedelta(minutes=m), "call") for m in minutes]
    happened.append(Event(NINE + timedelta(minutes=70), "break"))
    world = run(ReminderSettings(reflection=False), happened)
    assert world.times_of(ReminderKind.NUDGE) == [
        NINE + timedelta(minutes=10),
        NINE + timedelta(minutes=85),
    ]


def test_a_steady_run_of_calls_gets_one_nudge_per_window_not_one_per_rate_limit() -> None:
    happened = [Event(NINE + timedelta(minutes=m), "call") for m in range(0, 30, 5)]
    world = run(ReminderSettings(reflection=False), happened)
    assert world.times_of(ReminderKind.NUDGE) == [NINE + timedelta(minutes=10)]


def test_the_nudge_counts_the_calls_in_its_window_not_since_the_last_break() -> None:
    # 19 hard calls yesterday and no break since: today's run is three.
    yesterday = [NINE + timedelta(minutes=20 * i) for i in range(19)]
    today = [NINE + timedelta(days=1, minutes=m) for m in (0, 10, 20)]
    history = ReminderHistory(calls=(*yesterday, *today))
    reminders = ReminderSettings(reflection=False)
    now = today[-1]
    assert nudge_calls(history, reminders, now) == 3
    due = next_due(history, reminders, now)
    assert due is not None and due.kinds() == {ReminderKind.NUDGE}


def test_a_nudge_in_quiet_hours_is_dropped_not_saved_for_the_morning() -> None:
    evening = MONDAY.replace(hour=19)
    happened = [Event(evening + timedelta(minutes=m), "call") for m in (0, 5, 10)]
    world = run(ReminderSettings(reflection=False), happened)
    assert world.times_of(ReminderKind.NUDGE) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(1, 3000), min_size=1, max_size=10))
def test_callbacks_fire_once_at_their_time_even_in_quiet_hours(offsets: list[int]) -> None:
    world = World(CALLBACKS_ONLY)
    happened = [Event(MONDAY, "callback", minutes=m) for m in offsets]
    world.run_until(MONDAY, MONDAY + timedelta(days=4), happened)
    fired = sorted(world.times_of(ReminderKind.CALLBACK))
    assert fired == sorted(MONDAY + timedelta(minutes=m) for m in offsets)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 600), st.sampled_from([5, 15, 60]), st.integers(0, 30))
def test_snooze_moves_a_callback_and_it_fires_once_more(
    due_in: int, snooze: int, answered_after: int
) -> None:
    world = World(CALLBACKS_ONLY)
    callback_id = world.add_callback(NINE + timedelta(minutes=due_in), NINE)
    first = world.due(NINE)
    assert first is not None and first.at == NINE + timedelta(minutes=due_in)
    world.deliver(first)
    answered = first.at + timedelta(minutes=answered_after)
    assert world.due(answered) is None
    world.callbacks[callback_id] = world.callbacks[callback_id].snoozed(answered, snooze)
    again = world.due(answered)
    assert again is not None and again.at == answered + timedelta(minutes=snooze)
    world.deliver(again)
    assert world.due(again.at) is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 2000), min_size=2, max_size=12), st.integers(1, 600))
def test_after_a_restart_missed_reminders_come_as_one(missed: list[int], down_for: int) -> None:
    world = World(CALLBACKS_ONLY)
    for minutes in missed:
        world.add_callback(NINE + timedelta(minutes=minutes), NINE)
    back = NINE + timedelta(minutes=max(missed) + down_for)
    due = world.due(back)
    assert due is not None and due.at == back
    assert len(due.reminders) == len(missed)
    world.deliver(due)
    assert world.due(back) is None
    assert len(world.delivered) == 1


workday_events = st.lists(
    st.builds(
        Event,
        at=st.integers(9 * 60, 17 * 60 - 1).map(lambda m: MONDAY + timedelta(minutes=m)),
        what=st.sampled_from(["call", "call", "call", "break", "callback"]),
        minutes=st.integers(1, 600),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(
    workday_events,
    st.integers(9 * 60, 17 * 60 - 1),
    st.integers(1, 15 * 60),
    st.integers(5, 60),
)
def test_what_a_restart_or_suspend_missed_comes_once_as_one_reflection_included(
    happened: list[Event], down_at: int, down_for: int, rate: int
) -> None:
    """Companion stops (or the computer sleeps) during Monday's shift and is back later that
    day: everything missed arrives in one delivery at once, nothing twice, and a missed end
    of shift still brings its reflection that day, if the shift had a call or a break in it."""
    reminders = ReminderSettings(rate_limit_minutes=rate)
    world = World(reminders)
    down = MONDAY + timedelta(minutes=down_at)
    back = min(down + timedelta(minutes=down_for), MONDAY.replace(hour=23, minute=59))
    world.run_until(MONDAY, down, [e for e in happened if e.at < down])
    missed = {i for i, c in world.callbacks.items() if not c.notified and c.due_at <= back}
    already = len(world.delivered)
    world.run_until(back, MONDAY + timedelta(days=1), [])
    after = world.delivered[already:]
    at_back = [d for d in after if d.at == back]
    assert len(at_back) <= 1
    if missed:
        assert {r.callback_id for r in at_back[0].reminders} >= missed
    fired = [r.callback_id for d in world.delivered for r in d.reminders if r.callback_id]
    assert len(fired) == len(set(fired))
    reflections = [d.at for d in after for r in d.reminders if r.kind is ReminderKind.REFLECTION]
    end = MONDAY.replace(hour=17)
    worked = any(e.what in ("call", "break") for e in happened if e.at < down)
    if not worked and back > end + QUIET_SHIFT_GRACE:
        assert reflections == []  # a shift with nothing in it is not reflected on hours later
        return
    assert len(reflections) == 1  # at 17:00, or, when that was missed, late but that day
    before = world.delivered[:already]
    last_sent = max(
        (d.at for d in before if any(not r.kind.is_callback for r in d.reminders)), default=None
    )
    if back >= end and (last_sent is None or last_sent + reminders.rate_limit <= back):
        assert reflections == [back]  # in that one delivery
    for at in world.times_of(ReminderKind.NUDGE):
        assert at < back or reminders.in_shift(at)


def test_end_of_shift_invites_once_and_lists_open_callbacks() -> None:
    reminders = ReminderSettings()
    world = World(reminders)
    world.add_callback(NINE + timedelta(hours=2), NINE)
    world.run_until(NINE, NINE + timedelta(hours=12), [])
    end = MONDAY.replace(hour=17)
    assert world.times_of(ReminderKind.REFLECTION) == [end]
    assert world.times_of(ReminderKind.OVERDUE) == [end]
    assert len(world.delivered) == 2  # the callback at 11:00, then one end-of-shift notice


def test_the_rate_limit_holds_the_reflection_back() -> None:
    world = World(ReminderSettings())
    world.sent.append(SentReminder(ReminderKind.NUDGE, MONDAY.replace(hour=16, minute=55)))
    due = world.due(MONDAY.replace(hour=16, minute=56))
    assert due is not None and due.at == MONDAY.replace(hour=17, minute=15)


def test_a_reflection_paused_until_tomorrow_is_dropped_not_brought_to_the_next_day() -> None:
    world = World(ReminderSettings())
    world.paused_until = MONDAY + timedelta(days=1)
    world.run_until(MONDAY.replace(hour=16), MONDAY + timedelta(days=1, hours=12), [])
    assert world.times_of(ReminderKind.REFLECTION) == []


def test_paused_reminders_turned_off_and_overdue_listing() -> None:
    history = ReminderHistory(
        calls=tuple(NINE + timedelta(minutes=m) for m in (0, 1, 2)),
        paused_until=NINE + timedelta(hours=3),
    )
    assert next_due(history, ReminderSettings(reflection=False), NINE) is None
    assert next_due(history, ReminderSettings(enabled=False), NINE) is None
    late = Callback(due_at=NINE, text="x", created_at=NINE, id=1)
    later = Callback(due_at=NINE + timedelta(hours=1), text="y", created_at=NINE, id=2)
    assert overdue_callbacks([later, late], NINE + timedelta(minutes=1)) == [late]


def test_reminder_settings_round_trip_through_the_settings_file_mapping() -> None:
    from companion.core.settings import Settings, settings_from_mapping, settings_to_mapping

    chosen = Settings(reminders=ReminderSettings(shift_start=time(7, 30), working_days=(5, 6)))
    loaded, warnings = settings_from_mapping(settings_to_mapping(chosen))
    assert loaded == chosen and warnings == []
    broken, warnings = settings_from_mapping({"reminders": {"shift_start": "25:99"}})
    assert broken.reminders == ReminderSettings() and len(warnings) == 1


def test_a_new_install_started_in_the_evening_owes_no_reflection_for_a_shift_it_never_saw() -> None:
    evening = MONDAY.replace(hour=19, minute=51)
    due = next_due(ReminderHistory(), ReminderSettings(), evening)
    assert due is not None and due.at == MONDAY.replace(hour=17) + timedelta(days=1)  # Tuesday's
    just_after = MONDAY.replace(hour=17, minute=20)
    due = next_due(ReminderHistory(), ReminderSettings(), just_after)
    assert due is not None and [r.kind for r in due.reminders] == [ReminderKind.REFLECTION]
    after_hours = ReminderHistory(calls=(MONDAY.replace(hour=19, minute=40),))
    due = next_due(after_hours, ReminderSettings(), evening)  # a call outside the shift
    assert due is not None and due.at == MONDAY.replace(hour=17) + timedelta(days=1)
    worked = ReminderHistory(calls=(MONDAY.replace(hour=11),))
    due = next_due(worked, ReminderSettings(), evening)
    assert due is not None and due.at == evening  # Monday's, late
    assert [r.kind for r in due.reminders] == [ReminderKind.REFLECTION]

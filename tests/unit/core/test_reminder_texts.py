"""The words of each reminder and how several due together become one notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core import formatting
from companion.core.notices import Notice, NoticeAction
from companion.core.reminder_texts import (
    DayNumbers,
    InvalidWhen,
    callback_lines,
    notice_for,
    parse_when,
)
from companion.core.reminders import Callback, Due, Reminder, ReminderKind

FIVE = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
NUMBERS = DayNumbers(calls=4, breaks=2)
ANSWERS_FOR_CALLBACKS = {NoticeAction.DONE, NoticeAction.SNOOZE}
#: Times as the region writes them ("en" in tests: "5:00 PM", with a no-break space).
AT = {hour: formatting.hour(hour) for hour in (15, 16, 17, 18)}


def callback(callback_id: int, hours_ago: float, case: str | None = None) -> Callback:
    due_at = FIVE - timedelta(hours=hours_ago)
    return Callback(due_at=due_at, text="", created_at=due_at, id=callback_id, case_ref=case)


def due(*kinds: ReminderKind, callback_ids: tuple[int, ...] = ()) -> Due:
    reminders = [Reminder(kind, FIVE) for kind in kinds]
    reminders += [Reminder(ReminderKind.CALLBACK, FIVE, i) for i in callback_ids]
    return Due(FIVE, tuple(reminders))


def notice(
    what: Due, open_callbacks: list[Callback], overdue: list[Callback] | None = None
) -> Notice | None:
    by_id = {c.id: c for c in open_callbacks if c.id is not None}
    return notice_for(what, by_id, open_callbacks if overdue is None else overdue, NUMBERS, 3, 72.0)


def test_the_end_of_shift_invitation_keeps_reflect_and_mentions_open_callbacks() -> None:
    open_ones = [callback(1, 6, "4711"), callback(2, 2, "4712")]
    shown = notice(due(ReminderKind.REFLECTION, ReminderKind.OVERDUE), open_ones)
    assert shown is not None
    assert shown.title == "That's the shift" and shown.topic == "reflection"
    assert shown.actions == (NoticeAction.REFLECT, NoticeAction.SHOW_CALLBACKS)
    assert shown.callback_ids == ()
    first, callbacks_line = shown.body.split("\n")
    assert first.startswith("Today you tagged 4 hard calls")
    assert callbacks_line == "Also: 2 callbacks are waiting under Callbacks in Companion's menu."


def test_two_callbacks_due_together_are_one_list_without_done_or_snooze() -> None:
    open_ones = [callback(1, 0, "4711"), callback(2, 0, "4712")]
    shown = notice(due(callback_ids=(1, 2)), open_ones, overdue=[])
    assert shown is not None
    assert shown.title == "2 callbacks are due" and shown.topic == "callbacks"
    assert shown.actions == (NoticeAction.SHOW_CALLBACKS,)
    assert f"Call back case 4711 ({AT[17]}), Call back case 4712 ({AT[17]})" in shown.body


def test_a_nudge_with_a_callback_due_stays_a_nudge_and_names_the_callback() -> None:
    shown = notice(due(ReminderKind.NUDGE, callback_ids=(1,)), [callback(1, 0, "4711")])
    assert shown is not None
    assert shown.title == "A breather?" and shown.topic == "nudge"
    assert shown.actions == (NoticeAction.START_BREAK, NoticeAction.SHOW_CALLBACKS)
    assert shown.body.endswith(
        f"Also: Call back case 4711 ({AT[17]}) is waiting under Callbacks in Companion's menu."
    )


def test_one_callback_due_at_the_shift_end_is_that_callback_with_its_own_buttons() -> None:
    one = [callback(1, 0, "4711")]
    shown = notice(due(ReminderKind.OVERDUE, callback_ids=(1,)), one)
    assert shown is not None and shown.title == "Time for a callback"
    assert shown.actions == (NoticeAction.DONE, NoticeAction.SNOOZE)
    assert shown.callback_ids == (1,)


def test_nothing_left_to_say_is_no_notice_at_all() -> None:
    assert notice(Due(FIVE, ()), []) is None
    # The callback was marked done between the timer and the delivery; no list is open.
    assert notice(due(ReminderKind.OVERDUE, callback_ids=(1,)), []) is None


reminder_kinds = st.lists(
    st.sampled_from([ReminderKind.NUDGE, ReminderKind.REFLECTION, ReminderKind.OVERDUE]),
    max_size=3,
    unique=True,
)


@settings(max_examples=200, deadline=None)
@given(
    reminder_kinds,
    st.lists(st.integers(1, 6), max_size=6, unique=True),
    st.lists(st.integers(1, 6), max_size=6, unique=True),
)
def test_no_notice_answers_for_several_callbacks_and_none_claims_the_agent_was_away(
    kinds: list[ReminderKind], due_ids: list[int], open_ids: list[int]
) -> None:
    open_ones = [callback(i, i / 2, str(4700 + i)) for i in sorted({*due_ids, *open_ids})]
    shown = notice(due(*kinds, callback_ids=tuple(due_ids)), open_ones)
    if shown is None:
        assert not kinds or kinds == [ReminderKind.OVERDUE]
        assert not due_ids
        return
    if ANSWERS_FOR_CALLBACKS & set(shown.actions):
        assert len(shown.callback_ids) == 1
    else:
        assert shown.callback_ids == ()
    assert "away" not in shown.title
    if ReminderKind.REFLECTION in kinds:
        assert NoticeAction.REFLECT in shown.actions and shown.topic == "reflection"
    elif ReminderKind.NUDGE in kinds:
        assert NoticeAction.START_BREAK in shown.actions and shown.topic == "nudge"


@pytest.mark.parametrize(
    ("numbers", "sentence"),
    [
        (DayNumbers(), "No hard calls tagged today."),
        (DayNumbers(calls=1), "Today you tagged 1 hard call."),
        (DayNumbers(calls=3, breaks=1), "Today you tagged 3 hard calls and took 1 break."),
        (DayNumbers(breaks=2), "No hard calls tagged today, and you took 2 breaks."),
        (
            DayNumbers(calls=4, breaks=2, mood_before=2.0, mood_after=3.5),
            "Today you tagged 4 hard calls and took 2 breaks."
            " Around your breaks you felt low before and calm after.",
        ),
        (
            DayNumbers(calls=2, breaks=2, mood_before=2.6, mood_after=3.4),
            "Today you tagged 2 hard calls and took 2 breaks."
            " Around your breaks you felt okay, before and after.",
        ),
        (
            DayNumbers(calls=2, breaks=1, mood_before=4.0),
            "Today you tagged 2 hard calls and took 1 break.",
        ),
    ],
)
def test_the_day_in_words_with_moods_as_the_picker_says_them(
    numbers: DayNumbers, sentence: str
) -> None:
    assert numbers.sentence() == sentence


def test_one_open_callback_is_it_and_several_are_them_wherever_the_menu_is() -> None:
    one = notice(due(ReminderKind.OVERDUE), [callback(1, 2, "4711")])
    assert one is not None and one.title == "A callback is still open"
    assert (
        one.body
        == f"Call back case 4711 ({AT[15]}). You'll find it under Callbacks in Companion's menu."
    )
    two = notice(due(ReminderKind.OVERDUE), [callback(1, 2, "4711"), callback(2, 1)])
    assert two is not None and two.title == "Callbacks still open"
    assert two.body == (
        f"Call back case 4711 ({AT[15]}), Call back ({AT[16]})."
        " You'll find them under Callbacks in Companion's menu."
    )
    for shown in (one, two):
        assert "tray" not in shown.body and "They're" not in shown.body


TEN = datetime(2026, 11, 24, 10, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("15:30", TEN.replace(hour=15, minute=30, second=0)),
        ("at 15:30", TEN.replace(hour=15, minute=30, second=0)),
        ("  At   9.05 ", TEN.replace(day=25, hour=9, minute=5, second=0)),  # past: tomorrow
        ("10", TEN.replace(day=25, hour=10, minute=0, second=0)),  # 10:00 has just gone
        ("in 2 hours", TEN + timedelta(hours=2)),
        ("in 45 min", TEN + timedelta(minutes=45)),
        ("1m", TEN + timedelta(minutes=1)),
        ("IN 3 H", TEN + timedelta(hours=3)),
        ("168h", TEN + timedelta(days=7)),
    ],
)
def test_parse_when_reads_a_time_of_day_or_a_delay(typed: str, moment: datetime) -> None:
    assert parse_when(typed, TEN) == moment


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("in 0 min", "within the next week"),
        ("169 hours", "within the next week"),
        ("25:00", "isn't a time of day"),
        ("9:75", "isn't a time of day"),
        ("soon", "Try a time like"),
        ("", "Try a time like"),
        ("3pm", "Try a time like"),
    ],
)
def test_parse_when_says_what_works_when_it_can_not_read_it(typed: str, message: str) -> None:
    with pytest.raises(InvalidWhen, match=message):
        parse_when(typed, TEN)


def test_the_journal_lists_open_callbacks_soonest_first_with_the_day_when_not_today() -> None:
    yesterday = callback(1, hours_ago=26, case="4711")
    earlier = callback(2, hours_ago=1)
    later = replace(callback(3, hours_ago=-1), text="Mrs Díaz")
    assert callback_lines([later, yesterday, earlier], FIVE) == [
        f"Sun {AT[15]} Call back case 4711 (overdue)",
        f"{AT[16]} Call back (overdue)",
        f"{AT[18]} Mrs Díaz",
    ]

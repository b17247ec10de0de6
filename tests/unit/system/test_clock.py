"""The system clock, and the shift the end-to-end tests pin it with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion.system.clock import OFFSET_ENV, SystemClock, clock_offset


def test_unshifted_it_tells_the_local_time_now() -> None:
    before = datetime.now(UTC)
    now = SystemClock({}).now()
    after = datetime.now(UTC)
    assert now.tzinfo is not None
    assert before <= now <= after


def test_a_shift_moves_the_wall_clock_but_not_the_monotonic_one() -> None:
    day = timedelta(days=3, hours=2)
    shifted = SystemClock({OFFSET_ENV: str(day.total_seconds())})
    plain = SystemClock({})
    monotonic = plain.monotonic()
    gap = shifted.now() - plain.now()
    assert day - timedelta(seconds=1) < gap <= day
    assert 0 <= shifted.monotonic() - monotonic < 1


def test_the_shifted_time_is_local_with_the_offset_of_its_own_moment() -> None:
    target = datetime(2026, 7, 15, 10, 0).astimezone()  # summer, wherever the test runs
    offset = (target - datetime.now(UTC)).total_seconds()
    now = SystemClock({OFFSET_ENV: str(offset)}).now()
    assert now.utcoffset() == target.utcoffset()
    assert abs(now - target) < timedelta(seconds=5)
    assert (now.hour, now.weekday()) == (10, 2)


@pytest.mark.parametrize("text", ["", "  ", "soon", "nan", "inf", "1e300"])
def test_no_number_or_no_possible_shift_leaves_the_clock_alone(text: str) -> None:
    assert clock_offset({OFFSET_ENV: text}) == timedelta(0)


def test_a_negative_shift_goes_back() -> None:
    assert clock_offset({OFFSET_ENV: "-90.5"}) == timedelta(seconds=-90.5)

"""When the app lock is due, and when to look again: one wake-up per stretch, not a poll."""

from __future__ import annotations

from companion.core.app_lock import MIN_RECHECK_S, lock_is_due, seconds_until_check


def test_the_lock_is_due_once_the_stretch_without_input_reaches_the_limit() -> None:
    assert not lock_is_due(300, 299.9)
    assert lock_is_due(300, 300) and lock_is_due(300, 4000)
    assert not lock_is_due(300, None)  # unknown idle never locks by itself


def test_the_next_look_is_when_the_limit_would_be_reached() -> None:
    assert seconds_until_check(300, 0) == 300
    assert seconds_until_check(300, 100) == 200
    assert seconds_until_check(300, 299) == MIN_RECHECK_S  # never a tight loop
    assert seconds_until_check(300, None) == 300
    assert seconds_until_check(0.2, 0.19) == 0.2  # short limits (tests) stay short

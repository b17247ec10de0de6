"""When the optional app lock closes the journal again (issue #9): after a stretch without
input, or when the screen locks. Plain arithmetic; the flow asks the clocks."""

from __future__ import annotations

#: Choices offered in Settings, in minutes without input.
LOCK_AFTER_MINUTES = (1, 5, 10, 15, 30, 60)
#: The soonest the idle time is read again: input may have come in the meantime.
MIN_RECHECK_S = 5.0


def lock_is_due(limit_s: float, idle_s: float | None) -> bool:
    """Whether ``idle_s`` seconds without input (None: unknown) reach the limit."""
    return idle_s is not None and idle_s >= limit_s


def seconds_until_check(limit_s: float, idle_s: float | None) -> float:
    """When to read the idle time next: when the limit would be reached if nobody touches
    anything from now on (one wake-up, not a poll); the whole limit when idle is unknown."""
    if idle_s is None:
        return limit_s
    return max(limit_s - idle_s, min(MIN_RECHECK_S, limit_s))


def limit_seconds(minutes: int | None) -> float | None:
    """The setting (minutes, None for off) as the flow's limit in seconds."""
    return None if minutes is None else minutes * 60.0

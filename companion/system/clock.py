"""The real clock; the only place that reads the time (tests pass a fake)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

log = logging.getLogger(__name__)

#: Seconds added to the wall clock. The end-to-end tests set it so every app on their desktop
#: lives on one fixed weekday and time of day, far from a shift's end and from midnight, while
#: time still runs at its real speed (tests/e2e/desktop.py). Nobody else has a use for it.
OFFSET_ENV = "COMPANION_CLOCK_OFFSET_S"


class SystemClock:
    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._offset = clock_offset(os.environ if environ is None else environ)

    def now(self) -> datetime:
        # Shifted in UTC, then made local: the local offset is the one of the shifted moment.
        return (datetime.now(UTC) + self._offset).astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


def clock_offset(environ: Mapping[str, str]) -> timedelta:
    """The wall-clock shift ``OFFSET_ENV`` asks for; none when unset or not a number."""
    text = environ.get(OFFSET_ENV, "").strip()
    if not text:
        return timedelta(0)
    try:
        offset = timedelta(seconds=float(text))
    except (ValueError, OverflowError):  # not a number, NaN, or beyond datetime's range
        log.warning("%s=%r is not a number of seconds; the clock is not shifted", OFFSET_ENV, text)
        return timedelta(0)
    log.info("the clock runs %s ahead (%s)", offset, OFFSET_ENV)
    return offset

"""Asks the desktop about right now (idle time, Do Not Disturb, the microphone) for a due reminder.

Only when a reminder is due (or Settings opens), never on a timer. A probe that can't tell
answers None; one whose system call fails counts as unknown too, and is logged once.
Nothing about what is on a call reaches the log: only that a microphone is in use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from companion.core.moment import Moment, cannot_tell
from companion.core.ports import DoNotDisturb, Microphone

log = logging.getLogger(__name__)
T = TypeVar("T")


class MomentProbes:
    """The three questions, each answered True, False or unknown (None)."""

    def __init__(
        self,
        idle_seconds: Callable[[], float | None],
        do_not_disturb: DoNotDisturb | None = None,
        microphone: Microphone | None = None,
    ) -> None:
        self._idle_seconds = idle_seconds
        self._dnd = do_not_disturb
        self._microphone = microphone
        self._failed: set[str] = set()

    def moment(self, away_minutes: int, in_break: bool) -> Moment:
        """Away and break first: when either holds everything, DND and the call are not asked."""
        idle = self._ask("idle time", self._idle_seconds)
        moment = Moment(away=idle is not None and idle > away_minutes * 60, in_break=in_break)
        if moment.absent:
            return moment
        return Moment(do_not_disturb=self._dnd_on() is True, on_call=self._on_call() is True)

    def cannot_tell(self) -> list[str]:
        """Settings' lines for what this computer can't tell (asked now, once each)."""
        return cannot_tell(
            idle_known=self._ask("idle time", self._idle_seconds) is not None,
            dnd_known=self._dnd_on() is not None,
            call_known=self._on_call() is not None,
        )

    def _dnd_on(self) -> bool | None:
        return None if self._dnd is None else self._ask("do not disturb", self._dnd.is_on)

    def _on_call(self) -> bool | None:
        if self._microphone is None:
            return None
        return self._ask("microphone", self._microphone.in_use)

    def _ask(self, what: str, question: Callable[[], T | None]) -> T | None:
        try:
            return question()
        except OSError as error:
            if what not in self._failed:
                self._failed.add(what)
                log.warning("%s unknown, reminders go at their time: %s", what, error)
            return None

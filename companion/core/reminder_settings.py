"""When Companion may remind the agent: shift, nudge rule and rate limit, as typed values."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime, time, timedelta
from typing import Any

from companion.core.i18n import _

#: Monday is 0, as in ``datetime.weekday()``.
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_RANGES: dict[str, tuple[int, int]] = {
    "nudge_calls": (2, 10),
    "nudge_window_minutes": (10, 240),
    "rate_limit_minutes": (5, 120),
    "away_minutes": (1, 30),
}


@dataclass(frozen=True)
class ReminderSettings:
    """Defaults follow the issue: 3 hard calls in 60 minutes, one reminder per 20 minutes."""

    enabled: bool = True
    nudge_calls: int = 3
    nudge_window_minutes: int = 60
    rate_limit_minutes: int = 20
    shift_start: time = time(9, 0)
    shift_end: time = time(17, 0)
    working_days: tuple[int, ...] = (0, 1, 2, 3, 4)
    reflection: bool = True
    #: Idle longer than this counts as away: reminders wait until the agent is back.
    away_minutes: int = 3
    #: Off asks the notification service for silence (suppress-sound); on lets it decide.
    sound: bool = False

    def __post_init__(self) -> None:
        for name, (low, high) in _RANGES.items():
            value = getattr(self, name)
            if not low <= value <= high:
                said = _("{name} must be {lowest}-{highest}")
                raise ValueError(said.format(name=name, lowest=low, highest=high))
        if self.shift_start == self.shift_end:
            raise ValueError(_("the shift must end at another time than it starts"))
        if any(day not in range(7) for day in self.working_days):
            raise ValueError(_("working days are 0 (Monday) to 6 (Sunday)"))

    @property
    def nudge_window(self) -> timedelta:
        return timedelta(minutes=self.nudge_window_minutes)

    @property
    def rate_limit(self) -> timedelta:
        return timedelta(minutes=self.rate_limit_minutes)

    def is_working_day(self, moment: datetime) -> bool:
        return moment.weekday() in self.working_days

    @property
    def crosses_midnight(self) -> bool:
        """A night shift (22:00-06:00): it belongs to the day it starts on, a working day."""
        return self.shift_end < self.shift_start

    def in_shift(self, moment: datetime) -> bool:
        """Inside a shift that started on a working day; everything else is quiet hours."""
        clock = moment.time().replace(tzinfo=None)
        if not self.crosses_midnight:
            return self.is_working_day(moment) and self.shift_start <= clock < self.shift_end
        if clock >= self.shift_start:
            return self.is_working_day(moment)
        return clock < self.shift_end and self.is_working_day(moment - timedelta(days=1))

    def shift_on(self, day: datetime) -> Shift | None:
        """The shift that starts on ``day``'s date, if that is a working day."""
        if not self.is_working_day(day):
            return None
        end = self.shift_end_on(day)
        if self.crosses_midnight:
            end += timedelta(days=1)
        return Shift(self.shift_start_on(day), end)

    def numbers_since(self, now: datetime) -> datetime:
        """Where the day's numbers (for the reflection) begin: at midnight, or for a night
        shift where the one before it ended, so the night counts as one day."""
        if not self.crosses_midnight:
            return now.replace(hour=0, minute=0, second=0, microsecond=0)
        start = self.shift_start_on(now)
        if start > now:
            start -= timedelta(days=1)
        return self.shift_end_on(start)

    def shifts_from(self, moment: datetime, days: int) -> Iterator[Shift]:
        """The shifts starting on ``days`` dates from ``moment``'s, in order."""
        for offset in range(days):
            shift = self.shift_on(moment + timedelta(days=offset))
            if shift is not None:
                yield shift

    def shift_end_on(self, moment: datetime) -> datetime:
        return moment.replace(
            hour=self.shift_end.hour, minute=self.shift_end.minute, second=0, microsecond=0
        )

    def shift_start_on(self, moment: datetime) -> datetime:
        return moment.replace(
            hour=self.shift_start.hour, minute=self.shift_start.minute, second=0, microsecond=0
        )


@dataclass(frozen=True)
class Shift:
    """One shift, from ``start`` to ``end``."""

    start: datetime
    end: datetime

    @property
    def reflection_deadline(self) -> datetime:
        """A missed end-of-shift invitation (Companion wasn't running, the computer slept, the
        agent was away) still comes until the day the shift ended on is over, or for a night
        shift until the next one would start."""
        midnight = (self.end + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        return min(midnight, self.start + timedelta(days=1))

    def covers(self, moment: datetime) -> bool:
        """From the shift's start until its invitation's deadline: what was sent for it."""
        return self.start <= moment < self.reflection_deadline


def reminder_settings_from_mapping(data: Mapping[str, Any]) -> ReminderSettings:
    """Parse the ``reminders`` section; raises ValueError/TypeError naming the first bad value."""
    if not isinstance(data, Mapping):
        raise TypeError(_("expected a section of reminder settings"))
    settings = ReminderSettings()
    known = {f.name for f in fields(ReminderSettings)}
    values = {name: _coerce(name, value) for name, value in data.items() if name in known}
    return replace(settings, **values)


def reminder_settings_to_mapping(settings: ReminderSettings) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in fields(ReminderSettings):
        value = getattr(settings, f.name)
        if isinstance(value, time):
            value = value.strftime("%H:%M")
        elif isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    return data


def _coerce(name: str, value: Any) -> Any:
    default = getattr(ReminderSettings(), name)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(_("{name}: expected true or false").format(name=name))
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(_("{name}: expected a whole number").format(name=name))
        return value
    if isinstance(default, time):
        if not isinstance(value, str):
            raise TypeError(_("{name}: expected a time like 09:00").format(name=name))
        return time.fromisoformat(value)
    if not isinstance(value, list) or not all(isinstance(d, int) for d in value):
        raise TypeError(_("{name}: expected a list of weekday numbers").format(name=name))
    return tuple(sorted(set(value)))

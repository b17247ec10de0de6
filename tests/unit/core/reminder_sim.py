"""A fake-clock run of the reminder policy: events happen, due reminders are delivered."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from companion.core.reminder_settings import ReminderSettings
from companion.core.reminders import (
    Callback,
    Due,
    ReminderHistory,
    ReminderKind,
    SentReminder,
    next_due,
    nudge_calls,
)


@dataclass
class World:
    """What the store would hold, changed by events and by deliveries."""

    settings: ReminderSettings
    calls: list[datetime] = field(default_factory=list)
    breaks: list[datetime] = field(default_factory=list)
    sent: list[SentReminder] = field(default_factory=list)
    callbacks: dict[int, Callback] = field(default_factory=dict)
    paused_until: datetime | None = None
    delivered: list[Due] = field(default_factory=list)
    #: How many hard calls each delivered nudge said it was about.
    nudge_counts: list[int] = field(default_factory=list)

    def history(self) -> ReminderHistory:
        return ReminderHistory(
            calls=tuple(self.calls),
            breaks=tuple(self.breaks),
            sent=tuple(self.sent),
            callbacks=tuple(self.callbacks.values()),
            paused_until=self.paused_until,
        )

    def due(self, now: datetime) -> Due | None:
        return next_due(self.history(), self.settings, now)

    def deliver(self, due: Due) -> None:
        self.delivered.append(due)
        if ReminderKind.NUDGE in due.kinds():
            self.nudge_counts.append(nudge_calls(self.history(), self.settings, due.at))
        for reminder in due.reminders:
            if reminder.kind is ReminderKind.CALLBACK:
                assert reminder.callback_id is not None
                callback = self.callbacks[reminder.callback_id]
                self.callbacks[reminder.callback_id] = replace(callback, notified_at=due.at)
            else:
                self.sent.append(SentReminder(reminder.kind, due.at))

    def add_callback(self, due_at: datetime, now: datetime) -> int:
        new_id = len(self.callbacks) + 1
        self.callbacks[new_id] = Callback(due_at=due_at, text="", created_at=now, id=new_id)
        return new_id

    def run_until(self, start: datetime, end: datetime, events: list[Event]) -> None:
        """Deliver everything due between events, as the app's single timer would."""
        pending = sorted(events, key=lambda e: e.at)
        now = start
        for _ in range(10_000):
            due = self.due(now)
            upcoming = pending[0].at if pending else end
            if due is not None and due.at < upcoming:
                now = due.at
                self.deliver(due)
                continue
            if not pending:
                return
            event = pending.pop(0)
            now = event.at
            event.apply(self, now)
        raise AssertionError("the policy kept announcing reminders without end")

    def times_of(self, kind: ReminderKind) -> list[datetime]:
        return [d.at for d in self.delivered for r in d.reminders if r.kind is kind]


@dataclass(frozen=True)
class Event:
    at: datetime
    what: str  # "call", "break", "callback", "pause"
    minutes: int = 0

    def apply(self, world: World, now: datetime) -> None:
        if self.what == "call":
            world.calls.append(now)
        elif self.what == "break":
            world.breaks.append(now)
        elif self.what == "callback":
            world.add_callback(now + timedelta(minutes=self.minutes), now)
        elif self.what == "pause":
            world.paused_until = now + timedelta(minutes=self.minutes)

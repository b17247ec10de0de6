"""The reminder policy: a pure function from what happened, the settings and now to what is due.

``next_due(history, settings, now)`` answers "what should Companion say next, and when?".
The app arms one single-shot timer for that moment and asks again whenever anything changes.

Rules, in plain words:

- A *recovery nudge* is due the moment the Nth hard call lands within the nudge window with
  no break (and no nudge) since the first of them, at most once per window: a call landing
  less than a window after the last nudge starts no run. It is offered only inside the shift
  and goes stale when its window has passed. Its wording counts the calls in that window.
- A *callback* is due at the time the agent set, inside or outside the shift, once; snoozing
  moves its time and so makes it due once more. Pausing and the rate limit never hold it.
- At the *end of the shift* on a working day: one invitation to reflect, and, if any callbacks
  are still open and overdue, one list of them. Held back (a pause, the rate limit) or missed
  (a restart, a suspend, time away), they still come once until the day the shift ended on
  is over; then they are dropped. A shift with no call tagged and no break taken gets its
  invitation only within half an hour of its end.
- Nudges and reflections (not callbacks) wait while reminders are paused, and never come
  within the rate limit of the previous one.
- Several reminders due at once (after a restart, a suspend or time away) come back as one
  ``Due`` so the app delivers them as a single, collapsed notification. A nudge whose run is
  over by then is dropped, not delivered late: "that was a tough run" an hour on, or after
  the shift, would be a reminder about nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from companion.core.reminder_settings import ReminderSettings, Shift

#: Which shifts to look at for the next end-of-shift moment: from yesterday's (it may still owe
#: its invitation) through a whole week and one more day.
_LOOKAHEAD_DAYS = 9
#: How late the invitation of a shift with no call and no break may still come.
QUIET_SHIFT_GRACE = timedelta(minutes=30)


class ReminderKind(enum.StrEnum):
    NUDGE = "nudge"
    CALLBACK = "callback"
    REFLECTION = "reflection"
    OVERDUE = "overdue"

    @property
    def is_callback(self) -> bool:
        """Callback reminders are the agent's own: no quiet hours, pause or rate limit."""
        return self in (ReminderKind.CALLBACK, ReminderKind.OVERDUE)


@dataclass(frozen=True)
class Callback:
    """A promise to call a customer back (or follow up) at ``due_at``."""

    due_at: datetime
    text: str
    created_at: datetime
    id: int | None = None
    case_ref: str | None = None
    call_id: int | None = None
    done_at: datetime | None = None
    #: When it was last shown; it is due again only if ``due_at`` moved past this (snooze).
    notified_at: datetime | None = None
    #: How often it was snoozed (shown, then moved on); None for callbacks saved before
    #: Companion counted (m011): not known either way.
    snoozes: int | None = 0

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    @property
    def notified(self) -> bool:
        return self.notified_at is not None and self.notified_at >= self.due_at

    def is_overdue(self, now: datetime) -> bool:
        return self.is_open and self.due_at <= now

    def snoozed(self, now: datetime, minutes: int) -> Callback:
        # Unknown before, snoozed now: at least once is known.
        return replace(
            self, due_at=now + timedelta(minutes=minutes), snoozes=(self.snoozes or 0) + 1
        )


@dataclass(frozen=True)
class SentReminder:
    """A nudge, reflection or overdue list that was delivered (callbacks mark themselves)."""

    kind: ReminderKind
    sent_at: datetime


@dataclass(frozen=True)
class ReminderHistory:
    calls: tuple[datetime, ...] = ()
    breaks: tuple[datetime, ...] = ()
    sent: tuple[SentReminder, ...] = ()
    #: Open (not done) callbacks; done ones may be included and are ignored.
    callbacks: tuple[Callback, ...] = ()
    paused_until: datetime | None = None


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    due_at: datetime
    callback_id: int | None = None


@dataclass(frozen=True)
class Due:
    """Deliver ``reminders`` at ``at``; more than one means deliver them as one notification."""

    at: datetime
    reminders: tuple[Reminder, ...]

    def kinds(self) -> set[ReminderKind]:
        return {reminder.kind for reminder in self.reminders}


def next_due(history: ReminderHistory, settings: ReminderSettings, now: datetime) -> Due | None:
    """What is due next, and when (never earlier than ``now``); None when nothing is pending."""
    candidates = list(_callbacks_due(history))
    if settings.enabled:
        candidates += _end_of_shift_due(history, settings, now)
        nudge = _nudge_due(history, settings, now)
        if nudge is not None:
            candidates.append(nudge)
    if not candidates:
        return None
    at = max(now, min(candidate.due_at for candidate in candidates))
    group = [c for c in candidates if c.due_at <= at]
    group.sort(key=lambda c: (c.due_at, c.kind.value))
    others = [c for c in group if not c.kind.is_callback]
    # The rate limit holds between deliveries, so one delivery carries one non-callback at most.
    kept = [c for c in group if c.kind.is_callback] + others[:1]
    return Due(at=at, reminders=tuple(sorted(kept, key=lambda c: c.due_at)))


# -- callbacks ---------------------------------------------------------------------------------


def _callbacks_due(history: ReminderHistory) -> Iterator[Reminder]:
    for callback in history.callbacks:
        if callback.is_open and not callback.notified:
            yield Reminder(ReminderKind.CALLBACK, callback.due_at, callback.id)


def overdue_callbacks(callbacks: Iterable[Callback], now: datetime) -> list[Callback]:
    """Open callbacks whose time has come, oldest first: for the tray menu and the journal."""
    return sorted((c for c in callbacks if c.is_overdue(now)), key=lambda c: c.due_at)


# -- the recovery nudge --------------------------------------------------------------------------


def _nudge_due(
    history: ReminderHistory, settings: ReminderSettings, now: datetime
) -> Reminder | None:
    found = _first_fresh_nudge(history, settings, now)
    return None if found is None else found[0]


def _first_fresh_nudge(
    history: ReminderHistory, settings: ReminderSettings, now: datetime
) -> tuple[Reminder, int] | None:
    """The first run of N calls inside the window that can still be offered, and its count."""
    for landed, count in _nudge_runs(history, settings):
        at = _held_back(landed, history, settings)
        deliver = max(at, now)
        if deliver <= landed + settings.nudge_window and settings.in_shift(deliver):
            return Reminder(ReminderKind.NUDGE, at), count
    return None


def _nudge_runs(
    history: ReminderHistory, settings: ReminderSettings
) -> Iterator[tuple[datetime, int]]:
    """Each moment a hard call makes N inside the window, with how many that window holds.

    Only calls after the last break and the last nudge count, and a call landing less than a
    window after the last nudge starts no run: at most one nudge per window.
    """
    last_nudge = _latest(_sent_times(history, ReminderKind.NUDGE))
    anchor = _latest([*history.breaks, *([last_nudge] if last_nudge else [])])
    calls = sorted(c for c in history.calls if anchor is None or c > anchor)
    n, window = settings.nudge_calls, settings.nudge_window
    for k in range(n - 1, len(calls)):
        landed = calls[k]
        if last_nudge is not None and landed < last_nudge + window:
            continue
        if landed - calls[k - n + 1] <= window:
            yield landed, sum(1 for call in calls if landed - window <= call <= landed)


def nudge_calls(history: ReminderHistory, settings: ReminderSettings, now: datetime) -> int:
    """How many hard calls the due nudge is about: its run, inside one window (its wording)."""
    found = _first_fresh_nudge(history, settings, now)
    return settings.nudge_calls if found is None else found[1]


# -- end of shift --------------------------------------------------------------------------------


def _end_of_shift_due(
    history: ReminderHistory, settings: ReminderSettings, now: datetime
) -> list[Reminder]:
    """The reflection and the overdue list of the first shift that still owes them, once each.

    They are due at the shift's end and wait for a pause, the rate limit, a restart or a
    suspend, but only until the day the shift ended on is over (``Shift.reflection_deadline``).
    """
    for shift in settings.shifts_from(now - timedelta(days=1), _LOOKAHEAD_DAYS):
        deadline = shift.reflection_deadline
        if now >= deadline:
            continue
        found = []
        if settings.reflection and not _sent_for(history, ReminderKind.REFLECTION, shift):
            at = _held_back(shift.end, history, settings)
            if _reflection_still_fits(history, shift, max(at, now)):
                found.append(Reminder(ReminderKind.REFLECTION, at))
        if not _sent_for(history, ReminderKind.OVERDUE, shift) and _open_before(history, shift):
            found.append(Reminder(ReminderKind.OVERDUE, shift.end))
        if found:
            return found
    return []


def _reflection_still_fits(history: ReminderHistory, shift: Shift, deliver: datetime) -> bool:
    """Before the deadline; and, for a shift with nothing in it (no call tagged, no break from
    its start to half an hour after its end), only around its end: hours later, or at a new
    install's first start in the evening, "No hard calls tagged today. A moment to set the day
    down?" would be about nothing."""
    if deliver >= shift.reflection_deadline:
        return False
    late = shift.end + QUIET_SHIFT_GRACE
    worked = any(shift.start <= moment <= late for moment in (*history.calls, *history.breaks))
    return worked or deliver <= late


def _open_before(history: ReminderHistory, shift: Shift) -> bool:
    return any(callback.is_overdue(shift.end) for callback in history.callbacks)


def _sent_for(history: ReminderHistory, kind: ReminderKind, shift: Shift) -> bool:
    return any(shift.covers(sent.sent_at) for sent in history.sent if sent.kind is kind)


# -- shared rules --------------------------------------------------------------------------------


def _held_back(wanted: datetime, history: ReminderHistory, settings: ReminderSettings) -> datetime:
    """When a non-callback reminder wanted at ``wanted`` may go: after any pause and rate limit."""
    at = wanted
    if history.paused_until is not None:
        at = max(at, history.paused_until)
    last = _latest([s.sent_at for s in history.sent if not s.kind.is_callback])
    if last is not None:
        at = max(at, last + settings.rate_limit)
    return at


def _sent_times(history: ReminderHistory, kind: ReminderKind) -> list[datetime]:
    return [sent.sent_at for sent in history.sent if sent.kind is kind]


def _latest(moments: list[datetime]) -> datetime | None:
    return max(moments, default=None)

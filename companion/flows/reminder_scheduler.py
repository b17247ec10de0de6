"""Owns the one reminder timer: asks the policy what is due, waits for it, and delivers it.

No polling: a single-shot timer is armed for the next due moment and re-armed whenever
anything changes (a call, a break, a callback, settings, a pause).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from companion.core.breathing import pattern_for, whole_cycles_length
from companion.core.i18n import _
from companion.core.moment import Decision, Moment, decide
from companion.core.notices import Delivery, Notice, NoticeAction
from companion.core.ports import (
    Clock,
    DoNotDisturb,
    Microphone,
    Notifier,
    ReminderRepository,
    StorageUnavailable,
)
from companion.core.reminder_settings import ReminderSettings
from companion.core.reminder_texts import (
    DayNumbers,
    callback_lines,
    notice_for,
    reflection_prompt,
)
from companion.core.reminders import (
    Callback,
    Due,
    ReminderKind,
    SentReminder,
    next_due,
    nudge_calls,
    overdue_callbacks,
)
from companion.flows.moment_probes import MomentProbes
from companion.flows.settings_holder import SettingsHolder

log = logging.getLogger(__name__)

#: WORKAROUND: Qt timers run on the monotonic clock, which stops while the computer sleeps,
#: so a long wait is split: after a resume the wall clock is read again within this long.
MAX_SLEEP = timedelta(minutes=15)
#: While the agent is away and something is due, look again this often (only then).
AWAY_RECHECK = timedelta(minutes=1)
#: While a call holds a nudge back, look again this often (only then): after-call work is
#: often under a minute or two, and that pause, not the next call, is where a nudge belongs.
#: Each look is one local round trip to the sound server.
CALL_RECHECK = timedelta(seconds=30)
#: While Do Not Disturb holds one back: the agent turns it off on purpose, and a reflection
#: a minute or two after that is on time; it may stay on for hours, so look less often.
DND_RECHECK = timedelta(minutes=2)
#: How far back the policy needs to see (the nudge window, today's end of shift).
LOOKBACK = timedelta(days=2)
SNOOZE_MINUTES = 15
#: What a button opens, and what a click on a notice (or a Done/Snooze that can't apply) opens.
_OPENS = {
    NoticeAction.START_BREAK: "break",
    NoticeAction.REFLECT: "reflection",
    NoticeAction.SHOW_CALLBACKS: "callbacks",
}
_OPENS_BY_TOPIC = {
    "nudge": "break",
    "reflection": "reflection",
    "callback": "callbacks",
    "callbacks": "callbacks",
}


class ReminderFlow(QObject):
    """Reminders and callbacks; ``callbacks_changed`` tells the tray to refresh its list.

    The reminder settings are read from ``settings`` at each look; a change re-arms the timer.
    """

    callbacks_changed = Signal()
    break_wanted = Signal()
    reflection_wanted = Signal(str)
    callbacks_wanted = Signal()

    def __init__(
        self,
        repo: ReminderRepository,
        clock: Clock,
        settings: SettingsHolder,
        notifier: Notifier,
        idle_seconds: Callable[[], float | None],
        tell: Callable[[str], None],
        in_break: Callable[[], bool] = lambda: False,
        *,
        do_not_disturb: DoNotDisturb | None = None,
        microphone: Microphone | None = None,
    ) -> None:
        super().__init__()
        self._in_break = in_break
        self._repo = repo
        self._clock = clock
        self._holder = settings
        settings.changed.connect(self.reschedule)
        self._notifier = notifier
        self._probes = MomentProbes(idle_seconds, do_not_disturb, microphone)
        self._tell = tell
        #: Why the due reminder waits (logged when it changes, not at every look).
        self._waiting_for = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def timer(self) -> QTimer:
        return self._timer

    @property
    def _settings(self) -> ReminderSettings:
        return self._holder.settings.reminders

    def set_notifier(self, notifier: Notifier) -> None:
        self._notifier = notifier

    # -- scheduling ----------------------------------------------------------------------------

    def reschedule(self) -> None:
        """Arm the timer for whatever is due next (or stop it when nothing is)."""
        now = self._clock.now()
        due = self._next(now)
        if due is None:
            self._timer.stop()
            return
        wait = min(max(due.at - now, timedelta(0)), MAX_SLEEP)
        self._timer.start(int(wait.total_seconds() * 1000))

    def _next(self, now: datetime) -> Due | None:
        try:
            return next_due(self._repo.history(now - LOOKBACK), self._settings, now)
        except StorageUnavailable as error:
            log.warning("reminders wait: %s", error)
            return None

    def _on_timeout(self) -> None:
        now = self._clock.now()
        due = self._next(now)
        if due is None or due.at > now:
            self.reschedule()
            return
        moment = self._probes.moment(self._settings.away_minutes, self._in_break())
        decision = decide(moment, due)
        self._log_wait(moment, decision)
        if decision.deliver is not None:
            try:
                self.deliver(decision.deliver, now, quiet=decision.quiet)
            except StorageUnavailable as error:
                # Not recorded means due again at once: wait a while rather than repeat it now.
                log.warning("a reminder could not be recorded: %s", error)
                self._timer.start(_ms(AWAY_RECHECK))
                return
        if decision.wait:
            # A break window closing reschedules at once (a break taken then makes a nudge
            # moot); for the rest, looking again is the only way to see the moment change.
            self._timer.start(_ms(_recheck(moment)))
            return
        self.reschedule()

    def _log_wait(self, moment: Moment, decision: Decision) -> None:
        """Why a reminder waits, once per reason: never what is on a call, or with whom."""
        reason = ""
        if decision.wait:
            reason = (
                "the agent is away" if moment.away
                else "a break is open" if moment.in_break
                else "the agent is on a call" if moment.on_call
                else "Do Not Disturb is on"
            )  # fmt: skip
        if reason and reason != self._waiting_for:
            log.info("a reminder is due but waits: %s", reason)
        if decision.quiet:
            log.info("callbacks due go quietly to the message list: not a moment for banners")
        self._waiting_for = reason

    def _day_numbers(self, now: datetime) -> DayNumbers:
        """Today's numbers; a night shift's from its start, across midnight."""
        return self._repo.day_numbers(self._settings.numbers_since(now), now)

    def _break_seconds(self) -> float:
        """The break a nudge offers, as long as the break window will plan it."""
        settings = self._holder.settings
        return whole_cycles_length(pattern_for(settings.pattern_key), settings.break_seconds)

    def cannot_tell(self) -> list[str]:
        """What this computer can't tell Companion about the moment, for Settings."""
        return self._probes.cannot_tell()

    def deliver(self, due: Due, now: datetime, *, quiet: bool = False) -> Delivery | None:
        """Show ``due`` as one notice and remember it was shown (even if no desktop took it:
        the callbacks stay listed in the tray, so nothing is lost and nothing repeats).
        ``quiet``: not a moment for banners or sound (a call, Do Not Disturb).

        None when there was nothing left to say (its callbacks were done meanwhile)."""
        callbacks = {c.id: c for c in self._repo.open_callbacks() if c.id is not None}
        history = self._repo.history(now - LOOKBACK)
        notice = notice_for(
            due,
            callbacks,
            overdue_callbacks(callbacks.values(), now),
            self._day_numbers(now),
            nudge_calls(history, self._settings, now),
            self._break_seconds(),
        )
        delivery = None
        if notice is not None:
            sound = self._settings.sound and not quiet
            delivery = self._notifier.notify(replace(notice, sound=sound, quiet=quiet))
            log.info("reminder %s: %s", sorted(due.kinds()), delivery.describe())
        for reminder in due.reminders:
            if reminder.kind is ReminderKind.CALLBACK and reminder.callback_id in callbacks:
                self._repo.update_callback(
                    replace(callbacks[reminder.callback_id], notified_at=now)
                )
            elif reminder.kind is not ReminderKind.CALLBACK:
                self._repo.record_sent(SentReminder(reminder.kind, now))
        self.callbacks_changed.emit()
        return delivery

    # -- what the agent does ---------------------------------------------------------------------

    def add_callback(
        self, due_at: datetime, text: str, case_ref: str | None, call_id: int | None = None
    ) -> Callback | None:
        callback = Callback(
            due_at=due_at,
            text=text,
            created_at=self._clock.now(),
            case_ref=case_ref,
            call_id=call_id,
        )
        try:
            stored = self._repo.add_callback(callback)
        except StorageUnavailable as error:
            self._tell(str(error))
            return None
        self._changed()
        return stored

    def open_callbacks(self) -> list[Callback]:
        try:
            return self._repo.open_callbacks()
        except StorageUnavailable:
            return []

    def callback_lines(self) -> list[str]:
        """The open callbacks as the journal lists them at its top (overdue ones first)."""
        return callback_lines(self.open_callbacks(), self._clock.now())

    def snooze(self, callback_ids: tuple[int, ...], minutes: int = SNOOZE_MINUTES) -> None:
        self._update(callback_ids, lambda c, now: c.snoozed(now, minutes))

    def mark_done(self, callback_ids: tuple[int, ...]) -> None:
        self._update(callback_ids, lambda c, now: replace(c, done_at=now))

    def pause(self, until: datetime | None) -> None:
        """Hold nudges and reflections until ``until``; None resumes them now."""
        try:
            self._repo.set_paused_until(until)
        except StorageUnavailable as error:
            self._tell(str(error))
        self._changed()

    def paused_until(self) -> datetime | None:
        now = self._clock.now()
        try:
            until = self._repo.history(now).paused_until
        except StorageUnavailable:
            return None
        return until if until is not None and until > now else None

    def send_test(self) -> Delivery:
        return self._notifier.notify(
            Notice(
                "Companion",
                _("This is how reminders will look. Nothing to do."),
                sound=self._settings.sound,
            )
        )

    def on_action(self, notice: Notice, action: NoticeAction) -> None:
        """A button on a notification, or a click on it (OPEN), answered by the agent.

        Done and Snooze answer for one callback only: a notice about several never offers
        them, and should one arrive anyway it opens the list instead of closing them all.
        """
        if action in (NoticeAction.DONE, NoticeAction.SNOOZE) and len(notice.callback_ids) == 1:
            if action is NoticeAction.DONE:
                self.mark_done(notice.callback_ids)
            else:
                self.snooze(notice.callback_ids)
            return
        wanted = _OPENS.get(action) or _OPENS_BY_TOPIC.get(notice.topic)
        if wanted == "break":
            self.break_wanted.emit()
        elif wanted == "reflection":
            now = self._clock.now()
            self.reflection_wanted.emit(reflection_prompt(self._day_numbers(now)))
        elif wanted == "callbacks":
            self.callbacks_wanted.emit()

    def _update(
        self, callback_ids: tuple[int, ...], change: Callable[[Callback, datetime], Callback]
    ) -> None:
        now = self._clock.now()
        try:
            for callback_id in callback_ids:
                callback = self._repo.get_callback(callback_id)
                if callback is not None:
                    self._repo.update_callback(change(callback, now))
        except StorageUnavailable as error:
            self._tell(str(error))
        self._changed()

    def _changed(self) -> None:
        self.callbacks_changed.emit()
        self.reschedule()


def _recheck(moment: Moment) -> timedelta:
    """How long until the next look at a moment that holds a reminder back."""
    if moment.absent:
        return AWAY_RECHECK
    return CALL_RECHECK if moment.on_call else DND_RECHECK


def _ms(wait: timedelta) -> int:
    return int(wait.total_seconds() * 1000)

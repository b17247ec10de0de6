"""Linux notifications through Qt's own D-Bus (QtDBus), with buttons, never blocking the GUI.

``notify()`` hands a notice over and returns at once; the server's answer comes later, on the
GUI thread. Each notice ends in exactly one place:

* shown by the server (its id kept while its buttons can still be answered: an
  ``ActionInvoked`` reaches ``on_action``, a ``NotificationClosed`` ends the wait);
* or, when the server is absent, answers with an error, or does not answer within
  ``answer_within_ms``, handed to ``fallback`` (Companion's tray balloon, else its pop-up).
  A slow server's late "shown" is then taken back with ``CloseNotification``, so the notice
  is not shown twice.

How urgency, hints and buttons are chosen: ``companion.notify.presentation``. A notice whose
buttons this server can't show, and that would lose its answer without them, goes to
``answerable`` (Companion's own ways, which can answer it) instead.

If the server leaves the bus while notices with buttons are showing, those shown less than
``EXPIRY_SECONDS`` ago (still on screen, most likely) go to ``fallback``; older ones had
expired or wait in a message list that is gone with the server: a callback among them is
still listed under Callbacks in Companion's menu, with Done and Snooze.

Only the notification server's answers are waited for, and never on the GUI thread. The
waits there are local, short and at start-up: connecting to the session bus, and the bus
daemon's own ``GetNameOwner``, which QtDBus asks when it starts listening to the server's
signals (so that only the server that owns the name can answer for a notice).

Slots are bound methods that find their pending call or timer with ``sender()``, not
lambdas holding them: such lambdas crashed the process in Qt's event processing when a
notifier was freed soon after an answer (seen in the notify-send adapter this one replaced).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import SLOT, QObject, QTimer, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

from companion.core.i18n import N_, _
from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice, NoticeAction
from companion.core.ports import Notifier
from companion.notify import dbus_args
from companion.notify.notification_server import (
    ANSWER_WITHIN_MS,
    INTERFACE,
    LATE_ANSWER_MS,
    PATH,
    SERVICE,
    NotificationServer,
    ServerState,
    method_call,
    session_bus_problem,
)
from companion.notify.presentation import ServerInfo, present

log = logging.getLogger(__name__)

# Translators: where a test notice went, in Settings: "Sent through desktop notifications (D-Bus)."
NAME = _("desktop notifications (D-Bus)")
OnAction = Callable[[Notice, NoticeAction], None]


@dataclass
class _Sending:
    """A Notify call in flight."""

    notice: Notice
    timer: QTimer
    with_buttons: bool
    #: It took too long and went to the fallback: a late "shown" is closed again.
    given_up: bool = False


@dataclass(frozen=True)
class _Shown:
    """A notice with buttons on screen (or in the server's list), waiting for an answer."""

    notice: Notice
    at: float


class DBusNotifier(QObject):
    """``org.freedesktop.Notifications`` through QtDBus (see the module docstring)."""

    name = NAME

    def __init__(
        self,
        icon: Path,
        on_action: OnAction,
        *,
        bus: QDBusConnection | None,
        fallback: Notifier,
        answerable: Notifier,
        parent: QObject | None = None,
        answer_within_ms: int = ANSWER_WITHIN_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._icon = icon
        self._on_action = on_action
        self._bus = bus
        self._fallback = fallback
        self._answerable = answerable
        self._answer_within_ms = answer_within_ms
        self._clock = clock
        self._queued: list[Notice] = []
        self._sending: dict[QDBusPendingCallWatcher, _Sending] = {}
        self._timers: dict[QTimer, QDBusPendingCallWatcher] = {}
        self._shown: dict[int, _Shown] = {}
        self._logged: set[str] = set()
        self._server: NotificationServer | None = None
        #: Why nothing can be sent this way (then the chain goes on at once), if so.
        self._problem = N_("no session bus") if bus is None else dbus_args.marshalling_problem()
        if bus is not None and self._problem is None:
            self._server = NotificationServer(bus, answer_within_ms, self)
            self._server.settled.connect(self._on_settled)
            self._server.vanished.connect(self._on_vanished)
            self._listen(bus)
            self._server.ask()  # who is there, before the first notice needs to know

    def _listen(self, bus: QDBusConnection) -> None:
        """The server's signals, from whichever process owns its name at the time."""
        for signal, slot in (
            ("ActionInvoked", "_on_action_invoked(QDBusMessage)"),
            ("NotificationClosed", "_on_closed(QDBusMessage)"),
        ):
            # PySide6 6.11 takes SLOT()'s str here; its stub says bytes, which it refuses.
            ok = bus.connect(SERVICE, PATH, INTERFACE, signal, self, SLOT(slot))  # type: ignore[call-overload]
            if not ok:
                log.warning("not listening to %s: %s", signal, bus.lastError().message())

    # -- what the chain and the app ask ----------------------------------------------------

    def unavailable(self) -> str | None:
        """Why no notice would be sent this way here, found without sending one."""
        return DBusCheck().unavailable()

    @property
    def server(self) -> ServerInfo | None:
        """The server, once it has said who it is."""
        return None if self._server is None else self._server.info

    @property
    def waiting(self) -> bool:
        """A notice with buttons is out: its answer will name rows of the journal."""
        return bool(self._shown) or any(s.with_buttons for s in self._sending.values())

    def notify(self, notice: Notice) -> Delivery:
        if self._server is None:
            return Delivery(self.name, False, self._problem or N_("no session bus"))
        if self._server.state is ServerState.READY:
            return self._send(notice)
        self._queued.append(notice)
        self._server.ask()  # again, if the last ask found nobody: a server may be back
        service = _("the desktop's notification service")
        return Delivery(self.name, True, service, handed_over=True)

    def stop(self) -> None:
        """Quitting: stop waiting for answers (what is on screen stays until it expires)."""
        for timer in self._timers:
            timer.stop()
        self._timers.clear()
        self._sending.clear()
        self._shown.clear()
        self._queued.clear()

    # -- sending ---------------------------------------------------------------------------

    def _send(self, notice: Notice) -> Delivery:
        assert self._bus is not None and self._server is not None
        info = self._server.info
        assert info is not None
        shown = present(notice, info)
        if shown is None:
            log.info("%s can't show buttons: Companion shows this notice itself", info.name)
            return self._answerable.notify(notice)
        message = method_call("Notify")
        message.setArguments(dbus_args.notify_arguments(notice, shown, self._icon))
        watcher = QDBusPendingCallWatcher(self._bus.asyncCall(message, LATE_ANSWER_MS), self)
        watcher.finished.connect(self._on_notify_answer)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(self._on_too_slow)
        self._sending[watcher] = _Sending(notice, timer, bool(shown.actions))
        self._timers[timer] = watcher
        timer.start(self._answer_within_ms)
        return Delivery(self.name, True, info.describe(), handed_over=True)

    def _on_settled(self) -> None:
        assert self._server is not None
        queued, self._queued = self._queued, []
        for notice in queued:
            if self._server.state is ServerState.READY:
                delivery = self._send(notice)
                if not delivery.ok:
                    log.warning("a waiting notice could not be shown: %s", delivery.describe())
            else:
                self._give_up(notice, self._server.problem)

    def _on_notify_answer(self, _watcher: QDBusPendingCallWatcher) -> None:
        watcher = self.sender()
        if not isinstance(watcher, QDBusPendingCallWatcher) or watcher not in self._sending:
            return  # stopped meanwhile
        sending = self._sending.pop(watcher)
        watcher.deleteLater()
        self._forget_timer(sending.timer)
        if watcher.isError():
            if not sending.given_up:
                error = watcher.error()
                self._give_up(sending.notice, f"{error.name()}: {error.message()}")
            return
        answer = watcher.reply().arguments()
        if not answer:  # shown, says the reply, but without the id its buttons would need
            return
        notification_id = int(answer[0])
        if sending.given_up:
            log.info("a slow notification server showed a notice late: closing it again")
            self._close(notification_id)
        elif sending.with_buttons:
            self._shown[notification_id] = _Shown(sending.notice, self._clock())

    def _on_too_slow(self) -> None:
        timer = self.sender()
        if not isinstance(timer, QTimer) or timer not in self._timers:
            return
        sending = self._sending[self._timers[timer]]
        self._forget_timer(timer)
        sending.given_up = True  # the call stays listed, to close a late "shown" again
        seconds = self._answer_within_ms / 1000
        self._give_up(sending.notice, f"no answer within {seconds:g} s")

    def _forget_timer(self, timer: QTimer) -> None:
        if self._timers.pop(timer, None) is not None:
            timer.stop()
            timer.deleteLater()

    def _close(self, notification_id: int) -> None:
        assert self._bus is not None
        message = method_call("CloseNotification")
        message.setArguments([dbus_args.uint32(notification_id)])
        self._bus.send(message)

    def _give_up(self, notice: Notice, reason: str) -> None:
        """The server could not show it: Companion shows it itself, once."""
        if reason not in self._logged:
            self._logged.add(reason)
            log.warning("%s could not show a notification (%s)", self.name, reason)
        else:
            log.info("%s could not show a notification (%s)", self.name, reason)
        self._fallback.notify(notice)

    # -- what the server says --------------------------------------------------------------

    @Slot(QDBusMessage)
    def _on_action_invoked(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if len(arguments) != 2:
            return  # not the specification's (id, action key): no answer to take from it
        notification_id, key = arguments
        shown = self._shown.pop(int(notification_id), None)
        if shown is None:
            return  # another application's notice, or one answered already
        try:
            action = NoticeAction(str(key))
        except ValueError:
            log.info("notification answered with an unknown action; ignored")
            return
        log.info("notification answered: %s", action.value)
        self._on_action(shown.notice, action)

    @Slot(QDBusMessage)
    def _on_closed(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if arguments:
            self._shown.pop(int(arguments[0]), None)

    def _on_vanished(self) -> None:
        """The server left with our notices: those likely still on screen are shown again."""
        now = self._clock()
        shown, self._shown = self._shown, {}
        for item in shown.values():
            if now - item.at < EXPIRY_SECONDS:
                self._give_up(item.notice, "the notification service left while showing it")


class DBusCheck:
    """What ``--self-test`` puts in the chain in DBusNotifier's place: the same name and the
    same ``unavailable()``, and it never sends anything."""

    name = NAME

    def unavailable(self) -> str | None:
        return session_bus_problem() or dbus_args.marshalling_problem()

    def notify(self, notice: Notice) -> Delivery:
        return Delivery(self.name, False, "a check only: it sends nothing", declined=True)

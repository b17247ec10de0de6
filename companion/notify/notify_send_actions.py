"""Notifications with buttons through notify-send 0.8+: it prints the chosen button's name.

`notify-send --action` waits until the notification is answered or closed, so it runs as a
QProcess and the answer arrives later, on the GUI thread. Nothing waits for it: a notice is
handed over and the GUI goes on (a break window opening at that moment must not freeze). When
notify-send fails soon after starting (no daemon, a libnotify too old for --action) the notice
goes to ``fallback`` then, so it is shown once, elsewhere, a moment later.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QProcess

from companion.core.notices import Delivery, Notice, NoticeAction
from companion.core.ports import Notifier
from companion.notify.notify_send import command_args

log = logging.getLogger(__name__)

#: A notify-send that fails (no daemon, an old libnotify without --action) does so at once;
#: one that ends with an error later had shown its notice (the daemon went away meanwhile).
EARLY_FAILURE_S = 2.0
OnAction = Callable[[Notice, NoticeAction], None]


def action_args(notice: Notice) -> list[str]:
    """A click on the notification itself is the "default" action: open the right window."""
    actions = [NoticeAction.OPEN, *notice.actions]
    return [f"--action={action.value}={action.label}" for action in actions]


def chosen_action(output: str) -> NoticeAction | None:
    """The action notify-send printed; nothing (closed or expired) or anything odd is None."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    if not lines:
        return None
    try:
        return NoticeAction(lines[-1])
    except ValueError:
        return None


class ActionNotifySend(QObject):
    """Shows a notice with its buttons and reports the agent's answer through ``on_action``."""

    name = "notify-send"

    def __init__(
        self,
        icon: Path,
        on_action: OnAction,
        parent: QObject | None = None,
        which: Callable[[str], str | None] = shutil.which,
        fallback: Notifier | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._which = which
        self._icon = icon
        self._on_action = on_action
        self._fallback = fallback
        self._clock = clock
        #: Each notify-send still running, with its notice and when it started.
        self._running: dict[QProcess, tuple[Notice, float]] = {}

    def notify(self, notice: Notice) -> Delivery:
        program = self._which("notify-send")
        if program is None:
            return Delivery(self.name, False, "notify-send is not installed")
        process = QProcess(self)
        args: Sequence[str] = [*action_args(notice), *command_args(notice, self._icon)]
        self._running[process] = (notice, self._clock())
        # Bound methods (the process found with sender()), not lambdas holding self and the
        # process: with lambdas, a notifier freed soon after its answer crashed the process in
        # Qt's event processing ("Bus error", 8 runs in 100 under load; none in 110 since).
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        process.start(program, list(args))
        return Delivery(self.name, True, "handed to notify-send")

    @property
    def waiting(self) -> bool:
        """A notice with buttons is on screen: its answer will name rows of the journal."""
        return bool(self._running)

    def stop(self) -> None:
        """Quitting: stop waiting for answers (the notices stay on screen until they expire)."""
        for process in list(self._running):
            del self._running[process]
            process.kill()
            process.waitForFinished(1000)

    def _sending_process(self) -> QProcess | None:
        """The notify-send that signalled, if it is still one of ours and alive."""
        process = self.sender()
        if not isinstance(process, QProcess) or not shiboken6.isValid(process):
            return None
        return process if process in self._running else None

    def _on_error(self, error: QProcess.ProcessError) -> None:
        process = self._sending_process()
        if process is not None and error is QProcess.ProcessError.FailedToStart:
            self._give_up(process, process.errorString())

    def _on_finished(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        process = self._sending_process()
        if process is None:
            return  # already handled, or being destroyed with the app (it kills notify-send)
        _notice, started = self._running[process]
        if exit_code != 0 and self._clock() - started < EARLY_FAILURE_S:
            error = bytes(process.readAllStandardError().data()).decode(errors="replace")
            self._give_up(process, error.strip() or f"exit code {exit_code}")
            return
        self._answered(process)

    def _give_up(self, process: QProcess, reason: str) -> None:
        """notify-send could not show it: hand the notice on, once."""
        notice, _started = self._running.pop(process)
        process.deleteLater()
        log.warning("notify-send could not show a notification (%s); trying the next way", reason)
        if self._fallback is not None:
            self._fallback.notify(notice)

    def _answered(self, process: QProcess) -> None:
        notice, _started = self._running.pop(process)
        output = bytes(process.readAllStandardOutput().data()).decode(errors="replace")
        process.deleteLater()
        action = chosen_action(output)
        if action is not None:
            log.info("notification answered: %s", action.value)
            self._on_action(notice, action)

"""Notifications with buttons through notify-send 0.8+: it prints the chosen button's name.

`notify-send --action` waits until the notification is answered or closed, so it runs as a
QProcess and the answer arrives later, on the GUI thread, without blocking a break.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QProcess

from companion.core.notices import Delivery, Notice, NoticeAction
from companion.notify.notify_send import command_args

log = logging.getLogger(__name__)

#: A notify-send that fails (no daemon, an old libnotify without --action) does so at once.
EARLY_FAILURE_MS = 400
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
    ) -> None:
        super().__init__(parent)
        self._which = which
        self._icon = icon
        self._on_action = on_action
        self._running: set[QProcess] = set()

    def notify(self, notice: Notice) -> Delivery:
        program = self._which("notify-send")
        if program is None:
            return Delivery(self.name, False, "notify-send is not installed")
        process = QProcess(self)
        args: Sequence[str] = [*action_args(notice), *command_args(notice, self._icon)]
        process.start(program, list(args))
        if not process.waitForStarted(2000):
            return Delivery(self.name, False, process.errorString())
        if process.waitForFinished(EARLY_FAILURE_MS) and process.exitCode() != 0:
            error = bytes(process.readAllStandardError().data()).decode(errors="replace")
            return Delivery(self.name, False, error.strip() or f"exit code {process.exitCode()}")
        if process.state() == QProcess.ProcessState.NotRunning:
            self._answered(process, notice)
        else:
            self._running.add(process)
            process.finished.connect(lambda *_: self._answered(process, notice))
        return Delivery(self.name, True)

    def _answered(self, process: QProcess, notice: Notice) -> None:
        self._running.discard(process)
        output = bytes(process.readAllStandardOutput().data()).decode(errors="replace")
        process.deleteLater()
        action = chosen_action(output)
        if action is not None:
            log.info("notification answered: %s", action.value)
            self._on_action(notice, action)

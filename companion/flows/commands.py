"""Acts on a command from the command line or a second launch; the reply comes after."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QObject, Signal

from companion.app_messages import NOT_SAVED_TEXT, TEMPORARY_TEXT
from companion.core.commands import Action, Command, Outcome, Reply
from companion.core.ports import Clock
from companion.core.reminder_texts import InvalidWhen, parse_when
from companion.flows.journaling import JournalFlow
from companion.flows.reminder_scheduler import ReminderFlow
from companion.flows.tag_and_breathe import BreakFlow

log = logging.getLogger(__name__)

#: Runs a command's handling with its sender's activation token in reach, so a window it
#: opens may take the focus (companion.system.activation.launched_with).
Activation = Callable[[Command], AbstractContextManager[object]]


class CommandHandler(QObject):
    """``handle`` is given to the single-instance server; what is not a flow's is a signal."""

    quit_wanted = Signal()
    settings_wanted = Signal()
    #: `companion insights`: the Insights window (companion.app_insights opens it).
    insights_wanted = Signal()
    #: A plain launch: the app's own window if it has one, else the journal.
    show_wanted = Signal()

    def __init__(
        self,
        breaks: BreakFlow,
        journal: JournalFlow,
        reminders: ReminderFlow,
        clock: Clock,
        *,
        temporary: Callable[[], bool],
        tell: Callable[[str], None],
        activation: Activation,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._breaks = breaks
        self._journal = journal
        self._reminders = reminders
        self._clock = clock
        self._temporary = temporary
        self._tell = tell
        self._activation = activation

    def handle(self, command: Command) -> Reply:
        """A window it opens may take the focus with the sender's token."""
        log.info("command: %s", command.action.value)
        with self._activation(command):
            return self._act_on(command)

    def _act_on(self, command: Command) -> Reply:
        if command.action is Action.TAG:
            return self._tag(command)
        if command.action is Action.BREAK:
            self._breaks.breathe()
        elif command.action is Action.JOURNAL:
            self._journal.show_journal()
        elif command.action is Action.QUIT:
            self.quit_wanted.emit()
        elif command.action is Action.CALLBACK:
            self._add_callback(command)
            if self._temporary():
                return Reply(Outcome.TEMPORARY, TEMPORARY_TEXT)
        elif command.action is Action.SETTINGS:
            self.settings_wanted.emit()
        elif command.action is Action.INSIGHTS:
            self.insights_wanted.emit()
        else:
            self.show_wanted.emit()
        return Reply(Outcome.OK)

    def _tag(self, command: Command) -> Reply:
        """Answers ok only once the call is on disk: a softphone script can rely on it."""
        stored = self._breaks.tag_and_breathe(command.reason, command.intensity, command.case_ref)
        if stored is None:
            return Reply(Outcome.NOT_SAVED, NOT_SAVED_TEXT)
        if self._temporary():
            return Reply(Outcome.TEMPORARY, TEMPORARY_TEXT)
        return Reply(Outcome.OK)

    def _add_callback(self, command: Command) -> None:
        try:
            due_at = parse_when(command.when or "", self._clock.now())
        except InvalidWhen as error:
            self._tell(str(error))
            return
        self._reminders.add_callback(due_at, "", command.case_ref)

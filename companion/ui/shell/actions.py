"""The agent's actions, built once: the tray menu and the no-tray window both show these."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction

from companion.core.calls import Reason
from companion.ui.shell import messages


class ShellActions(QObject):
    """One QAction per thing the agent can ask for; each request is emitted here and only here.

    The tag actions carry their reason as data (its value), in the order of ``Reason``.
    """

    quick_tag_requested = Signal()
    tag_requested = Signal(object)
    break_requested = Signal()
    journal_requested = Signal()
    calls_requested = Signal()
    insights_requested = Signal()
    talk_requested = Signal()
    debrief_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.quick_tag = self._action(messages.QUICK_TAG, self.quick_tag_requested)
        self.tags = tuple(self._tag_action(reason) for reason in Reason)
        self.breathe = self._action(messages.BREAK, self.break_requested)
        self.breathe.setIconText(messages.BREAK_SHORT)
        self.journal = self._action(messages.JOURNAL, self.journal_requested)
        self.journal.setIconText(messages.JOURNAL)  # Qt's default would drop the "…"
        self.calls = self._action(messages.RECENT_CALLS, self.calls_requested)
        self.insights = self._action(messages.INSIGHTS, self.insights_requested)
        self.talk = self._action(messages.NEED_TO_TALK, self.talk_requested)
        self.debrief = self._action(messages.DEBRIEF, self.debrief_requested)
        self.debrief.setIconText(messages.DEBRIEF)
        self.quit = self._action(messages.QUIT, self.quit_requested)

    def tag(self, reason: Reason) -> QAction:
        """The action that tags a call with ``reason``."""
        return next(action for action in self.tags if action.data() == reason.value)

    def _action(self, text: str, request: SignalInstance) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(request.emit)
        return action

    def _tag_action(self, reason: Reason) -> QAction:
        action = QAction(reason.label, self)
        action.setData(reason.value)
        action.triggered.connect(lambda _=False: self.tag_requested.emit(reason))
        return action

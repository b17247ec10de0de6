"""The tray menu's reminder part: callbacks (overdue first), add one, pause, settings."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from companion.core.reminder_texts import callback_label, clock_time
from companion.core.reminders import Callback
from companion.ui.reminders import messages

SNOOZE_CHOICES = (5, 15, 60)
#: Minutes; None means "until tomorrow".
PAUSE_CHOICES: tuple[tuple[str, int | None], ...] = (
    (messages.FOR_30_MINUTES, 30),
    (messages.FOR_1_HOUR, 60),
    (messages.UNTIL_TOMORROW, None),
)


class ReminderMenu(QObject):
    """Adds its entries to ``menu`` just above the last separator (before Quit)."""

    add_callback_requested = Signal()
    settings_requested = Signal()
    pause_requested = Signal(object)
    resume_requested = Signal()
    done_requested = Signal(int)
    snooze_requested = Signal(int, int)

    def __init__(self, menu: QMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        separators = [a for a in menu.actions() if a.isSeparator()]
        before = separators[-1] if separators else None
        self.callbacks_menu = QMenu(messages.CALLBACKS)
        self.pause_menu = QMenu(messages.PAUSE)
        add = QAction(messages.ADD_CALLBACK, self)
        add.triggered.connect(self.add_callback_requested.emit)
        settings = QAction(messages.SETTINGS, self)
        settings.triggered.connect(self.settings_requested.emit)
        items = [self.callbacks_menu.menuAction(), add, self.pause_menu.menuAction(), settings]
        if before is None:
            menu.addActions(items)
        else:
            menu.insertActions(before, items)
        self._build_pause_menu()
        self.callbacks_menu.setEnabled(False)  # none until the app passes its list and clock

    def set_callbacks(self, callbacks: list[Callback], now: datetime) -> None:
        self.callbacks_menu.clear()
        overdue = sum(1 for c in callbacks if c.is_overdue(now))
        self.callbacks_menu.setTitle(messages.callbacks_title(overdue))
        self.callbacks_menu.setEnabled(bool(callbacks))
        for callback in callbacks:
            if callback.id is None:
                continue
            due, label = clock_time(callback.due_at), callback_label(callback)
            sub = self.callbacks_menu.addMenu(
                messages.callback_entry(due, label, overdue=callback.is_overdue(now))
            )
            sub.addAction(messages.DONE).triggered.connect(
                lambda _=False, i=callback.id: self.done_requested.emit(i)
            )
            for minutes in SNOOZE_CHOICES:
                sub.addAction(messages.snooze_text(minutes)).triggered.connect(
                    lambda _=False, i=callback.id, m=minutes: self.snooze_requested.emit(i, m)
                )

    def set_paused(self, until: datetime | None) -> None:
        title = messages.PAUSE if until is None else messages.paused_until(clock_time(until))
        self.pause_menu.setTitle(title)
        self._resume.setVisible(until is not None)

    def _build_pause_menu(self) -> None:
        for label, minutes in PAUSE_CHOICES:
            self.pause_menu.addAction(label).triggered.connect(
                lambda _=False, m=minutes: self.pause_requested.emit(m)
            )
        self._resume = self.pause_menu.addAction(messages.RESUME)
        self._resume.triggered.connect(self.resume_requested.emit)
        self._resume.setVisible(False)

"""Connects the reminder flow to what the agent sees: tray menu, callback dialog, settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu

from companion.core.calls import DifficultCall
from companion.core.ports import Clock
from companion.core.settings import Settings
from companion.flows.reminder_scheduler import ReminderFlow
from companion.ui.reminders.reminder_menu import ReminderMenu
from companion.ui.shell.window_activation import bring_forward

if TYPE_CHECKING:  # both load on first use: an app waiting in the tray never needs them
    from companion.ui.privacy.privacy_section import PrivacyFacts
    from companion.ui.reminders.callback_dialog import CallbackDialog
    from companion.ui.settings.settings_window import SettingsWindow

#: A tagged call this recent offers its case reference to a new callback.
RECENT_CALL = timedelta(hours=1)


class ReminderUi(QObject):
    def __init__(
        self,
        flow: ReminderFlow,
        clock: Clock,
        latest_call: Callable[[], DifficultCall | None],
        on_settings_saved: Callable[[Settings], None],
        menu: QMenu | None,
    ) -> None:
        super().__init__()
        self._flow = flow
        self._clock = clock
        self._latest_call = latest_call
        self._on_settings_saved = on_settings_saved
        self._dialog: CallbackDialog | None = None
        self._settings_window: SettingsWindow | None = None
        self._menu: ReminderMenu | None = None
        if menu is not None:
            self.use_menu(menu)
        flow.callbacks_changed.connect(self.refresh)
        flow.callbacks_wanted.connect(self._on_callbacks_wanted)

    @property
    def menu(self) -> ReminderMenu | None:
        return self._menu

    def use_menu(self, menu: QMenu) -> ReminderMenu:
        """Put the reminder entries in ``menu`` (the tray's, once a late tray appears)."""
        flow = self._flow
        self._menu = ReminderMenu(menu, self)
        self._menu.add_callback_requested.connect(self.add_callback)
        self._menu.done_requested.connect(lambda i: flow.mark_done((i,)))
        self._menu.snooze_requested.connect(lambda i, m: flow.snooze((i,), m))
        self._menu.pause_requested.connect(self._on_pause_requested)
        self._menu.resume_requested.connect(lambda: flow.pause(None))
        return self._menu

    @property
    def settings_window(self) -> SettingsWindow | None:
        return self._settings_window

    def refresh(self) -> None:
        if self._menu is not None:
            self._menu.set_callbacks(self._flow.open_callbacks(), self._clock.now())
            self._menu.set_paused(self._flow.paused_until())

    def add_callback(self, call: DifficultCall | None = None) -> None:
        """The dialog, with the case of ``call`` (after a break for it) or of a call tagged in
        the last hour filled in."""
        if call is None:
            call = self._latest_call()
            if call is not None and self._clock.now() - call.tagged_at > RECENT_CALL:
                call = None
        from companion.ui.reminders.callback_dialog import CallbackDialog

        self._dialog = CallbackDialog(self._clock.now, call.case_ref if call else None)
        call_id = call.id if call else None
        self._dialog.callback_requested.connect(
            lambda at, text, case: self._flow.add_callback(at, text, case, call_id)
        )
        self._dialog.show()
        self._dialog.raise_()
        self._dialog.activateWindow()

    def show_settings(
        self,
        settings: Settings,
        warnings: list[str],
        locked: frozenset[str] = frozenset(),
        *,
        autostart_on: bool = False,
        no_notification_service: bool = False,
        privacy: PrivacyFacts | None = None,
        shortcut_note: str | None = None,
    ) -> SettingsWindow:
        if self._settings_window is None or not self._settings_window.isVisible():
            from companion.ui.settings.settings_window import SettingsWindow

            window = SettingsWindow(
                settings,
                warnings,
                locked,
                autostart_on=autostart_on,
                no_notification_service=no_notification_service,
                cannot_tell=self._flow.cannot_tell(),
                privacy=privacy,
                shortcut_note=shortcut_note,
            )
            window.test_requested.connect(lambda: window.show_test_result(self._flow.send_test()))
            window.saved.connect(self._on_settings_saved)
            self._settings_window = window
        bring_forward(self._settings_window)
        return self._settings_window

    def _on_pause_requested(self, minutes: int | None) -> None:
        self._flow.pause(pause_end(self._clock.now(), minutes))

    def _on_callbacks_wanted(self) -> None:
        if self._menu is not None:
            self._menu.callbacks_menu.popup(QCursor.pos())


def pause_end(now: datetime, minutes: int | None) -> datetime:
    if minutes is None:
        return (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return now + timedelta(minutes=minutes)

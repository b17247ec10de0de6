"""Composition root: builds the store, windows, reminders and server, and wires their signals.

`companion.launch` shows the tray icon first and imports this module right after (issue #5).
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from companion.app_messages import (
    NOT_SAVED_TEXT,
    REOPENED_TEXT,
    SETTINGS_NOT_SAVED,
    TEMPORARY_TEXT,
)
from companion.core.backups import next_backup_at
from companion.core.commands import Action, Command, Outcome, Reply
from companion.core.policy import settings_to_save
from companion.core.ports import StorageUnavailable
from companion.core.reminder_texts import InvalidWhen, callback_lines, parse_when
from companion.core.settings import Settings
from companion.flows.journal_retry import JournalRetry
from companion.flows.journaling import JournalFlow
from companion.flows.notices import build_notifiers
from companion.flows.reminder_scheduler import ReminderFlow
from companion.flows.schedules import MidnightTimer, TrayWatcher
from companion.flows.tag_and_breathe import BreakFlow
from companion.notify.chain import FallbackNotifier
from companion.store.storage import Storage, open_storage
from companion.system import milestones, paths
from companion.system.activation import launched_with
from companion.system.clock import SystemClock
from companion.system.dnd import desktop_do_not_disturb
from companion.system.effective_settings import (
    autostart_is_on,
    load_effective_settings,
    sync_autostart,
)
from companion.system.idle import IdleTime
from companion.system.logs import stop_logging
from companion.system.microphone import desktop_microphone
from companion.system.private_files import narrow_private_files
from companion.system.quit_signals import QuitOnSignals
from companion.system.reduced_motion import system_prefers_reduced_motion
from companion.system.resources import resource
from companion.system.settings_file import save_settings_mapping
from companion.system.single_instance import InstanceServer
from companion.ui.breathing.start_countdown import auto_start_seconds
from companion.ui.reminders.reminder_ui import ReminderUi
from companion.ui.reminders.tray_notifier import TrayBalloonNotifier
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.actions_window import ActionsWindow
from companion.ui.shell.tray import TrayController

log = logging.getLogger(__name__)


class CompanionApp(QObject):
    """Everything the running app owns, created once here and passed down explicitly."""

    def __init__(
        self,
        qt_app: QApplication,
        server: InstanceServer,
        storage: Storage,
        tray: TrayController | None,
        icon: QIcon,
    ) -> None:
        super().__init__()
        self._qt_app = qt_app
        self._clock = SystemClock()
        data_dir = paths.data_dir()
        narrow_private_files(data_dir, paths.log_dir())
        self._effective = load_effective_settings(paths.settings_path(data_dir))
        self._settings = self._effective.settings
        warnings = list(self._effective.settings_warnings)
        autostart_problem = sync_autostart(self._settings)
        if autostart_problem is not None:
            warnings.append(autostart_problem)
        self._storage = storage
        self._server = server
        self._tray = tray
        self._window: ActionsWindow | None = None
        self._balloon: TrayBalloonNotifier | None = None
        self._journal = JournalFlow(
            storage.journal,
            storage.drafts,
            storage.calls,
            self._clock,
            backups=storage.backups,
            on_delete_all=self._delete_all_data,
            open_callbacks=self._open_callback_lines,
        )
        self._breaks = BreakFlow(
            storage.calls,
            storage.breaks,
            self._clock,
            self._settings,
            reduced_motion=system_prefers_reduced_motion,
            on_write=self._journal.write_about_call,
            on_count_changed=self._refresh_count,
            tell=self._tell,
            support_contact=self._effective.policy.eap_contact,
            auto_start_seconds=auto_start_seconds(),
        )
        self._icon = icon
        self._tray_watch = TrayWatcher(lambda: TrayController.is_available(), parent=self)
        self._tray_watch.appeared.connect(self._move_to_tray)
        self._actions = tray.actions if tray is not None else ShellActions(self)
        self._connect(self._actions)
        if self._tray is not None:
            self._tray.setParent(self)
        else:
            log.info("no system tray on this desktop; showing the Companion window instead")
            self._window = ActionsWindow(icon, self._actions)
            self._window.show()
            self._tray_watch.start()  # autostart may have come before the panel
        server.set_handler(self.handle)
        self._start_reminders(warnings)
        self._midnight = MidnightTimer(self._clock, self)
        self._midnight.new_day.connect(self._refresh_count)
        self._midnight.arm()
        self._backup_timer = QTimer(self)
        self._backup_timer.setSingleShot(True)
        self._backup_timer.timeout.connect(self._take_daily_backup)
        QTimer.singleShot(0, self._take_daily_backup)
        self._data_deleted = False
        self._retry = JournalRetry(self._try_journal_file, parent=self)
        if storage.temporary:
            self._retry.start()
        self._refresh_count()
        for text in [*self._effective.policy_warnings, *warnings, *storage.warnings]:
            self._tell(text)

    @property
    def locked_fields(self) -> frozenset[str]:
        """Settings IT locked: the settings window shows them as "Set by your IT department"."""
        return self._effective.locked

    def _connect(self, source: ShellActions) -> None:
        source.quick_tag_requested.connect(lambda: self._breaks.tag_and_breathe(None))
        source.tag_requested.connect(self._breaks.tag_and_breathe)
        source.break_requested.connect(self._breaks.breathe)
        source.journal_requested.connect(self._journal.show_journal)
        source.calls_requested.connect(lambda: self._journal.show_recent_calls())
        source.quit_requested.connect(self.quit)

    def _move_to_tray(self) -> None:
        """A tray appeared after start-up: the icon takes over, the small window goes."""
        log.info("a system tray is here now; moving Companion to it")
        tray = TrayController(self._icon, self._actions, self)
        self._reminder_ui.use_menu(tray.menu).settings_requested.connect(self._show_settings)
        tray.show()
        self._tray = tray
        self._balloon = self._own_notices.use_tray(tray.icon, self._reminders.on_action)
        if self._window is not None:
            self._window.hide()
            self._window = None
        self._refresh_count()
        self._reminder_ui.refresh()

    def handle(self, command: Command) -> Reply:
        """Act on a command from the command line or a second launch; the reply comes after.
        A window it opens may take the focus with the sender's token (system.activation)."""
        log.info("command: %s", command.action.value)
        with launched_with(command, QGuiApplication.platformName()):
            return self._act_on(command)

    def _act_on(self, command: Command) -> Reply:
        if command.action is Action.TAG:
            return self._tag(command)
        if command.action is Action.BREAK:
            self._breaks.breathe()
        elif command.action is Action.JOURNAL:
            self._journal.show_journal()
        elif command.action is Action.QUIT:
            self.quit()
        elif command.action is Action.CALLBACK:
            self._handle_reminder_command(command)
            if self._storage.temporary:
                return Reply(Outcome.TEMPORARY, TEMPORARY_TEXT)
        elif command.action is Action.SETTINGS:
            self._show_settings()
        elif self._window is not None:
            self._window.bring_forward()
        else:
            self._journal.show_journal()
        return Reply(Outcome.OK)

    def _tag(self, command: Command) -> Reply:
        """Answers ok only once the call is on disk: a softphone script can rely on it."""
        stored = self._breaks.tag_and_breathe(command.reason, command.intensity, command.case_ref)
        if stored is None:
            return Reply(Outcome.NOT_SAVED, NOT_SAVED_TEXT)
        if self._storage.temporary:
            return Reply(Outcome.TEMPORARY, TEMPORARY_TEXT)
        return Reply(Outcome.OK)

    def _try_journal_file(self) -> bool:
        """While on the temporary journal: open the file, moving into it what was written.

        Only while no window, menu or notice with buttons is open: they may hold a row of
        the temporary journal, whose id changes in the file. False means "try again later".
        """
        if not self._nothing_open():
            return False
        try:
            warnings = self._storage.reopen(self._clock.now())
        except StorageUnavailable as error:
            log.info("journal file still unavailable: %s", error)
            return False
        for text in (REOPENED_TEXT, *warnings):
            self._tell(text)
        self._reminder_ui.refresh()
        self._refresh_count()
        self._take_daily_backup()
        return True

    def _nothing_open(self) -> bool:
        shown = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self._window
        ]
        return not shown and (self._buttons is None or not self._buttons.waiting)

    def _open_callback_lines(self) -> list[str]:
        try:
            callbacks = self._storage.reminders.open_callbacks()
        except StorageUnavailable:
            return []
        return callback_lines(callbacks, self._clock.now())

    def _delete_all_data(self) -> None:
        """Ask; then close the journal and the socket, remove every file we made, say so, quit."""
        from companion.system.data_removal import describe, files_to_remove, remove_all
        from companion.ui.settings.delete_data_dialog import confirm_delete_all, show_removed

        data_dir, log_dir = paths.data_dir(), paths.log_dir()
        if not confirm_delete_all(files_to_remove(data_dir, log_dir), self._journal.window):
            return
        log.info("deleting all of Companion's data at the agent's request")
        if self._breaks.window is not None:
            self._breaks.window.close()
        self._journal.close_windows()
        self._backup_timer.stop()
        self._retry.stop()
        self._data_deleted = True
        self._server.close()
        self._storage.close()
        stop_logging()
        show_removed(describe(remove_all(data_dir, log_dir)))
        if self._tray is not None:
            self._tray.hide()
        self._qt_app.quit()

    def quit(self) -> None:
        """Save what is open (a break in progress, a draft being typed), then leave."""
        if self._breaks.window is not None:
            self._breaks.window.close()
        self._journal.flush_drafts()
        if self._tray is not None:
            self._tray.hide()
        self._qt_app.quit()

    def shut_down(self) -> None:
        """After the event loop: stop listening and close the journal."""
        if self._buttons is not None:
            self._buttons.stop()
        self._retry.stop()
        self._backup_timer.stop()
        self._server.close()
        if self._storage.temporary and not self._data_deleted:
            # A last try: what was written on the temporary journal goes into the file.
            with contextlib.suppress(StorageUnavailable):
                self._storage.reopen(self._clock.now())
        self._storage.close()

    def _take_daily_backup(self) -> None:
        """Today's copy if there is none, then a single shot for shortly after midnight."""
        now = self._clock.now()
        try:
            self._storage.backups.make_daily(now)
        except StorageUnavailable as error:
            log.warning("%s", error)
        wait = next_backup_at(now) - now
        self._backup_timer.start(max(int(wait.total_seconds() * 1000), 60_000))

    def _refresh_count(self) -> None:
        try:
            count = self._storage.calls.count_on(self._clock.now().date())
        except StorageUnavailable:
            count = 0
        if self._tray is not None:
            self._tray.set_today_count(count)
        if self._window is not None:
            self._window.set_today_count(count)
        self._reminders.reschedule()

    # -- reminders (issue #3) --------------------------------------------------------------

    def _start_reminders(self, warnings: list[str]) -> None:
        """The notifier chain (companion.flows.notices), then the one reminder timer."""
        #: Problems with the agent's settings, shown in the settings window until they save.
        self._settings_warnings = list(warnings)
        self._reminders = ReminderFlow(
            self._storage.reminders,
            self._clock,
            self._settings.reminders,
            FallbackNotifier([]),
            IdleTime().seconds,
            self._tell,
            in_break=lambda: self._breaks.window is not None,
            do_not_disturb=desktop_do_not_disturb(),
            microphone=desktop_microphone(),
        )
        tray_icon = self._tray.icon if self._tray is not None else None
        notifiers = build_notifiers(
            resource("companion.svg"), tray_icon, self._reminders.on_action, self
        )
        self._buttons, self._balloon = notifiers.buttons, notifiers.balloon
        self._no_service_note, self._own_notices = notifiers.no_service_note, notifiers.own
        self._reminders.set_notifier(notifiers.chain)
        self._reminders.break_wanted.connect(self._breaks.breathe)
        self._breaks.window_closed.connect(self._reminders.reschedule)
        self._reminders.reflection_wanted.connect(lambda prompt: self._journal.reflect(prompt))
        menu = self._tray.menu if self._tray is not None else None
        if self._window is not None:
            menu = self._window.more_menu  # no tray: the window's "More" button
        self._reminder_ui = ReminderUi(
            self._reminders, self._clock, self._storage.calls.latest, self._save_settings, menu
        )
        if self._reminder_ui.menu is not None:
            self._reminder_ui.menu.settings_requested.connect(self._show_settings)
        self._reminder_ui.refresh()
        self._reminders.reschedule()

    def _handle_reminder_command(self, command: Command) -> None:
        try:
            due_at = parse_when(command.when or "", self._clock.now())
        except InvalidWhen as error:
            self._tell(str(error))
            return
        self._reminders.add_callback(due_at, "", command.case_ref)

    def _show_settings(self) -> None:
        self._reminder_ui.show_settings(
            self._settings,
            [*self._effective.policy_warnings, *self._settings_warnings],
            self.locked_fields,
            autostart_on=autostart_is_on(self._settings),
            no_notification_service=self._no_service_note.given,
        )

    def _save_settings(self, settings: Settings) -> None:
        try:
            # Only the agent's own choices: IT's locks and defaults stay IT's to change.
            own = settings_to_save(settings, self._effective.policy)
            save_settings_mapping(paths.settings_path(paths.data_dir()), own)
        except OSError as error:
            log.warning("settings not saved: %s", error)
            self._tell(SETTINGS_NOT_SAVED)
        autostart_problem = sync_autostart(settings)
        if autostart_problem is not None:
            self._tell(autostart_problem)
        self._settings = settings
        self._settings_warnings = []
        self._breaks.set_settings(settings)
        self._reminders.set_settings(settings.reminders)

    def _tell(self, text: str) -> None:
        """A message the agent should see once, through whatever this desktop offers."""
        log.warning("%s", text)
        # Through the balloon notifier, so a click on this balloon can't replay a reminder.
        if self._balloon is None or not self._balloon.tell("Companion", text):
            QTimer.singleShot(0, lambda: QMessageBox.information(None, "Companion", text))


def start(
    qt_app: QApplication,
    server_name: str,
    tray: TrayController | None,
    icon: QIcon,
    first: Command | None,
) -> CompanionApp:
    """Everything after the tray icon: the server, the journal, the app; then ``first``."""
    server = InstanceServer(server_name)
    server.listen()
    storage = open_storage(paths.data_dir())
    companion = CompanionApp(qt_app, server, storage, tray, icon)
    QuitOnSignals(companion.quit, parent=companion)
    if first is not None and first.action is not Action.SHOW:
        QTimer.singleShot(0, lambda: companion.handle(first))
    milestones.reached("app_ready")
    return companion

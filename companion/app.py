"""Composition root: builds the settings, the flows and their windows' factories, and wires them.

`companion.launch` shows the tray icon first and imports this module right after (issue #5).
What the app does lives in companion.flows; here things are only made, in order, and connected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from companion.app_messages import (
    KEY_ON_ITS_WAY,
    SETTINGS_NOT_SAVED,
    TEMPORARY_JOURNAL,
)
from companion.app_privacy import journal_lock, unlock_journal
from companion.app_settings import settings_holder
from companion.core.commands import Command, Reply
from companion.core.journal_key import Protection, Unlocked
from companion.core.settings import Settings
from companion.flows.aftercare import CareFlow
from companion.flows.commands import CommandHandler
from companion.flows.data_lifecycle import DataLifecycle, DayCount
from companion.flows.journaling import JournalFlow
from companion.flows.notices import TITLE, Messages
from companion.flows.reminder_scheduler import ReminderFlow
from companion.flows.schedules import MidnightTimer
from companion.flows.settings_holder import SettingsHolder
from companion.flows.shortcut_switch import ShortcutSwitch
from companion.flows.tag_and_breathe import BreakFlow
from companion.notify.chain import FallbackNotifier
from companion.store.opening import journal_is_encrypted, key_opens, must_wait, plain_for_now
from companion.store.storage import Storage
from companion.system import milestones, paths
from companion.system.activation import launched_with
from companion.system.capture_exclusion import what_captures_show
from companion.system.clock import SystemClock
from companion.system.dnd import desktop_do_not_disturb
from companion.system.effective_settings import (
    autostart_is_on,
    sync_autostart,
)
from companion.system.idle import IdleTime
from companion.system.key_file import key_file_path
from companion.system.microphone import desktop_microphone
from companion.system.private_files import narrow_private_files
from companion.system.reduced_motion import system_prefers_reduced_motion
from companion.system.resources import resource
from companion.system.single_instance import InstanceServer
from companion.ui.breathing.break_windows import BreathingWindows
from companion.ui.breathing.start_countdown import auto_start_seconds
from companion.ui.care import messages as care_text
from companion.ui.care.care_windows import CareWindows
from companion.ui.journal.journal_windows import JournalWindows
from companion.ui.privacy.privacy_section import PrivacyFacts
from companion.ui.reminders.notifiers import build_notifiers
from companion.ui.reminders.reminder_ui import ReminderUi
from companion.ui.settings.delete_data_dialog import DataRemovalDialogs
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.open_windows import no_window_shown
from companion.ui.shell.presence import ShellPresence
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
        settings: SettingsHolder | None = None,
        unlocked: Unlocked | None = None,
        *,
        key_pending: bool = False,
    ) -> None:
        super().__init__()
        clock = SystemClock()
        data_dir, log_dir = paths.data_dir(), paths.log_dir()
        narrow_private_files(data_dir, log_dir)
        self._qt_app, self._icon, self._storage = qt_app, icon, storage
        # 1. What the agent is told, and the settings everyone reads.
        self.messages = Messages(_message_box, parent=self)
        self.settings = settings or settings_holder(paths.settings_path(data_dir))
        self.settings.setParent(self)
        self.unlocked = unlocked or Unlocked(storage.key, Protection.NONE)
        #: Built on a temporary journal while the key is still on its way (``key_arrived``).
        self.key_pending = key_pending
        #: Quit was asked for (perhaps while start-up still waits for the key).
        self.leaving = False
        self._wired_settings: object | None = None
        #: Ctrl+Alt+H from anywhere (companion.app_start attaches it; None: not attached).
        self.shortcut: ShortcutSwitch | None = None
        # 2. The flows, each with the factory for the windows it drives.
        journal_windows = JournalWindows(
            storage.journal, storage.drafts, storage.calls, clock, backups=storage.backups
        )
        self._break_windows = BreathingWindows(
            clock,
            support_contact=self.settings.policy.eap_contact,
            phone_hint=self.settings.policy.phone_hint,
            auto_start_seconds=auto_start_seconds(),
        )
        self.breaks = BreakFlow(
            storage.calls,
            storage.breaks,
            clock,
            self.settings,
            self._break_windows,
            reduced_motion=system_prefers_reduced_motion,
            tell=self.messages.tell,
        )
        self.reminders = ReminderFlow(
            storage.reminders,
            clock,
            self.settings,
            FallbackNotifier([]),
            IdleTime().seconds,
            self.messages.tell,
            in_break=lambda: self.breaks.window is not None,
            do_not_disturb=desktop_do_not_disturb(),
            microphone=desktop_microphone(),
        )
        self.journal = JournalFlow(
            journal_windows, open_callbacks=self.reminders.callback_lines, calls=storage.calls
        )
        self.lock = journal_lock(storage, self.journal, self.settings, self.messages.tell, self)
        self.journal.set_gate(self._open_private)
        self.care = CareFlow(
            CareWindows(
                contact=lambda: self.settings.policy.eap_contact,
                limits=lambda: self.settings.policy.limits_text,
            ),
            storage.journal,
            clock,
            add_callback=lambda call: self.reminder_ui.add_callback(call),
            write_about_call=lambda call: self.journal.write_about_call(call),
            tell=self.messages.tell,
            kept=care_text.KEPT,
            parent=self,
        )
        self.day_count = DayCount(storage.calls.count_on, clock, parent=self)
        self.data = DataLifecycle(
            storage,
            server,
            clock,
            DataRemovalDialogs(
                data_dir,
                log_dir,
                lambda: journal_windows.window,
                key_file=key_file_path(),
                keyring=lambda: self.unlocked.protection is Protection.KEYCHAIN,
            ),
            tell=self.messages.tell,
            nothing_open=self._nothing_open,
            parent=self,
        )
        self.commands = CommandHandler(
            self.breaks,
            self.journal,
            self.reminders,
            clock,
            temporary=lambda: storage.temporary,
            tell=self.messages.tell,
            activation=lambda command: launched_with(command, QGuiApplication.platformName()),
            parent=self,
        )
        # 3. Where the agent reaches them: the tray, else a small window; notifications.
        actions = tray.actions if tray is not None else ShellActions(self)
        self.shell = ShellPresence(icon, tray, actions, parent=self)
        self.notifiers = build_notifiers(
            resource("companion.svg"), tray.icon if tray else None, self.reminders.on_action, self
        )
        self.reminder_ui = ReminderUi(
            self.reminders, clock, storage.calls.latest, self.settings.save, self.shell.menu
        )
        self._midnight = MidnightTimer(clock, self)
        self._wire(server)
        self._start()

    def _wire(self, server: InstanceServer) -> None:
        self.settings.not_saved.connect(lambda _: self.messages.tell(SETTINGS_NOT_SAVED))
        self.settings.saved.connect(self._sync_autostart)
        self.settings.saved.connect(lambda settings: self.lock.apply(settings.lock_after_minutes))
        self.reminders.set_notifier(self.notifiers.chain)
        self.messages.use_balloon(self.notifiers.balloon)
        self.breaks.write_wanted.connect(self.journal.write_about_call)
        self.breaks.care_wanted.connect(self.care.offer)
        self.breaks.count_changed.connect(self.day_count.refresh)
        self.journal.call_removed.connect(self.day_count.refresh)
        self.breaks.window_closed.connect(self.reminders.reschedule)
        self.reminders.break_wanted.connect(self.breaks.breathe)
        self.reminders.reflection_wanted.connect(self.journal.reflect)
        self.journal.delete_all_requested.connect(self.data.delete_all)
        self.day_count.changed.connect(self._show_count)
        self._midnight.new_day.connect(self.day_count.refresh)
        self.data.reopened.connect(self.reminder_ui.refresh)
        self.data.reopened.connect(self.day_count.refresh)
        self.data.reopened.connect(self.lock.journal_opened)
        self.data.reopened.connect(lambda: milestones.reached("journal_open"))
        self.data.closing.connect(self.breaks.close_window)
        self.data.closing.connect(self.journal.close_windows)
        self.data.deleted.connect(self._leave)
        self.commands.quit_wanted.connect(self.quit)
        self.commands.settings_wanted.connect(self._show_settings)
        self.commands.show_wanted.connect(self._show)
        self.shell.tray_arrived.connect(self._use_tray)
        if self.reminder_ui.menu is not None:
            self.reminder_ui.menu.settings_requested.connect(self._show_settings)
        self._connect(self.shell.actions)
        server.set_handler(self.handle)
        # IT's policy is read again when its files change (issue #18).
        from companion.system.policy_watch import PolicyWatch

        self.policy_watch = PolicyWatch(self.settings.policy, parent=self)
        self.policy_watch.changed.connect(self.settings.use_policy)
        self.settings.policy_changed.connect(self._break_windows.use_policy)

    def _start(self) -> None:
        self.shell.start()
        self.reminder_ui.refresh()
        self.reminders.reschedule()
        self._midnight.arm()
        self.data.start(retry=not self.key_pending)
        self.day_count.refresh()
        self.lock.start(self.settings.settings.lock_after_minutes)
        if not self._storage.temporary:
            milestones.reached("journal_open")
        for text in [*self.settings.warnings, *self._storage.warnings]:
            self.messages.tell(text)

    def _connect(self, source: ShellActions) -> None:
        source.quick_tag_requested.connect(lambda: self.breaks.tag_and_breathe(None))
        source.tag_requested.connect(self.breaks.tag_and_breathe)
        source.break_requested.connect(self.breaks.breathe)
        source.journal_requested.connect(self.journal.show_journal)
        source.calls_requested.connect(self.journal.show_recent_calls)
        source.talk_requested.connect(self.care.talk)
        source.quit_requested.connect(self.quit)

    def _use_tray(self, tray: TrayController) -> None:
        """A tray appeared after start-up: its menu and balloon serve the reminders now."""
        self.reminder_ui.use_menu(tray.menu).settings_requested.connect(self._show_settings)
        self.messages.use_balloon(self.notifiers.own.use_tray(tray.icon, self.reminders.on_action))
        self.day_count.refresh()
        self.reminder_ui.refresh()

    def handle(self, command: Command) -> Reply:
        """A command from the command line or a second launch (companion.flows.commands)."""
        return self.commands.handle(command)

    def settle(self) -> None:
        """Once started: load what the first click needs."""
        self._break_windows.warm()

    def quit(self) -> None:
        """Save what is open (a break in progress, a draft being typed), then leave."""
        self.breaks.close_window()
        self.journal.flush_drafts()
        self._leave()

    def shut_down(self) -> None:
        """After the event loop: stop listening and close the journal."""
        if self.notifiers.buttons is not None:
            self.notifiers.buttons.stop()
        self.data.shut_down()

    def _leave(self) -> None:
        self.leaving = True
        self.shell.hide()
        self._qt_app.quit()

    def _nothing_open(self) -> bool:
        buttons = self.notifiers.buttons
        return no_window_shown(but=self.shell.window) and (buttons is None or not buttons.waiting)

    def _show(self) -> None:
        if not self.shell.bring_forward():
            self.journal.show_journal()

    def _open_private(self, action: Callable[[], object]) -> bool:
        """Every journal and calls window opens here: not before the journal's key has come,
        after the passphrase when "Not now" left the journal locked, and through the app lock."""
        if self.key_pending:
            self.messages.tell(KEY_ON_ITS_WAY)
            return False
        self._unlock_if_waiting_for_a_passphrase()
        return self.lock.lock.open(action)

    def key_arrived(self, unlocked: Unlocked) -> None:
        """Start-up's key came (or didn't) after the app was built on a temporary journal:
        the file opens now with it, or the journal goes on waiting and says why."""
        self.unlocked, self.key_pending = unlocked, False
        if self.leaving:
            return  # quit while waiting: shut_down keeps what the temporary journal holds
        waiting = None
        if must_wait(paths.data_dir(), unlocked, self.settings.policy.journal_encryption):
            waiting = f"{unlocked.waiting or ''} {TEMPORARY_JOURNAL}".strip()
        else:
            self._storage.key = unlocked.key
            note = plain_for_now(unlocked)
            if note is not None:
                self.messages.tell(note)
        self.data.open_with_key(waiting)

    def _unlock_if_waiting_for_a_passphrase(self) -> None:
        """After "Not now" at start-up the journal stays locked: opening it asks again, and the
        temporary journal's rows move into the file once the passphrase opens it."""
        waiting = self._storage.temporary and self._storage.key is None
        if not waiting or self.unlocked.protection is not Protection.PASSPHRASE:
            return
        unlocked = unlock_journal(self.settings, paths.data_dir())
        if unlocked.key is None:
            return
        self.unlocked = unlocked
        self._storage.key = unlocked.key
        self.data.try_journal_file()

    def _show_count(self, count: int) -> None:
        self.shell.set_today_count(count)
        self.reminders.reschedule()

    def _show_settings(self) -> None:
        window = self.reminder_ui.show_settings(
            self.settings.settings,
            list(self.settings.warnings),
            self.settings.locked,
            autostart_on=autostart_is_on(self.settings.settings),
            no_notification_service=self.notifiers.no_service_note.given,
            privacy=self._privacy_facts(),
            shortcut_note=self.shortcut.note if self.shortcut else None,
        )
        if window.privacy is not None and window is not self._wired_settings:
            self._wired_settings = window
            window.privacy.new_journal_wanted.connect(self._start_new_journal)

    def _start_new_journal(self) -> None:
        """The key is lost: the old journal goes aside and a new one starts with a new key."""

        def new_key() -> bool:
            unlocked = unlock_journal(self.settings, paths.data_dir())
            if unlocked.key is None and unlocked.protection is not Protection.NONE:
                return False
            self.unlocked, self._storage.key = unlocked, unlocked.key
            return True

        self.data.start_new_journal(new_key)

    def _privacy_facts(self) -> PrivacyFacts:
        from companion.system.screen_lock import screen_lock_heard_here  # QtDBus, when asked

        protection = self.unlocked.protection
        return PrivacyFacts(
            protection,
            self.settings.policy.journal_encryption,
            what_captures_show(),
            encrypted=self._storage.key is not None and not self._storage.temporary,
            file_open=not self._storage.temporary,
            why_no_key=self.unlocked.waiting,
            key_file=key_file_path() if protection is Protection.KEY_FILE else None,
            locked_now=self.lock.lock.locked,
            lock_passphrase_set=self.lock.has_own_passphrase(),
            key_lost=self._key_lost(),
            hears_screen_lock=screen_lock_heard_here(),
        )

    def _key_lost(self) -> bool:
        """Waiting for a key that is gone (or a passphrase not given), or one that doesn't open
        this journal (another computer's): not for a keyring that is only locked."""
        storage = self._storage
        if not storage.temporary or self.key_pending:
            return False
        data_dir = paths.data_dir()
        if not journal_is_encrypted(data_dir):
            return False
        # A key at hand while waiting: it doesn't open the file, or the file is busy (then
        # nothing is lost: the retries open it).
        return self.unlocked.lost or (
            storage.key is not None and not key_opens(data_dir, storage.key)
        )

    def _sync_autostart(self, settings: Settings) -> None:
        problem = sync_autostart(settings)
        if problem is not None:
            self.messages.tell(problem)


def _message_box(text: str) -> None:
    QMessageBox.information(None, TITLE, text)

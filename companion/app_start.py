"""Starting the app after the tray icon: the settings, the journal's key, the journal, then
the app (companion.app), in that order; or, when the key takes a while, the app first on a
temporary journal, so the tray works while a keyring asks for a password."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from companion.app import CompanionApp
from companion.app_debrief import attach_debrief
from companion.app_insights import InsightsOpener
from companion.app_messages import KEY_STILL_COMING
from companion.app_privacy import unlock_journal
from companion.app_settings import settings_holder
from companion.core.commands import Action, Command
from companion.core.journal_key import Protection, Unlocked
from companion.flows.shortcut_switch import ShortcutSwitch
from companion.store.opening import open_unlocked
from companion.store.storage import Storage, temporary_storage
from companion.system import milestones, paths
from companion.system.quit_signals import QuitOnSignals
from companion.system.single_instance import InstanceServer
from companion.ui.shell.tray import TrayController

log = logging.getLogger(__name__)

#: How long start-up waits for the journal's key before the app is built on a temporary
#: journal: a keyring answers in about 160 ms; its unlock prompt, or a passphrase being typed,
#: may take minutes, and the tray must work meanwhile.
KEY_PATIENCE_MS = 2_000


def start(
    qt_app: QApplication,
    server_name: str,
    tray: TrayController | None,
    icon: QIcon,
    first: Command | None,
    *,
    key_patience_ms: int = KEY_PATIENCE_MS,
) -> CompanionApp:
    """Everything after the tray icon: the server, the journal, the app; then ``first``."""
    server = InstanceServer(server_name)
    server.listen()
    data_dir = paths.data_dir()
    settings = settings_holder(paths.settings_path(data_dir))
    early: list[CompanionApp] = []

    def build_while_waiting() -> None:
        # Inside the key's wait (a nested event loop): from now on the tray works.
        storage = temporary_storage(data_dir, None, "", cipher=True)
        storage.warnings = ()
        protection = settings.settings.journal_protection or Protection.KEYCHAIN
        waiting = Unlocked(None, protection, waiting=KEY_STILL_COMING)
        log.info("the journal's key is taking a while; the app starts on a temporary journal")
        companion = CompanionApp(
            qt_app, server, storage, tray, icon, settings, waiting, key_pending=True
        )
        early.append(companion)
        _ready(companion, first, storage)

    if data_dir.exists() and not data_dir.is_dir():
        # No journal can open there (a file in the folder's place): nothing to unlock, and a
        # temporary journal stands in (open_storage says why).
        unlocked = Unlocked(None, Protection.NONE)
    else:
        patience = QTimer()
        patience.setSingleShot(True)
        patience.timeout.connect(build_while_waiting)
        patience.start(key_patience_ms)
        unlocked = unlock_journal(settings, data_dir)
        patience.stop()
    if early:
        early[0].key_arrived(unlocked)
        return early[0]
    storage = open_unlocked(data_dir, unlocked, settings.policy.journal_encryption)
    companion = CompanionApp(qt_app, server, storage, tray, icon, settings, unlocked)
    _ready(companion, first, storage)
    return companion


def _ready(companion: CompanionApp, first: Command | None, storage: Storage) -> None:
    QuitOnSignals(companion.quit, parent=companion)
    InsightsOpener(companion, storage)
    _listen_for_the_shortcut(companion)
    attach_debrief(companion, storage)
    if first is not None and first.action is not Action.SHOW:
        QTimer.singleShot(0, lambda: companion.handle(first))
    # Right after start-up, the break window's modules, ahead of the first click (1.4 MB of
    # idle memory, measured; a click in the first second would otherwise wait 20 ms for them).
    QTimer.singleShot(0, companion.settle)
    milestones.reached("app_ready", companion)


def _listen_for_the_shortcut(companion: CompanionApp) -> None:
    """Ctrl+Alt+H from any application does what a click on the tray icon does."""
    from companion.system.global_shortcut import NOT_HERE, SHORTCUT_TEXT, shortcut_for

    switch = ShortcutSwitch(
        lambda: shortcut_for(qt_platform=QGuiApplication.platformName()),
        companion.shell.actions.quick_tag.trigger,
        unavailable=NOT_HERE.format(shortcut=SHORTCUT_TEXT),
        parent=companion,
    )
    switch.apply(companion.settings.settings.global_shortcut)
    companion.settings.saved.connect(lambda settings: switch.apply(settings.global_shortcut))
    companion.shortcut = switch

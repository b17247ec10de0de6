"""The walk of one parameter (docs/architecture.md): a reason chosen in the tray menu reaches
the database through the shell's actions, the break flow and the calls repository, on the click."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from companion.app import CompanionApp
from companion.core.calls import Reason
from companion.store.storage import open_storage
from companion.system.single_instance import InstanceServer, server_name
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.tray import TrayController
from tests.gui.app_helpers import close_everything, data_dir

__all__ = ["data_dir"]  # fixtures


def test_a_reason_from_the_tray_menu_is_stored_on_the_click(data_dir: Path, qtbot: QtBot) -> None:
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    storage = open_storage(data_dir)
    tray = TrayController(QIcon(), ShellActions())
    app = CompanionApp(qt_app, InstanceServer(server_name(data_dir)), storage, tray, QIcon())
    try:
        [tag_menu] = [a.menu() for a in tray.menu.actions() if a.text() == "Tag a difficult call"]
        [angry] = [a for a in tag_menu.actions() if a.text() == Reason.ANGRY.label]

        angry.trigger()

        call = storage.calls.latest()
        assert call is not None and call.reason is Reason.ANGRY
        assert app.breaks.window is not None, "and the break has begun"
    finally:
        close_everything(app)

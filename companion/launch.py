"""The first moment of a run: a tray icon on screen as soon as Qt can show one, then the rest.

Start-up is measured to the tray icon being ready (issue #5). Everything the icon does not need
(the journal, settings and policy, the break window, the notification backends, the
single-instance server) loads in a zero-delay timer right after the icon is shown, from
`companion.app`. A click that lands meanwhile waits in Qt's queue for a fraction of a second and
is then handled like any other: nothing is dropped.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from companion import APP_ID, __version__
from companion.core.commands import Command
from companion.system import paths
from companion.system.activation import forget_launch_tokens
from companion.system.logs import setup_logging
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.app_icon import app_icon
from companion.ui.shell.tray import TrayController

if TYPE_CHECKING:
    from companion.app import CompanionApp

log = logging.getLogger(__name__)

START_FAILED_TEXT = (
    "Companion could not finish starting; the details are in its log file on this computer."
)


def run(server_name: str, first: Command | None) -> int:
    """Start the GUI and listen as the single instance; ``first`` is what this launch asked for."""
    setup_logging(paths.log_dir())
    log.info("Companion %s starting", __version__)
    _install_excepthook()
    # WORKAROUND: Qt's raster engine hands every fill of 96 lines or more to a thread pool and
    # waits; for the pacer's gradients the hand-off (4,000 context switches a second) costs more
    # than the fill. The variable is read when the pool would first be made (Qt 6.11:
    # https://github.com/qt/qtbase/blob/v6.11.2/src/gui/kernel/qguiapplication.cpp).
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    # Qt's X11 plugin has read the startup id by now; this launch's tokens travel with
    # ``first`` (cli.main), so no later window and no program we start finds a stale one.
    forget_launch_tokens()
    qt_app.setApplicationName("Companion")
    qt_app.setApplicationVersion(__version__)
    qt_app.setDesktopFileName(APP_ID)
    qt_app.setQuitOnLastWindowClosed(False)
    icon = app_icon()
    qt_app.setWindowIcon(icon)
    tray = TrayController(icon, ShellActions()) if TrayController.is_available() else None
    if tray is not None:
        tray.show()
    started: list[CompanionApp] = []

    def finish_starting() -> None:
        try:
            from companion.app_start import start

            started.append(start(qt_app, server_name, tray, icon, first))
        except Exception:
            log.error("start-up failed:\n%s", traceback.format_exc())
            QMessageBox.critical(None, "Companion", START_FAILED_TEXT)
            qt_app.exit(1)

    QTimer.singleShot(0, finish_starting)
    code = qt_app.exec()
    for companion in started:
        companion.shut_down()
    return code


def _install_excepthook() -> None:
    """Bugs are logged locally and shown once; they are never sent anywhere."""
    shown = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal shown
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if not shown and QApplication.instance() is not None:
            shown = True
            QMessageBox.warning(
                None,
                "Companion",
                "Something went wrong inside Companion. Your journal is safe; the details are "
                "in Companion's log file on this computer.",
            )

    sys.excepthook = hook

"""Turns SIGTERM/SIGINT (logout, `kill`, Ctrl+C) into a clean quit inside Qt's event loop."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class QuitOnSignals(QObject):
    """Python only runs signal handlers when it gets control, which it rarely does inside
    ``exec()``. The handler's wake-up byte goes to a pipe that Qt watches, so the quit runs
    at once without any polling timer (an idle app must not wake up).
    """

    def __init__(self, on_quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        self._notifier: QSocketNotifier | None = None
        if sys.platform == "win32":  # pragma: no cover - no SIGTERM from a session there
            return
        read_fd, write_fd = os.pipe()
        os.set_blocking(read_fd, False)
        os.set_blocking(write_fd, False)
        self._read_fd = read_fd
        signal.set_wakeup_fd(write_fd)
        for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(number, lambda *_: None)
        self._notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)

    def _on_wakeup(self) -> None:
        try:
            os.read(self._read_fd, 64)
        except BlockingIOError:
            return
        self._on_quit()

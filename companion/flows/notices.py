"""What Companion itself tells the agent: once, through the tray balloon, else a message box.

The notifiers that show reminders are built on the ui side (companion.ui.reminders.notifiers);
this keeps only the decision, which needs no widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

TITLE = "Companion"


class Balloon(Protocol):
    def tell(self, title: str, text: str) -> bool:
        """Show ``text`` as the tray icon's message; False when it could not."""
        ...


class Messages(QObject):
    """``tell``: a message the agent should see once, through whatever this desktop offers.

    Through the tray balloon when there is one (through its own notifier, so a click on it
    can't replay a reminder), else ``show_box`` from the event loop, so a message found while
    something else is being built never opens a modal box in the middle of it.
    """

    def __init__(self, show_box: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show_box = show_box
        self._balloon: Balloon | None = None

    def use_balloon(self, balloon: Balloon | None) -> None:
        """From now on messages go through ``balloon`` first (a tray appeared, say)."""
        self._balloon = balloon

    def tell(self, text: str) -> None:
        log.warning("%s", text)
        if self._balloon is None or not self._balloon.tell(TITLE, text):
            QTimer.singleShot(0, lambda: self._show_box(text))

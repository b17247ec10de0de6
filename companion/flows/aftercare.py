"""After-care (issue #10): what the after-break offer, the tray's "Need to talk?" and the reply
you won't send lead to. Every page is an offer the agent opens; nothing here opens by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance

from companion.core.aftercare import UNSENT_REPLY_TAG, Care
from companion.core.calls import DifficultCall, Reason
from companion.core.journal import JournalEntry
from companion.core.ports import Clock, JournalRepository, StorageUnavailable

log = logging.getLogger(__name__)


class CarePage(Protocol):
    @property
    def cool_off_requested(self) -> SignalInstance: ...

    @property
    def write_requested(self) -> SignalInstance: ...


class CoolOffPage(Protocol):
    @property
    def keep_requested(self) -> SignalInstance:
        """The words the agent chose to keep."""
        ...


class CareWindows(Protocol):
    """Builds and shows the pages (companion.ui.care.care_windows)."""

    def care(self, care: Care, reason: Reason | None) -> CarePage: ...
    def cool_off(self) -> CoolOffPage: ...


class CareFlow(QObject):
    """``offer`` after a break, ``talk`` from the tray; a kept unsent reply goes to the journal,
    linked to its call and tagged ``unsent-reply``."""

    def __init__(
        self,
        windows: CareWindows,
        journal: JournalRepository,
        clock: Clock,
        *,
        add_callback: Callable[[DifficultCall | None], None],
        write_about_call: Callable[[DifficultCall | None], None],
        tell: Callable[[str], None],
        kept: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._windows = windows
        self._journal = journal
        self._clock = clock
        self._add_callback = add_callback
        self._write_about_call = write_about_call
        self._tell = tell
        self._kept = kept

    def offer(self, care: Care, call: DifficultCall | None) -> None:
        """The after-break button was chosen for ``call``."""
        if care is Care.CALLBACK:
            self._add_callback(call)
            return
        page = self._windows.care(care, call.reason if call is not None else None)
        page.cool_off_requested.connect(lambda: self.cool_off(call))
        page.write_requested.connect(lambda: self._write_about_call(call))

    def talk(self) -> None:
        """ "Need to talk?" from the tray menu or the window without a tray."""
        self._windows.care(Care.TALK, None)

    def cool_off(self, call: DifficultCall | None) -> None:
        page = self._windows.cool_off()
        page.keep_requested.connect(lambda words: self._keep(words, call))

    def _keep(self, words: str, call: DifficultCall | None) -> None:
        now = self._clock.now()
        entry = JournalEntry(
            body=words,
            created_at=now,
            updated_at=now,
            tags=(UNSENT_REPLY_TAG,),
            call_id=call.id if call is not None else None,
        )
        try:
            self._journal.save(entry)
        except StorageUnavailable as error:
            log.warning("an unsent reply could not be kept: %s", error)
            self._tell(str(error))
            return
        self._tell(self._kept)

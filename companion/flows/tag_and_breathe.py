"""Tag a call and breathe: opens the break window and saves what it reports."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from companion.core.breaks import BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.moods import Mood
from companion.core.ports import BreakRepository, CallRepository, Clock, StorageUnavailable
from companion.core.settings import Settings
from companion.flows.settings_holder import SettingsHolder

log = logging.getLogger(__name__)

#: The count is refreshed once the window has painted; this is the latest it waits for that.
COUNT_REFRESH_LATEST_MS = 1000


@dataclass(frozen=True)
class BreakRequest:
    """What a new break window is opened with."""

    settings: Settings
    reduced_motion: bool
    #: The call the break is for (None: a break without a tag).
    call: DifficultCall | None
    show_undo: bool


class BreakWindow(Protocol):
    """The break window as the flow drives it (companion.ui.breathing.breathing_window)."""

    @property
    def break_recorded(self) -> SignalInstance:
        """Breathing stopped (done, skipped or closed): a ``BreakRecord``."""
        ...

    @property
    def mood_after_chosen(self) -> SignalInstance:
        """The mood after the break (a ``Mood``, or None for "skip")."""
        ...

    @property
    def call_details_changed(self) -> SignalInstance:
        """The shown call with the details the agent gave (a ``DifficultCall``)."""
        ...

    @property
    def undo_requested(self) -> SignalInstance:
        """The banner's "Undo": the call whose tag is to be taken back (or None)."""
        ...

    @property
    def write_requested(self) -> SignalInstance: ...

    @property
    def care_requested(self) -> SignalInstance:
        """The after-care offered for the call's reason was chosen (a ``Care``)."""
        ...

    @property
    def closed(self) -> SignalInstance: ...

    @property
    def first_painted(self) -> SignalInstance:
        """The window's first frame is on its way to the screen."""
        ...

    def show_call(self, call: DifficultCall, *, show_undo: bool = True) -> None: ...
    def discard(self) -> None: ...
    def present(self) -> None:
        """Show the new window where the agent is (the screen under the pointer)."""
        ...

    def bring_forward(self) -> None: ...
    def close(self) -> bool: ...
    def deleteLater(self) -> None: ...


#: Builds (and does not show yet) the break window for a request.
OpenBreakWindow = Callable[[BreakRequest], BreakWindow]


class BreakFlow(QObject):
    """One break window at a time; every write goes to the repositories as soon as it happens.

    Saving early (the call on the click, the break when breathing stops, the mood when it is
    chosen) means a crash or a kill loses at most the click in progress.

    A click does nothing but that one write before the window is built and shown (issue #5,
    "click to calm"). The day's count and the reminders it moves (database reads, and maybe
    a notification) wait until the window has painted its first frame; the system's
    reduced-motion wish (a ``gsettings`` process on Linux) is read when the flow is made and
    again after each break has closed, so a change shows from the next break on.

    The window is built by ``open_window`` (the ui side decides which screen and how it comes
    forward) and talks back through its signals; the settings are read from ``settings``
    when a break opens. ``tell`` shows the agent a message (a write that failed).
    """

    #: The break window has closed (reminders held back while it was open may go now).
    window_closed = Signal()
    #: "Write about it" after a break: the call (or None) and the mood after (or None).
    write_wanted = Signal(object, object)
    #: After-care chosen on the after page: the ``Care`` and the call (None: no call).
    care_wanted = Signal(object, object)
    #: The day's count of calls moved (once for the tags since the last time).
    count_changed = Signal()

    def __init__(
        self,
        calls: CallRepository,
        breaks: BreakRepository,
        clock: Clock,
        settings: SettingsHolder,
        open_window: OpenBreakWindow,
        *,
        reduced_motion: Callable[[], bool],
        tell: Callable[[str], None],
    ) -> None:
        super().__init__()
        self._open_window = open_window
        self._calls = calls
        self._breaks = breaks
        self._clock = clock
        self._settings = settings
        self._read_reduced_motion = reduced_motion
        self._system_reduced_motion = reduced_motion()
        self._count_stale = False
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self._refresh_count)
        self._tell = tell
        self._window: BreakWindow | None = None
        #: The call the window shows (the newest tag) and the one it was opened for.
        self._call: DifficultCall | None = None
        self._opened_for: DifficultCall | None = None
        self._record: BreakRecord | None = None
        self._mood_after: Mood | None = None

    @property
    def window(self) -> BreakWindow | None:
        return self._window

    def close_window(self) -> None:
        """Close the break window if one is open (what breathing there was is recorded)."""
        if self._window is not None:
            self._window.close()

    def tag_and_breathe(
        self,
        reason: Reason | None = None,
        intensity: int | None = None,
        case_ref: str | None = None,
    ) -> DifficultCall | None:
        """Store the call at once (details optional), then start or raise the break.

        A break already open shows the new call (its own "Undo" and details) and carries on.
        Returns the stored call, or None when it could not be stored (the agent is told).
        """
        call = DifficultCall(tagged_at=self._clock.now()).with_details(
            reason=reason, intensity=intensity, case_ref=case_ref
        )
        try:
            call = self._calls.add(call)
        except StorageUnavailable as error:
            self._tell(str(error))
        stored = call if call.id is not None else None
        self._count_stale = True
        if self._window is not None:
            self._count_timer.start(0)  # only raised: nothing new to paint
            if stored is not None:
                self._call = stored
                self._window.show_call(stored)
        self.breathe(stored)
        return stored

    def breathe(self, call: DifficultCall | None = None) -> None:
        if self._window is not None:
            self._window.bring_forward()
            return
        self._call = self._opened_for = call
        self._record = None
        self._mood_after = None
        settings = self._settings.settings
        reduced_motion = settings.effective_reduced_motion(self._system_reduced_motion)
        window = self._open_window(
            BreakRequest(settings, reduced_motion, call, show_undo=call is not None)
        )
        self._window = window
        window.break_recorded.connect(self._on_break_recorded)
        window.mood_after_chosen.connect(self._on_mood_after_chosen)
        window.call_details_changed.connect(self._on_call_details_changed)
        window.undo_requested.connect(self._on_undo_requested)
        window.write_requested.connect(self._on_write_requested)
        window.care_requested.connect(lambda care: self.care_wanted.emit(care, self._call))
        window.closed.connect(self._on_closed)
        if self._count_stale:
            # After the first frame is on screen, not before it; at the latest in a second.
            window.first_painted.connect(self._on_first_paint)
            self._count_timer.start(COUNT_REFRESH_LATEST_MS)
        window.present()

    def _on_first_paint(self) -> None:
        # A timer, not a call: the event loop delivers it once the frame is painted and flushed.
        self._count_timer.start(0)

    def _refresh_count(self) -> None:
        """Tell the app the day's count moved: once for the tags since the last time."""
        self._count_timer.stop()
        if self._count_stale:
            self._count_stale = False
            self.count_changed.emit()

    def _refresh_reduced_motion(self) -> None:
        self._system_reduced_motion = self._read_reduced_motion()

    def _on_break_recorded(self, record: BreakRecord) -> None:
        try:
            self._record = self._breaks.add(record)
        except StorageUnavailable as error:
            self._tell(str(error))
        log.info("break recorded: %s, %.0f s", record.outcome.value, record.actual_seconds)

    def _on_mood_after_chosen(self, mood: Mood | None) -> None:
        self._mood_after = mood  # also for the entry, even if the break could not be saved
        if self._record is None or self._record.id is None or mood is None:
            return
        self._record = replace(self._record, mood_after=mood)
        try:
            self._breaks.update(self._record)
        except StorageUnavailable as error:
            self._tell(str(error))

    def _on_call_details_changed(self, call: DifficultCall) -> None:
        if call.id is None:
            return
        if self._call is not None and self._call.id == call.id:
            self._call = call
        if self._opened_for is not None and self._opened_for.id == call.id:
            self._opened_for = call
        try:
            self._calls.update(call)
        except StorageUnavailable as error:
            self._tell(str(error))

    def _on_undo_requested(self, call: DifficultCall | None) -> None:
        """Take the tag back. The tag that opened the window takes the break with it; a later
        one only goes, and the window shows the call it was opened for again."""
        if call is not None and call.id is not None:
            try:
                self._calls.delete(call.id)
            except StorageUnavailable as error:
                self._tell(str(error))
            self._count_stale = True
            self._refresh_count()
        opener = self._opened_for
        if opener is None or call is None or opener.id == call.id:
            self._call = self._opened_for = None
            if self._window is not None:
                self._window.discard()
            return
        self._call = opener
        if self._window is not None:
            self._window.show_call(opener, show_undo=False)

    def _on_write_requested(self) -> None:
        call = self._call
        if self._window is not None:
            self._window.close()
        self.write_wanted.emit(call, self._mood_after)

    def _on_closed(self) -> None:
        if self._window is not None:
            self._window.deleteLater()
        self._window = None
        self._refresh_count()
        self.window_closed.emit()
        # Off the next click's path; a process on Linux, so not inside the close either.
        QTimer.singleShot(0, self, self._refresh_reduced_motion)

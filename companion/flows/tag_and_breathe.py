"""Tag a call and breathe: opens the break window and saves what it reports."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication

from companion.core.breaks import BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.moods import Mood
from companion.core.ports import BreakRepository, CallRepository, Clock, StorageUnavailable
from companion.core.settings import Settings
from companion.system import milestones
from companion.ui.breathing.breathing_window import BreathingWindow
from companion.ui.breathing.start_countdown import AUTO_START_SECONDS, STEP_MS
from companion.ui.shell.window_activation import bring_forward

log = logging.getLogger(__name__)

#: The count is refreshed once the window has painted; this is the latest it waits for that.
COUNT_REFRESH_LATEST_MS = 1000


class BreakFlow(QObject):
    """One break window at a time; every write goes to the repositories as soon as it happens.

    Saving early (the call on the click, the break when breathing stops, the mood when it is
    chosen) means a crash or a kill loses at most the click in progress.

    A click does nothing but that one write before the window is built and shown (issue #5,
    "click to calm"). The day's count and the reminders it moves (database reads, and maybe
    a notification) wait until the window has painted its first frame; the system's
    reduced-motion wish (a ``gsettings`` process on Linux) is read when the flow is made and
    again after each break has closed, so a change shows from the next break on.
    """

    #: The break window has closed (reminders held back while it was open may go now).
    window_closed = Signal()

    def __init__(
        self,
        calls: CallRepository,
        breaks: BreakRepository,
        clock: Clock,
        settings: Settings,
        *,
        reduced_motion: Callable[[], bool],
        on_write: Callable[[DifficultCall | None, Mood | None], None],
        on_count_changed: Callable[[], None],
        tell: Callable[[str], None],
        support_contact: str | None = None,
        auto_start_seconds: int = AUTO_START_SECONDS,
        countdown_step_ms: int = STEP_MS,
    ) -> None:
        super().__init__()
        self._auto_start_seconds = auto_start_seconds
        self._countdown_step_ms = countdown_step_ms
        self._support_contact = support_contact
        self._calls = calls
        self._breaks = breaks
        self._clock = clock
        self._settings = settings
        self._read_reduced_motion = reduced_motion
        self._system_reduced_motion = reduced_motion()
        self._on_write = on_write
        self._on_count_changed = on_count_changed
        self._count_stale = False
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self._refresh_count)
        self._tell = tell
        self._window: BreathingWindow | None = None
        #: The call the window shows (the newest tag) and the one it was opened for.
        self._call: DifficultCall | None = None
        self._opened_for: DifficultCall | None = None
        self._record: BreakRecord | None = None
        self._mood_after: Mood | None = None

    @property
    def window(self) -> BreathingWindow | None:
        return self._window

    def set_settings(self, settings: Settings) -> None:
        self._settings = settings

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
            self._raise(self._window)
            return
        self._call = self._opened_for = call
        self._record = None
        self._mood_after = None
        window = BreathingWindow(
            self._clock,
            self._settings,
            reduced_motion=self._settings.effective_reduced_motion(self._system_reduced_motion),
            call=call,
            show_undo=call is not None,
            support_contact=self._support_contact,
            auto_start_seconds=self._auto_start_seconds,
            countdown_step_ms=self._countdown_step_ms,
        )
        window.break_recorded.connect(self._on_break_recorded)
        window.mood_after_chosen.connect(self._on_mood_after_chosen)
        window.call_details_changed.connect(self._on_call_details_changed)
        window.undo_requested.connect(self._on_undo_requested)
        window.write_requested.connect(self._on_write_requested)
        window.closed.connect(self._on_closed)
        milestones.reached("break_window_built", window)
        if self._count_stale:
            # After the first frame is on screen, not before it; at the latest in a second.
            first_paint = _FirstPaint(window)
            first_paint.painted.connect(self._on_first_paint)
            window.installEventFilter(first_paint)
            self._count_timer.start(COUNT_REFRESH_LATEST_MS)
        self._window = window
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        window.show_centered_on(screen)

    def _on_first_paint(self) -> None:
        # A timer, not a call: the event loop delivers it once the frame is painted and flushed.
        self._count_timer.start(0)

    def _refresh_count(self) -> None:
        """Tell the app the day's count moved: once for the tags since the last time."""
        self._count_timer.stop()
        if self._count_stale:
            self._count_stale = False
            self._on_count_changed()

    def _refresh_reduced_motion(self) -> None:
        self._system_reduced_motion = self._read_reduced_motion()

    @staticmethod
    def _raise(window: BreathingWindow) -> None:
        bring_forward(window)

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
        self._on_write(call, self._mood_after)

    def _on_closed(self) -> None:
        if self._window is not None:
            self._window.deleteLater()
        self._window = None
        self._refresh_count()
        self.window_closed.emit()
        # Off the next click's path; a process on Linux, so not inside the close either.
        QTimer.singleShot(0, self, self._refresh_reduced_motion)


class _FirstPaint(QObject):
    """Emits ``painted`` when its parent widget paints for the first time."""

    painted = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.painted.emit()
        return False

"""The guided breathing break: mood check, pacer, and a kind word after; reports what happened."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QCursor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QScreen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QStackedLayout, QWidget

from companion.core.aftercare import care_after
from companion.core.breaks import BreakTimer
from companion.core.breathing import Pattern
from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.ports import Clock
from companion.core.settings import Settings
from companion.flows.breathing_session import BreathingSession
from companion.system import milestones
from companion.ui.breathing.break_call import BreakCall
from companion.ui.breathing.breathing_frame import BreathingFrame
from companion.ui.breathing.breathing_pages import AfterPage, BeforePage, BreathingPage
from companion.ui.breathing.messages import kind_line
from companion.ui.breathing.mood_picker import MoodPicker, mood_for_key
from companion.ui.breathing.pacer import PacerWidget
from companion.ui.breathing.phase_sound import phase_sound_for
from companion.ui.breathing.start_countdown import STEP_MS, StartCountdown
from companion.ui.shell.window_activation import bring_forward

FRAME_INTERVAL_MS = 16
REDUCED_MOTION_INTERVAL_MS = 100


class BreathingWindow(BreathingFrame):
    """One break, from the mood check to "Back to work".

    Breathing starts with a face, Start, or by itself ``auto_start_seconds`` (None: the
    settings') after the window is shown unless the agent engages with the page first (0:
    never by itself).

    ``break_recorded`` is emitted exactly once: when breathing stops for any reason, or as a
    skipped break of 0 s when the window is closed before breathing began; never after
    :meth:`discard`. ``tick`` is public so tests can drive the break with a fake clock.
    """

    break_recorded = Signal(object)
    mood_after_chosen = Signal(object)
    call_details_changed = Signal(object)
    write_requested = Signal()
    #: "Undo" on the banner: the call whose tag is to be taken back.
    undo_requested = Signal(object)
    #: The after-care offered for the call's reason was chosen (a ``core.aftercare.Care``).
    care_requested = Signal(object)
    closed = Signal()
    #: The window has started painting its first frame (the flow refreshes counts after it).
    first_painted = Signal()

    def __init__(
        self,
        clock: Clock,
        settings: Settings,
        *,
        reduced_motion: bool,
        call: DifficultCall | None = None,
        show_undo: bool = False,
        support_contact: str | None = None,
        phone_hint: str | None = None,
        auto_start_seconds: int | None = None,
        countdown_step_ms: int = STEP_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = BreathingSession(clock, settings, call)
        self._page = "before"
        self._discarded = False
        self._closed_emitted = False
        #: Frame-timer ticks handled (the bench compares them with the frames actually painted).
        self._ticks = 0
        self._ticker = QTimer(self)
        self._ticker.setObjectName("frameTicker")
        self._ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self._ticker.setInterval(
            REDUCED_MOTION_INTERVAL_MS if reduced_motion else FRAME_INTERVAL_MS
        )
        self._ticker.timeout.connect(self.tick)
        self._call = BreakCall(call, show_undo=show_undo, parent=self)
        self._support_contact = support_contact
        self._phone_hint = phone_hint
        self._mood_check = settings.mood_check
        self._reduced_motion = reduced_motion
        self._sound = phase_sound_for(settings.phase_sound, self)
        if auto_start_seconds is None:
            auto_start_seconds = settings.auto_start_seconds
        # Only the page the break opens on is built now; the other two when first shown
        # (issue #5: fewer widgets to build, style and lay out before the first frame).
        self._breathing_page: BreathingPage | None = None
        self._after_page: AfterPage | None = None
        self._build()
        self._countdown = StartCountdown(
            self._before.countdown, self, auto_start_seconds, countdown_step_ms
        )
        # Space pauses while breathing wherever the focus is, even on Done or "+30 s" (Enter
        # presses those); a shortcut is seen before the focused button, a text field still
        # types its spaces.
        self._space = QShortcut(QKeySequence(Qt.Key.Key_Space), self, self._toggle_pause)
        self._space.setAutoRepeat(False)
        self._connect()
        self._show_page("before")
        self.installEventFilter(_FirstPaint(self))

    def _build(self) -> None:
        self._before = BeforePage(
            self._session.pattern, mood_check=self._mood_check, phone_hint=self._phone_hint
        )
        # A stacked layout in a plain widget, not a QStackedWidget: screen readers said the
        # latter's role ("layered pane") before every button of the break (Orca 43, tried).
        pages = QWidget()
        self._stack = QStackedLayout(pages)
        self._stack.addWidget(self._before)
        self.inner.addWidget(pages, 1)
        self._call.place_banner(self.inner, 1, tab_after=self.close_button)
        self.finish_style()

    def _connect(self) -> None:
        self._call.undo_clicked.connect(self._on_undo_clicked)
        self._call.details_changed.connect(self.call_details_changed.emit)
        self._call.expanded_changed.connect(self._on_details_expanded_changed)
        self._call.form_replaced.connect(lambda form: self._breathing().set_details(form))
        if self._before.picker is not None:
            self._before.picker.chosen.connect(self._start_breathing)
        self._before.start_button.clicked.connect(lambda: self._start_breathing(None))
        self._before.pattern_changed.connect(self._session.choose_pattern)
        self._countdown.finished.connect(lambda: self._start_breathing(None))

    def _breathing(self) -> BreathingPage:
        """The breathing page, built and wired the first time it is asked for."""
        if self._breathing_page is not None:
            return self._breathing_page
        # The shown call's: none once its tag was undone, so no details for a deleted call.
        page = BreathingPage(reduced_motion=self._reduced_motion, details=None, sound=self._sound)
        page.extend_button.clicked.connect(self._on_extend_clicked)
        page.pause_button.clicked.connect(self._toggle_pause)
        page.done_button.clicked.connect(lambda: self._end_breathing(skipped=False))
        page.skip_button.clicked.connect(lambda: self._end_breathing(skipped=True))
        self._stack.addWidget(page)
        self._breathing_page = page
        page.set_details(self._call.details_form())
        return page

    def _after(self) -> AfterPage:
        """The after page, built and wired the first time it is asked for."""
        if self._after_page is not None:
            return self._after_page
        page = AfterPage(mood_check=self._mood_check, support_contact=self._support_contact)
        if page.picker is not None:
            page.picker.chosen.connect(self._on_mood_after_chosen)
        page.write_button.clicked.connect(self._on_write_clicked)
        page.care_button.clicked.connect(lambda: self.care_requested.emit(page.care))
        page.back_button.clicked.connect(self.close)
        self._stack.addWidget(page)
        self._after_page = page
        return page

    # Read-only views for tests and the bench.

    @property
    def current_page(self) -> str:
        return self._page

    @property
    def timer(self) -> BreakTimer:
        return self._session.timer

    @property
    def pacer(self) -> PacerWidget:
        return self._breathing().pacer

    @property
    def pattern(self) -> Pattern:
        return self._session.pattern

    @property
    def counting_down(self) -> bool:
        """Breathing will start by itself unless the agent does something first."""
        return self._countdown.running

    def present(self) -> None:
        """Show the new window on the screen under the pointer, where the agent is looking."""
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        self.show_centered_on(screen)

    def bring_forward(self) -> None:
        bring_forward(self)

    def show_centered_on(self, screen: QScreen) -> None:
        """Show the window in the middle of ``screen`` (the app passes the one under the cursor)."""
        self.setScreen(screen)
        area = screen.availableGeometry()
        self.move(area.center() - QPoint(self.width() // 2, self.height() // 2))
        bring_forward(self)

    def tick(self) -> None:
        """Draw the current moment of the break; the frame timer calls this while breathing."""
        self._ticks += 1
        if self._page != "breathing" or self._session.timer.paused:
            return
        if self._session.finished():
            # The last breath has ended; drawing this moment would show the next one begin.
            self._end_breathing(skipped=False)
            return
        self._show_progress()

    def show_call(self, call: DifficultCall, *, show_undo: bool = True) -> None:
        """A newer tag while the window is open: its banner and details replace the old ones.

        A break opened without a call is linked to this one; otherwise it stays linked to the
        call it was opened for.
        """
        self._session.link_call(call)
        self._call.show(call, show_undo=show_undo)

    @property
    def shown_call(self) -> DifficultCall | None:
        return self._call.call

    def discard(self) -> None:
        """Close without recording anything more (the app calls this after an undone tag)."""
        self._discarded = True
        self.close()

    # Flow.

    def _show_page(self, name: str) -> None:
        self._page = name
        self._space.setEnabled(name == "breathing")
        page: BeforePage | BreathingPage | AfterPage
        if name == "before":
            page = self._before
        elif name == "breathing":
            page = self._breathing()
        else:
            page = self._after()
        self._stack.setCurrentWidget(page)
        page.focus_default()

    def _start_breathing(self, mood: Mood | None) -> None:
        if self._page != "before":
            return
        self._countdown.stop(say_so=False)
        self._session.start(mood)
        self._show_page("breathing")
        self._ticker.start()
        self.tick()
        milestones.reached("breathing_started", frames=self.pacer.frames_painted, ticks=self._ticks)

    def _show_progress(self) -> None:
        session = self._session
        self._breathing().show_progress(
            session.pattern, session.phase(), session.remaining(), paused=session.timer.paused
        )

    def _toggle_pause(self) -> None:
        if self._page != "breathing":
            return
        paused = self._session.toggle_pause()
        if paused:
            self._ticker.stop()
        else:
            self._ticker.start()
        self._breathing().show_paused(paused)
        self._show_progress()

    def _end_breathing(self, *, skipped: bool) -> None:
        """Stop the break, record it, and move on: to the after page, or away if skipped."""
        if self._page != "breathing":
            return
        self._record(skipped=skipped)
        if skipped:
            self.close()
            return
        after = self._after()
        after.kind.setText(kind_line(self._session.outcome))
        call = self.shown_call
        after.offer_care(care_after(call.reason) if call is not None else None)
        if after.picker is None:
            after.show_closing(self._session.mood_before, None)
        self._show_page("after")

    def _record(self, *, skipped: bool) -> None:
        self._ticker.stop()
        milestones.reached("breathing_stopped", frames=self.pacer.frames_painted, ticks=self._ticks)
        self._call.commit()
        self._emit_record(skipped=skipped)

    def _emit_record(self, *, skipped: bool) -> None:
        """The session's record, once (closed at the mood check: skipped, 0 s)."""
        record = self._session.finish(skipped=skipped)
        if record is not None:
            self.break_recorded.emit(record)

    # Slots.

    def _on_extend_clicked(self) -> None:
        self._session.extend()
        self._show_progress()

    def _on_undo_clicked(self) -> None:
        # The tag is going away: nothing recorded from now on may point at it.
        undone = self._call.call
        self._session.forget_call(undone)
        self._call.forget()
        self.undo_requested.emit(undone)

    def _on_details_expanded_changed(self, expanded: bool) -> None:
        if expanded:
            self.grow_to_fit()  # rather than squeeze the pacer

    def _on_mood_after_chosen(self, mood: Mood | None) -> None:
        self._after().show_closing(self._session.mood_before, mood)
        self.mood_after_chosen.emit(mood)

    def _on_write_clicked(self) -> None:
        self.write_requested.emit()
        self.close()

    # Qt events.

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self._page == "breathing":
                self._end_breathing(skipped=False)
            else:
                self.close()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._page == "before":
            self._start_breathing(None)
        elif mood_for_key(key) is not None and self._visible_picker() is not None:
            picker = self._visible_picker()
            assert picker is not None
            picker.choose(mood_for_key(key))
        else:
            super().keyPressEvent(event)

    def _visible_picker(self) -> MoodPicker | None:
        if self._page == "before":
            picker = self._before.picker
        elif self._page == "after" and self._after_page is not None:
            picker = self._after_page.picker
        else:
            return None
        return picker if picker is not None and not picker.isHidden() else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._page == "before":
            self._countdown.start()  # once: a stopped or finished countdown stays so

    def closeEvent(self, event: QCloseEvent) -> None:
        self._countdown.stop(say_so=False)
        if not self._discarded and self._page == "breathing":
            self._record(skipped=False)
        elif not self._discarded and self._page == "before":
            self._emit_record(skipped=True)  # so the day's numbers know
        self._ticker.stop()
        self._call.dismiss()
        super().closeEvent(event)
        if not self._closed_emitted:
            self._closed_emitted = True
            self.closed.emit()


class _FirstPaint(QObject):
    """Emits its window's ``first_painted`` when the window paints for the first time."""

    def __init__(self, window: BreathingWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._window.first_painted.emit()
        return False

"""The guided breathing break: mood check, pacer, and a kind word after; reports what happened."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from companion.core.breaks import BreakTimer
from companion.core.breathing import Pattern
from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.ports import Clock
from companion.core.settings import Settings
from companion.ui import bench_trace
from companion.ui.breathing_pages import (
    AfterPage,
    BeforePage,
    BreathingPage,
    kind_line,
    make_button,
)
from companion.ui.breathing_session import BreathingSession
from companion.ui.breathing_style import BREATHING_STYLESHEET
from companion.ui.mood_picker import MoodPicker, mood_for_key
from companion.ui.pacer import PacerWidget
from companion.ui.start_countdown import AUTO_START_SECONDS, STEP_MS, StartCountdown
from companion.ui.undo_banner import UndoBanner

WINDOW_TITLE = "Companion — Breathing break"
FRAME_INTERVAL_MS = 16
REDUCED_MOTION_INTERVAL_MS = 100


class BreathingWindow(QWidget):
    """One break, from the mood check to "Back to work".

    Breathing starts with a face, Start, or by itself ``auto_start_seconds`` after the window
    is shown unless the agent engages with the page first (0: never by itself).

    ``break_recorded`` is emitted exactly once: when breathing stops for any reason, or as a
    skipped break of 0 s when the window is closed before breathing began; never after
    :meth:`discard`. ``tick`` is public so tests can drive the break with a fake clock.
    """

    break_recorded = Signal(object)
    mood_after_chosen = Signal(object)
    call_details_changed = Signal(object)
    write_requested = Signal()
    undo_requested = Signal()
    closed = Signal()

    def __init__(
        self,
        clock: Clock,
        settings: Settings,
        *,
        reduced_motion: bool,
        call: DifficultCall | None = None,
        show_undo: bool = False,
        support_contact: str | None = None,
        auto_start_seconds: int = AUTO_START_SECONDS,
        countdown_step_ms: int = STEP_MS,
        parent: QWidget | None = None,
    ) -> None:
        flags = (
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        super().__init__(parent, flags)
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
        self._banner = UndoBanner(call, clock) if show_undo and call is not None else None
        self._support_contact = support_contact
        self._mood_check = settings.mood_check
        self._reduced_motion = reduced_motion
        # Only the page the break opens on is built now; the other two when first shown
        # (issue #5: fewer widgets to build, style and lay out before the first frame).
        self._breathing_page: BreathingPage | None = None
        self._after_page: AfterPage | None = None
        self._build()
        self._countdown = StartCountdown(
            self._before.countdown, self, auto_start_seconds, countdown_step_ms
        )
        self._connect()
        self._show_page("before")

    def _build(self) -> None:
        self.setObjectName("breathingWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8fb3b1"))
        self.setPalette(palette)
        self.resize(460, 560)
        self.setMinimumSize(420, 520)
        frame = QWidget()
        frame.setObjectName("breathingFrame")
        frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        title = QLabel("Breathing break")
        title.setObjectName("windowTitle")
        self._close_button = make_button("✕", "Close", "closeButton")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self._close_button)
        self._before = BeforePage(self._session.pattern, mood_check=self._mood_check)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._before)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(20, 12, 20, 20)
        inner.setSpacing(10)
        inner.addLayout(header)
        if self._banner is not None:
            inner.addWidget(self._banner)
        inner.addWidget(self._stack, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        # Last: set before the children are added, Qt would restyle each one as it arrives
        # (about 0.2 ms an addWidget, a third of building the window).
        self.setStyleSheet(BREATHING_STYLESHEET)

    def _connect(self) -> None:
        self._close_button.clicked.connect(self.close)
        if self._banner is not None:
            self._banner.undo_clicked.connect(self._on_undo_clicked)
        if self._before.picker is not None:
            self._before.picker.chosen.connect(self._start_breathing)
        self._before.start_button.clicked.connect(lambda: self._start_breathing(None))
        self._before.pattern_changed.connect(self._session.choose_pattern)
        self._countdown.finished.connect(lambda: self._start_breathing(None))

    def _breathing(self) -> BreathingPage:
        """The breathing page, built and wired the first time it is asked for."""
        if self._breathing_page is not None:
            return self._breathing_page
        # The session's call: None once the tag was undone, so no details for a deleted call.
        page = BreathingPage(reduced_motion=self._reduced_motion, call=self._session.call)
        page.extend_button.clicked.connect(self._on_extend_clicked)
        page.pause_button.clicked.connect(self._toggle_pause)
        page.done_button.clicked.connect(lambda: self._end_breathing(skipped=False))
        page.skip_button.clicked.connect(lambda: self._end_breathing(skipped=True))
        if page.details is not None:
            page.details.details_changed.connect(self.call_details_changed.emit)
            page.details.expanded_changed.connect(self._on_details_expanded_changed)
        self._stack.addWidget(page)
        self._breathing_page = page
        return page

    def _after(self) -> AfterPage:
        """The after page, built and wired the first time it is asked for."""
        if self._after_page is not None:
            return self._after_page
        page = AfterPage(mood_check=self._mood_check, support_contact=self._support_contact)
        if page.picker is not None:
            page.picker.chosen.connect(self._on_mood_after_chosen)
        page.write_button.clicked.connect(self._on_write_clicked)
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

    def show_centered_on(self, screen: QScreen) -> None:
        """Show the window in the middle of ``screen`` (the app passes the one under the cursor)."""
        self.setScreen(screen)
        area = screen.availableGeometry()
        self.move(area.center() - QPoint(self.width() // 2, self.height() // 2))
        self.show()
        self.raise_()
        self.activateWindow()

    def tick(self) -> None:
        """Draw the current moment of the break; the frame timer calls this while breathing."""
        self._ticks += 1
        if self._banner is not None:
            self._banner.refresh()
        if self._page != "breathing" or self._session.timer.paused:
            return
        if self._session.finished():
            # The last breath has ended; drawing this moment would show the next one begin.
            self._end_breathing(skipped=False)
            return
        self._show_progress()

    def discard(self) -> None:
        """Close without recording anything more (the app calls this after an undone tag)."""
        self._discarded = True
        self.close()

    # Flow.

    def _show_page(self, name: str) -> None:
        self._page = name
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
        bench_trace.mark("breathing_started", frames=self.pacer.frames_painted, ticks=self._ticks)

    def _show_progress(self) -> None:
        self.pacer.set_state(self._session.phase())
        paused = self._session.timer.paused
        self._breathing().show_time_left(self._session.remaining(), paused=paused)

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
        if after.picker is None:
            after.show_closing(self._session.mood_before, None)
        self._show_page("after")

    def _record(self, *, skipped: bool) -> None:
        self._ticker.stop()
        bench_trace.mark("breathing_stopped", frames=self.pacer.frames_painted, ticks=self._ticks)
        details = self._breathing().details
        if details is not None and self._session.call is not None:
            details.commit()
        record = self._session.finish(skipped=skipped)
        if record is not None:
            self.break_recorded.emit(record)

    def _record_unbreathed(self) -> None:
        """Closed at the mood check: a skipped break of 0 s, so the day's numbers know."""
        record = self._session.finish(skipped=True)
        if record is not None:
            self.break_recorded.emit(record)

    # Slots.

    def _on_extend_clicked(self) -> None:
        self._session.extend()
        self._show_progress()

    def _on_undo_clicked(self) -> None:
        # The tag is going away: nothing recorded from now on may point at it.
        self._session.forget_call()
        if self._breathing_page is not None and self._breathing_page.details is not None:
            self._breathing_page.details.hide()
        self.undo_requested.emit()

    def _on_details_expanded_changed(self, expanded: bool) -> None:
        # Grow rather than squeeze the pacer; resize() (not a new minimum) keeps the window
        # movable and avoids asking the platform to change size hints.
        layout = self.layout()
        if not expanded or layout is None:
            return
        layout.activate()
        needed = self.minimumSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

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
        elif key == Qt.Key.Key_Space and self._page == "breathing":
            self._toggle_pause()
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

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A frameless window has no title bar: let a press on the background move it.
        handle = self.windowHandle()
        if event.button() == Qt.MouseButton.LeftButton and handle is not None:
            handle.startSystemMove()
        super().mousePressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._page == "before":
            self._countdown.start()  # once: a stopped or finished countdown stays so

    def closeEvent(self, event: QCloseEvent) -> None:
        self._countdown.stop(say_so=False)
        if self._discarded:
            pass
        elif self._page == "breathing":
            self._record(skipped=False)
        elif self._page == "before":
            self._record_unbreathed()
        self._ticker.stop()
        if self._banner is not None:
            self._banner.dismiss()
        super().closeEvent(event)
        if not self._closed_emitted:
            self._closed_emitted = True
            self.closed.emit()

"""Opens a breathing window for a test and records everything it tells the app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from companion.core.breaks import BreakRecord
from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.ports import BreakRepository, CallRepository
from companion.core.settings import Settings
from companion.flows.settings_holder import SettingsHolder
from companion.flows.tag_and_breathe import BreakFlow
from companion.ui.breathing.break_windows import BreathingWindows
from companion.ui.breathing.breathing_window import BreathingWindow
from companion.ui.breathing.start_countdown import AUTO_START_SECONDS, STEP_MS
from tests.fakes import FakeClock


@dataclass
class Heard:
    """Everything the window told the app."""

    records: list[BreakRecord] = field(default_factory=list)
    moods_after: list[Mood | None] = field(default_factory=list)
    calls: list[DifficultCall] = field(default_factory=list)
    writes: int = 0
    undos: int = 0
    closes: int = 0
    cares: list[object] = field(default_factory=list)


@dataclass
class Break:
    window: BreathingWindow
    clock: FakeClock
    heard: Heard
    qtbot: QtBot

    def button(self, name: str) -> QAbstractButton:
        """The one visible button whose text or accessible name is ``name``."""
        found = [
            b
            for b in self.window.findChildren(QAbstractButton)
            if b.isVisible() and name in (b.text(), b.accessibleName())
        ]
        assert len(found) == 1, f"{len(found)} visible buttons called {name!r}"
        return found[0]

    def click(self, name: str) -> None:
        self.qtbot.mouseClick(self.button(name), Qt.MouseButton.LeftButton)

    def press(self, key: Qt.Key) -> None:
        """A key press where the keyboard focus is, as the agent's keyboard would send it."""
        target = QApplication.focusWidget()
        if target is None or target.window() is not self.window:
            target = self.window.focusWidget() or self.window
        self.qtbot.keyClick(target, key)

    def breathe_for(self, seconds: float, step: float = 0.25) -> None:
        for _ in range(round(seconds / step)):
            self.clock.advance(step)
            self.window.tick()

    def visible_text(self) -> list[str]:
        return [lbl.text() for lbl in self.window.findChildren(QLabel) if lbl.isVisible()]

    def frame_timer(self) -> QTimer:
        timer = self.window.findChild(QTimer, "frameTicker")
        assert isinstance(timer, QTimer)
        return timer

    def countdown_timer(self) -> QTimer:
        timer = self.window.findChild(QTimer, "startCountdown")
        assert isinstance(timer, QTimer)
        return timer

    def countdown_step(self) -> None:
        """One second of the start countdown, as its timer would tick it."""
        self.countdown_timer().timeout.emit()


MakeBreak = Callable[..., Break]


def break_opener(qtbot: QtBot) -> MakeBreak:
    """A factory that opens a breathing window on a fake clock and listens to all it says."""

    def make(
        settings: Settings | None = None,
        *,
        reduced_motion: bool = False,
        call: DifficultCall | None = None,
        show_undo: bool = False,
        support_contact: str | None = None,
        phone_hint: str | None = None,
        auto_start_seconds: int | None = AUTO_START_SECONDS,
        countdown_step_ms: int = STEP_MS,
    ) -> Break:
        clock = FakeClock()
        window = BreathingWindow(
            clock,
            settings or Settings(),
            reduced_motion=reduced_motion,
            call=call,
            show_undo=show_undo,
            support_contact=support_contact,
            phone_hint=phone_hint,
            auto_start_seconds=auto_start_seconds,
            countdown_step_ms=countdown_step_ms,
        )
        qtbot.addWidget(window)
        heard = Heard()
        window.break_recorded.connect(heard.records.append)
        window.mood_after_chosen.connect(heard.moods_after.append)
        window.call_details_changed.connect(heard.calls.append)
        window.write_requested.connect(lambda: setattr(heard, "writes", heard.writes + 1))
        window.undo_requested.connect(lambda _call: setattr(heard, "undos", heard.undos + 1))
        window.closed.connect(lambda: setattr(heard, "closes", heard.closes + 1))
        window.care_requested.connect(heard.cares.append)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
        return Break(window, clock, heard, qtbot)

    return make


def break_flow(
    calls: CallRepository,
    breaks: BreakRepository,
    clock: FakeClock,
    settings: Settings,
    *,
    reduced_motion: Callable[[], bool] = lambda: False,
    tell: Callable[[str], None] = lambda text: None,
    support_contact: str | None = None,
    auto_start_seconds: int = AUTO_START_SECONDS,
    countdown_step_ms: int = STEP_MS,
) -> BreakFlow:
    """The break flow with the real break windows, as app.py builds it."""
    windows = BreathingWindows(
        clock,
        support_contact=support_contact,
        auto_start_seconds=auto_start_seconds,
        countdown_step_ms=countdown_step_ms,
    )
    return BreakFlow(
        calls,
        breaks,
        clock,
        SettingsHolder(settings),
        windows,
        reduced_motion=reduced_motion,
        tell=tell,
    )

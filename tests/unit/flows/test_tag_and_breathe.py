"""Tag and breathe without a widget: the call is stored on the click, the window is asked to
open once, and what it reports goes to the repositories."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.breathing import DEFAULT_PATTERN_KEY
from companion.core.calls import DifficultCall, Reason
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.core.settings import Settings
from companion.flows.settings_holder import SettingsHolder
from companion.flows.tag_and_breathe import BreakFlow
from tests.fakes import T0, FakeClock, InMemoryBreaks, InMemoryCalls
from tests.unit.flows.fake_windows import FakeBreakWindow, FakeBreakWindows


class Harness:
    def __init__(self, calls: InMemoryCalls | None = None, settings: Settings | None = None):
        self.clock = FakeClock()
        self.calls = calls or InMemoryCalls()
        self.breaks = InMemoryBreaks()
        self.settings = SettingsHolder(settings or Settings(break_seconds=30))
        self.windows = FakeBreakWindows()
        self.told: list[str] = []
        self.writes: list[tuple[DifficultCall | None, Mood | None]] = []
        self.counts = 0
        self.closes = 0
        self.flow = BreakFlow(
            self.calls,
            self.breaks,
            self.clock,
            self.settings,
            self.windows,
            reduced_motion=lambda: False,
            tell=self.told.append,
        )
        self.flow.write_wanted.connect(lambda call, mood: self.writes.append((call, mood)))
        self.flow.count_changed.connect(self._counted)
        self.flow.window_closed.connect(self._closed)

    def _counted(self) -> None:
        self.counts += 1

    def _closed(self) -> None:
        self.closes += 1

    @property
    def window(self) -> FakeBreakWindow:
        [window] = [w for w in self.windows.opened if not w.is_closed]
        return window


def record(call_id: int | None) -> BreakRecord:
    return BreakRecord(
        started_at=T0,
        pattern_key=DEFAULT_PATTERN_KEY,
        planned_seconds=30,
        actual_seconds=30,
        outcome=BreakOutcome.COMPLETED,
        call_id=call_id,
    )


def test_a_tag_is_stored_at_once_and_the_window_asked_to_open(qtbot: QtBot) -> None:
    h = Harness()

    stored = h.flow.tag_and_breathe(Reason.ANGRY, 3, "CS-1")

    assert stored is not None and stored.id is not None
    assert [(c.reason, c.intensity, c.case_ref) for c in h.calls.rows.values()] == [
        (Reason.ANGRY, 3, "CS-1")
    ]
    [window] = h.windows.opened
    assert window.request.call == stored and window.request.show_undo
    assert window.request.settings == Settings(break_seconds=30)
    assert window.asked == ["present"]
    assert h.counts == 0, "the count waits for the first frame"
    window.first_painted.emit()
    qtbot.waitUntil(lambda: h.counts == 1)


def test_a_second_tag_while_the_window_is_open_shows_there(qtbot: QtBot) -> None:
    h = Harness()
    first = h.flow.tag_and_breathe(Reason.ABUSIVE)
    h.window.first_painted.emit()
    qtbot.waitUntil(lambda: h.counts == 1)

    second = h.flow.tag_and_breathe(Reason.ANGRY, case_ref="CS-2")

    assert len(h.windows.opened) == 1, "one break window at a time"
    assert second is not None and second != first
    assert h.window.shown_calls == [(second, True)]
    assert h.window.asked == ["present", "bring_forward"]
    assert len(h.calls.rows) == 2
    qtbot.waitUntil(lambda: h.counts == 2)  # nothing new to paint: counted at once


def test_a_break_without_a_tag_offers_no_undo_and_counts_nothing() -> None:
    h = Harness()
    h.flow.breathe()
    assert h.window.request.call is None and not h.window.request.show_undo
    h.window.close()
    assert h.counts == 0 and h.closes == 1 and h.flow.window is None


def test_the_break_and_the_mood_after_are_saved_as_they_come() -> None:
    h = Harness()
    call = h.flow.tag_and_breathe()
    assert call is not None
    h.window.break_recorded.emit(record(call.id))
    h.window.mood_after_chosen.emit(Mood.CALM)
    [saved] = h.breaks.rows.values()
    assert saved.call_id == call.id and saved.mood_after is Mood.CALM

    h.window.write_requested.emit()

    assert h.writes == [(call, Mood.CALM)]
    assert h.flow.window is None and h.closes == 1


def test_details_given_in_the_window_update_the_call() -> None:
    h = Harness()
    call = h.flow.tag_and_breathe()
    assert call is not None
    h.window.call_details_changed.emit(replace(call, case_ref="CS-9"))
    assert h.calls.rows[call.id].case_ref == "CS-9"  # type: ignore[index]


def test_undo_of_the_opening_tag_removes_it_and_discards_the_window() -> None:
    h = Harness()
    call = h.flow.tag_and_breathe()
    window = h.window
    window.undo_requested.emit(call)
    assert h.calls.rows == {}
    assert "discard" in window.asked and h.flow.window is None


def test_undo_of_a_later_tag_shows_the_first_call_again() -> None:
    h = Harness()
    first = h.flow.tag_and_breathe(case_ref="CS-1")
    second = h.flow.tag_and_breathe(case_ref="CS-2")
    assert first is not None and second is not None
    h.window.undo_requested.emit(second)
    assert list(h.calls.rows.values()) == [first]
    assert h.window.shown_calls[-1] == (first, False)


class BrokenCalls(InMemoryCalls):
    def add(self, call: DifficultCall) -> DifficultCall:
        raise StorageUnavailable("Your journal file is being used by another program.")


def test_a_tag_that_cannot_be_stored_is_told_and_the_break_still_opens() -> None:
    h = Harness(BrokenCalls())
    assert h.flow.tag_and_breathe() is None
    assert h.told == ["Your journal file is being used by another program."]
    assert h.window.request.call is None


def test_each_break_reads_the_settings_holder_when_it_opens() -> None:
    h = Harness()
    h.flow.breathe()
    h.window.close()
    h.settings.save(Settings(break_seconds=120, mood_check=False))
    h.flow.breathe()
    assert h.window.request.settings == Settings(break_seconds=120, mood_check=False)

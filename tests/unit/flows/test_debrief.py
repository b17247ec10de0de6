"""The debrief flow: what the reader gathers for a period or chosen calls, and the dialog
opened once, through the gate."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall
from companion.core.debrief_period import chosen_days
from companion.core.journal import JournalEntry
from companion.core.reminders import Callback
from companion.flows.debrief import DebriefFlow, DebriefReader
from tests.fakes import T0, InMemoryBreaks, InMemoryCalls, InMemoryJournal, InMemoryReminders


def a_reader() -> tuple[DebriefReader, list[int]]:
    calls, breaks, journal = InMemoryCalls(), InMemoryBreaks(), InMemoryJournal()
    reminders = InMemoryReminders(calls, breaks)
    ids = []
    for day in range(3):  # T0, the next day, the day after
        at = T0 + timedelta(days=day)
        call = calls.add(DifficultCall(at, note=f"day {day}"))
        assert call.id is not None
        ids.append(call.id)
        breaks.add(BreakRecord(at, "sigh", 75, 75, BreakOutcome.COMPLETED, call.id))
        journal.save(JournalEntry(f"entry {day}", at, at, call_id=call.id))
        reminders.add_callback(Callback(at + timedelta(days=5), f"cb {day}", at, call_id=call.id))
    breaks.add(BreakRecord(T0 + timedelta(hours=3), "box", 75, 75, BreakOutcome.SKIPPED))
    return DebriefReader(calls, breaks, reminders, journal), ids


def test_a_period_brings_its_days_calls_breaks_callbacks_and_their_entries() -> None:
    reader, ids = a_reader()
    records = reader.for_period(chosen_days(T0.date(), T0.date()))
    assert [c.id for c in records.calls] == ids[:1]
    assert len(records.breaks) == 2  # the call's and the one from the tray that day
    assert records.callbacks == ()  # due five days later: another period's
    assert [e.body for e in records.entries] == ["entry 0"]


def test_chosen_calls_bring_their_own_breaks_callbacks_and_entries_only() -> None:
    reader, ids = a_reader()
    chosen = [c for c in reader.recent_calls() if c.id in (ids[0], ids[2])]
    records = reader.for_calls(chosen)
    assert {c.id for c in records.calls} == {ids[0], ids[2]}
    assert {b.call_id for b in records.breaks} == {ids[0], ids[2]}
    assert sorted(c.text for c in records.callbacks) == ["cb 0", "cb 2"]
    assert sorted(e.body for e in records.entries) == ["entry 0", "entry 2"]
    assert reader.for_calls([]).calls == ()


class FakeView:
    def __init__(self) -> None:
        self.chosen: list[Sequence[DifficultCall]] = []
        self.shown = 0

    def choose_calls(self, calls: Sequence[DifficultCall]) -> None:
        self.chosen.append(calls)

    def bring_forward(self) -> None:
        self.shown += 1

    def isVisible(self) -> bool:
        return self.shown > 0


class FakeWindows:
    def __init__(self) -> None:
        self.made: list[FakeView] = []

    def debrief(self, reader: DebriefReader) -> FakeView:
        self.made.append(FakeView())
        return self.made[-1]


def test_the_dialog_is_made_once_and_opens_only_through_the_gate() -> None:
    reader, _ = a_reader()
    windows = FakeWindows()
    held: list[Callable[[], object]] = []
    flow = DebriefFlow(reader, windows, held.append)

    flow.show()
    assert windows.made == []  # the gate (the app lock, the key) has not let it through yet
    held.pop()()
    flow.show(reader.recent_calls()[:1])
    held.pop()()

    [view] = windows.made
    assert view.shown == 2 and len(view.chosen) == 1

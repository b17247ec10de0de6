"""Journaling without a widget: windows are built once, on first use, and told what to show."""

from __future__ import annotations

from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.flows.journaling import JournalFlow
from tests.fakes import T0, InMemoryCalls
from tests.unit.flows.fake_windows import FakeJournalWindows

CALL = DifficultCall(tagged_at=T0, id=7, case_ref="CS-7")


def make(lines: list[str] | None = None) -> tuple[JournalFlow, FakeJournalWindows]:
    windows = FakeJournalWindows()
    flow = JournalFlow(windows, open_callbacks=None if lines is None else lambda: list(lines))
    return flow, windows


def test_nothing_is_built_until_the_journal_is_wanted() -> None:
    flow, windows = make()
    assert flow.window is None and windows.journals == []
    flow.flush_drafts()  # quitting with no journal open is fine
    flow.close_windows()
    assert windows.journals == [] and windows.calls_windows == []


def test_opening_the_journal_builds_it_once_and_brings_it_forward() -> None:
    lines = ["15:30 case 4711 (overdue)"]
    flow, windows = make(lines)

    flow.show_journal()
    lines.append("16:00 Mrs Díaz")
    flow.show_journal()

    [journal] = windows.journals
    assert journal.asked == ["refresh", "bring_forward", "refresh", "bring_forward"]
    assert journal.callback_lines == ["15:30 case 4711 (overdue)", "16:00 Mrs Díaz"]


def test_after_a_break_the_editor_opens_for_the_call_with_the_mood() -> None:
    flow, windows = make()
    flow.write_about_call(CALL, Mood.LOW)
    [editor] = windows.journals[0].editors
    assert (editor.call, editor.mood, editor.prompt) == (CALL, Mood.LOW, None)


def test_the_reflection_opens_a_new_entry_with_its_prompt() -> None:
    flow, windows = make()
    flow.reflect("Today you tagged 3 hard calls.")
    [editor] = windows.journals[0].editors
    assert (editor.call, editor.prompt) == (None, "Today you tagged 3 hard calls.")


def test_drafts_are_flushed_and_editors_closed_with_their_window() -> None:
    flow, windows = make()
    flow.write_about_call(CALL)
    flow.reflect("prompt")
    journal = windows.journals[0]

    flow.flush_drafts()
    flow.close_windows()

    assert "flush_drafts" in journal.asked and journal.asked[-1] == "close"
    assert journal.editors == () and all(e.closed for e in journal.opened)


def test_call_details_from_an_entry_open_the_recent_calls_on_that_call() -> None:
    flow, windows = make()
    flow.show_journal()
    journal = windows.journals[0]

    journal.call_details_requested.emit(7)
    flow.show_recent_calls()

    [calls] = windows.calls_windows
    assert calls.selected == [7, None] and calls.asked == ["bring_forward", "bring_forward"]
    calls.call_changed.emit(CALL)
    assert journal.asked[-1] == "refresh", "the open journal shows the call's new reason"


def test_a_changed_call_does_not_refresh_a_hidden_journal() -> None:
    flow, windows = make()
    flow.write_about_call(None)  # the journal is built, not shown
    flow.show_recent_calls()
    windows.calls_windows[0].call_changed.emit(CALL)
    assert windows.journals[0].asked == []


def test_delete_all_is_asked_of_whoever_listens() -> None:
    flow, windows = make()
    asked: list[bool] = []
    flow.delete_all_requested.connect(lambda: asked.append(True))
    flow.show_journal()
    windows.journals[0].delete_all_requested.emit()
    assert asked == [True]


def test_a_removed_tag_goes_from_the_store_and_both_lists_follow() -> None:
    calls = InMemoryCalls()
    kept, removed = calls.add(DifficultCall(tagged_at=T0)), calls.add(DifficultCall(tagged_at=T0))
    windows = FakeJournalWindows()
    flow = JournalFlow(windows, calls=calls)
    counted: list[bool] = []
    flow.call_removed.connect(lambda: counted.append(True))
    flow.show_journal()
    flow.show_recent_calls()
    [window] = windows.calls_windows

    window.remove_requested.emit(removed)

    assert calls.get(removed.id or 0) is None and calls.get(kept.id or 0) == kept
    assert window.selected == [None, None], "the list is read again"
    assert windows.journals[0].asked[-1] == "refresh", "its entries lose the call's reason"
    assert counted == [True], "the day's count is read again"
    assert window.errors == []


class UndeletableCalls(InMemoryCalls):
    def delete(self, call_id: int) -> None:
        raise StorageUnavailable("Your journal file is being used by another program.")


def test_a_removal_that_fails_is_told_in_the_window_and_nothing_moves() -> None:
    calls = UndeletableCalls()
    call = calls.add(DifficultCall(tagged_at=T0))
    windows = FakeJournalWindows()
    flow = JournalFlow(windows, calls=calls)
    counted: list[bool] = []
    flow.call_removed.connect(lambda: counted.append(True))
    flow.show_recent_calls()
    [window] = windows.calls_windows

    window.remove_requested.emit(call)

    assert window.errors == ["Your journal file is being used by another program."]
    assert calls.get(call.id or 0) == call
    assert window.selected == [None] and counted == []

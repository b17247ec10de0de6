"""Windows as the flows see them (their Protocols), with no widget: QtCore signals and a log."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.flows.tag_and_breathe import BreakRequest


class FakeBreakWindow(QObject):
    """``BreakWindow``: records what the flow asked of it; a test emits what the agent did."""

    break_recorded = Signal(object)
    mood_after_chosen = Signal(object)
    call_details_changed = Signal(object)
    undo_requested = Signal(object)
    write_requested = Signal()
    care_requested = Signal(object)
    closed = Signal()
    first_painted = Signal()

    def __init__(self, request: BreakRequest) -> None:
        super().__init__()
        self.request = request
        self.asked: list[str] = []
        self.shown_calls: list[tuple[DifficultCall, bool]] = []
        self.is_closed = False

    def show_call(self, call: DifficultCall, *, show_undo: bool = True) -> None:
        self.shown_calls.append((call, show_undo))

    def discard(self) -> None:
        self.asked.append("discard")
        self.close()

    def present(self) -> None:
        self.asked.append("present")

    def bring_forward(self) -> None:
        self.asked.append("bring_forward")

    def close(self) -> bool:
        if not self.is_closed:
            self.is_closed = True
            self.asked.append("close")
            self.closed.emit()
        return True


class FakeBreakWindows:
    """``OpenBreakWindow``: one new fake window per request, all kept in ``opened``."""

    def __init__(self) -> None:
        self.opened: list[FakeBreakWindow] = []

    def __call__(self, request: BreakRequest) -> FakeBreakWindow:
        window = FakeBreakWindow(request)
        self.opened.append(window)
        return window


class FakeEditor:
    def __init__(self, call: DifficultCall | None, prompt: str | None, mood: Mood | None) -> None:
        self.call, self.prompt, self.mood = call, prompt, mood
        self.closed = False

    def close(self) -> bool:
        self.closed = True
        return True


class FakeJournalView(QObject):
    """``JournalView``: the journal window without widgets."""

    delete_all_requested = Signal()
    call_details_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.callback_lines: list[str] = []
        self.opened: list[FakeEditor] = []
        self.visible = False

    @property
    def editors(self) -> tuple[FakeEditor, ...]:
        return tuple(e for e in self.opened if not e.closed)

    def refresh(self) -> None:
        self.asked.append("refresh")

    def set_open_callbacks(self, lines: list[str]) -> None:
        self.callback_lines = lines

    def open_editor(
        self,
        *,
        call: DifficultCall | None = None,
        prompt: str | None = None,
        mood: Mood | None = None,
    ) -> FakeEditor:
        editor = FakeEditor(call, prompt, mood)
        self.opened.append(editor)
        return editor

    def flush_drafts(self) -> None:
        self.asked.append("flush_drafts")

    def bring_forward(self) -> None:
        self.visible = True
        self.asked.append("bring_forward")

    def isVisible(self) -> bool:
        return self.visible

    def close(self) -> bool:
        self.visible = False
        self.asked.append("close")
        return True


class FakeCallsView(QObject):
    """``CallsView``: the recent calls window without widgets."""

    call_changed = Signal(object)
    remove_requested = Signal(object)
    debrief_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.selected: list[int | None] = []
        self.errors: list[str] = []

    def refresh(self, select_id: int | None = None) -> None:
        self.selected.append(select_id)

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def bring_forward(self) -> None:
        self.asked.append("bring_forward")

    def close(self) -> bool:
        self.asked.append("close")
        return True


class FakeJournalWindows:
    """``JournalWindows``: counts how often each window was built (once, on first use)."""

    def __init__(self) -> None:
        self.journals: list[FakeJournalView] = []
        self.calls_windows: list[FakeCallsView] = []

    def journal(self) -> FakeJournalView:
        self.journals.append(FakeJournalView())
        return self.journals[-1]

    def recent_calls(self) -> FakeCallsView:
        self.calls_windows.append(FakeCallsView())
        return self.calls_windows[-1]

"""Opens the journal window and the editor, created on first use to keep start-up light."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from companion.core.calls import DifficultCall
from companion.core.moods import Mood
from companion.core.ports import CallRepository, StorageUnavailable


class Closable(Protocol):
    def close(self) -> bool: ...


class JournalView(Protocol):
    """The journal window as the flow drives it (companion.ui.journal.journal_window)."""

    @property
    def delete_all_requested(self) -> SignalInstance: ...

    @property
    def call_details_requested(self) -> SignalInstance:
        """The "Call details…" of an entry about a call: the call's id."""
        ...

    @property
    def editors(self) -> Sequence[Closable]:
        """The editors open now (each keeps its draft when closed)."""
        ...

    def refresh(self) -> None: ...
    def set_open_callbacks(self, lines: list[str]) -> None: ...
    def open_editor(
        self,
        *,
        call: DifficultCall | None = None,
        prompt: str | None = None,
        mood: Mood | None = None,
    ) -> object:
        """Open (or bring forward) the editor for ``call``, or a new entry with ``prompt``."""
        ...

    def flush_drafts(self) -> None: ...
    def bring_forward(self) -> None: ...
    def isVisible(self) -> bool: ...
    def close(self) -> bool: ...


class CallsView(Protocol):
    """The recent calls window (companion.ui.calls.recent_calls)."""

    @property
    def call_changed(self) -> SignalInstance:
        """A call's details were saved: the ``DifficultCall``."""
        ...

    @property
    def remove_requested(self) -> SignalInstance:
        """The agent said yes to removing a call's tag: the ``DifficultCall``."""
        ...

    @property
    def debrief_requested(self) -> SignalInstance:
        """ "Debrief summary…" for the chosen call: a list of ``DifficultCall``."""
        ...

    def refresh(self, select_id: int | None = None) -> None: ...
    def show_error(self, message: str) -> None: ...
    def bring_forward(self) -> None: ...
    def close(self) -> bool: ...


class JournalWindows(Protocol):
    """Builds the windows when first wanted (companion.ui.journal.journal_windows)."""

    def journal(self) -> JournalView: ...
    def recent_calls(self) -> CallsView: ...


Gate = Callable[[Callable[[], object]], object]


def _open_at_once(action: Callable[[], object]) -> object:
    action()
    return True


class JournalFlow(QObject):
    """The journal, its editors and the recent calls window, each built when first wanted.

    ``open_callbacks`` reads the callbacks the journal lists at its top (overdue ones first).
    Every window opens through ``gate`` (the app lock's ``open``: at once, or after the
    passphrase, or not at all when the agent leaves it locked).
    """

    #: "Delete all my data…" in the journal window: the app's to carry out (it quits).
    delete_all_requested = Signal()
    #: A call's tag was removed in the recent calls window (the day's count may have moved).
    call_removed = Signal()
    #: "Debrief summary…" in the recent calls window: the calls chosen (app_debrief opens it).
    debrief_wanted = Signal(object)

    def __init__(
        self,
        windows: JournalWindows,
        open_callbacks: Callable[[], list[str]] | None = None,
        calls: CallRepository | None = None,
    ) -> None:
        super().__init__()
        self._windows = windows
        self._open_callbacks = open_callbacks
        self._calls = calls
        self._window: JournalView | None = None
        self._calls_window: CallsView | None = None
        self._gate: Gate = _open_at_once

    def set_gate(self, gate: Gate) -> None:
        self._gate = gate

    def through_gate(self, action: Callable[[], object]) -> object:
        """Run ``action`` as a private window opens: after the key, through the app lock. Other
        private windows (the debrief summary, Insights) open through it too."""
        return self._gate(action)

    @property
    def window(self) -> JournalView | None:
        return self._window

    @property
    def calls_window(self) -> CallsView | None:
        return self._calls_window

    def _ensure_window(self) -> JournalView:
        if self._window is None:
            self._window = self._windows.journal()
            self._window.delete_all_requested.connect(self.delete_all_requested)
            self._window.call_details_requested.connect(self.show_recent_calls)
        return self._window

    def show_recent_calls(self, call_id: int | None = None) -> None:
        """The latest calls to add or change details, with ``call_id`` chosen if given."""
        self._gate(lambda: self._show_recent_calls(call_id))

    def _show_recent_calls(self, call_id: int | None) -> None:
        if self._calls_window is None:
            self._calls_window = self._windows.recent_calls()
            self._calls_window.call_changed.connect(self._on_call_changed)
            self._calls_window.remove_requested.connect(self._on_remove_requested)
            self._calls_window.debrief_requested.connect(self.debrief_wanted)
        window = self._calls_window
        window.refresh(call_id)
        window.bring_forward()

    def _on_call_changed(self, _call: DifficultCall) -> None:
        if self._window is not None and self._window.isVisible():
            self._window.refresh()  # the list shows each entry's call reason

    def _on_remove_requested(self, call: DifficultCall) -> None:
        """Remove the call; its breaks, journal entries and callbacks stay, unlinked (the
        store's ON DELETE SET NULL), so nothing the agent wrote goes with a tag."""
        window = self._calls_window
        if self._calls is None or call.id is None or window is None:
            return
        try:
            self._calls.delete(call.id)
        except StorageUnavailable as error:
            window.show_error(str(error))
            return
        window.refresh()
        self._on_call_changed(call)  # its entries show no call reason now
        self.call_removed.emit()

    def show_journal(self) -> None:
        self._gate(self._show_journal)

    def _show_journal(self) -> None:
        window = self._ensure_window()
        window.refresh()
        if self._open_callbacks is not None:
            window.set_open_callbacks(self._open_callbacks())
        window.bring_forward()

    def write_about_call(self, call: DifficultCall | None, mood: Mood | None = None) -> None:
        """After a break: the editor linked to that call, with one gentle prompt and the mood
        just given (the agent can change it). The editor comes forward as it opens."""
        self._gate(lambda: self._ensure_window().open_editor(call=call, mood=mood))

    def close_windows(self) -> None:
        """Close the editors (each keeps its draft) and the journal window."""
        if self._window is not None:
            for editor in self._window.editors:
                editor.close()
            self._window.close()
        if self._calls_window is not None:
            self._calls_window.close()

    def flush_drafts(self) -> None:
        if self._window is not None:
            self._window.flush_drafts()

    def reflect(self, prompt: str) -> None:
        """The end-of-shift invitation: a new entry with the day's numbers as its prompt.

        Nothing is kept unless the agent saves it (a draft only once they type).
        """
        self._gate(lambda: self._ensure_window().open_editor(prompt=prompt))

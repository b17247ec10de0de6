"""Fakes and finders shared by the journal window and entry editor tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QListView, QWidget

from companion.core.calls import DifficultCall, Reason
from companion.core.journal import JournalEntry, JournalListItem
from companion.core.moods import Mood
from tests.fakes import T0, FakeClock, InMemoryCalls, InMemoryDrafts, InMemoryJournal

#: A quarter to eleven on Tuesday 24 November: the agent's "now" in these tests.
NOW = T0 + timedelta(minutes=45)


class JournalWithCalls(InMemoryJournal):
    """Rows carry their call's reason and time, as the real store's join does."""

    def __init__(self, calls: InMemoryCalls) -> None:
        super().__init__()
        self._calls = calls

    def recent(self, limit: int = 200) -> list[JournalListItem]:
        return [self._with_call(item) for item in super().recent(limit)]

    def search(self, query: str, limit: int = 200) -> list[JournalListItem]:
        return [self._with_call(item) for item in super().search(query, limit)]

    def _with_call(self, item: JournalListItem) -> JournalListItem:
        call_id = item.entry.call_id
        call = self._calls.get(call_id) if call_id is not None else None
        if call is None:
            return item
        return replace(item, call_reason=call.reason, call_tagged_at=call.tagged_at)


@dataclass
class Services:
    clock: FakeClock
    journal: JournalWithCalls
    drafts: InMemoryDrafts
    calls: InMemoryCalls

    def add_entry(
        self,
        body: str,
        minutes: float,
        *,
        tags: tuple[str, ...] = (),
        mood: Mood | None = None,
        call_id: int | None = None,
        prompt: str | None = None,
    ) -> JournalEntry:
        """An entry written ``minutes`` after T0 (10:00 on Tuesday 24 November)."""
        at = T0 + timedelta(minutes=minutes)
        entry = JournalEntry(body, at, at, tags=tags, call_id=call_id, mood=mood, prompt=prompt)
        return self.journal.save(entry)

    def add_call(self, minutes: float, reason: Reason | None = None) -> DifficultCall:
        return self.calls.add(DifficultCall(T0 + timedelta(minutes=minutes), reason=reason))


def make_services() -> Services:
    calls = InMemoryCalls()
    return Services(FakeClock(NOW), JournalWithCalls(calls), InMemoryDrafts(), calls)


def button(widget: QWidget, text: str) -> QAbstractButton:
    """The one visible button showing ``text``."""
    found = [b for b in widget.findChildren(QAbstractButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, f"expected one visible {text!r} button, found {len(found)}"
    return found[0]


def label(widget: QWidget, object_name: str) -> QLabel:
    found = widget.findChild(QLabel, object_name)
    assert isinstance(found, QLabel), object_name
    return found


def visible_texts(widget: QWidget) -> list[str]:
    """Every label the user can see now."""
    return [lab.text() for lab in widget.findChildren(QLabel) if lab.isVisible() and lab.text()]


def rows(widget: QWidget) -> list[str]:
    """What each row of the journal list says, top to bottom."""
    view = widget.findChild(QListView, "journalList")
    assert isinstance(view, QListView)
    model = view.model()
    return [
        str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
    ]


W = TypeVar("W", bound=QWidget)


def child(parent: QWidget, kind: type[W], name: str) -> W:
    """The one child widget of ``kind`` called ``name``; fails the test when it is missing."""
    found = parent.findChild(kind, name)
    assert isinstance(found, kind), f"no {kind.__name__} named {name!r}"
    return found

"""After-care's flow: each offer leads where it says, and a kept unsent reply is a journal
entry tagged with its call; a journal that can't be written says so and keeps nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from companion.core.aftercare import UNSENT_REPLY_TAG, Care
from companion.core.calls import DifficultCall, Reason
from companion.core.ports import StorageUnavailable
from companion.flows.aftercare import CareFlow
from tests.fakes import T0, FakeClock, InMemoryJournal

CALL = DifficultCall(tagged_at=T0, id=7, reason=Reason.ABUSIVE)


class Page(QObject):
    cool_off_requested = Signal()
    write_requested = Signal()
    keep_requested = Signal(str)


@dataclass
class Windows:
    shown: list[tuple[Care | str, Reason | None]] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    def care(self, care: Care, reason: Reason | None) -> Page:
        self.shown.append((care, reason))
        self.pages.append(Page())
        return self.pages[-1]

    def cool_off(self) -> Page:
        self.shown.append(("cool-off", None))
        self.pages.append(Page())
        return self.pages[-1]


class BrokenJournal(InMemoryJournal):
    def save(self, entry):  # type: ignore[no-untyped-def]
        raise StorageUnavailable("Companion can't write its journal right now.")


@dataclass
class Desk:
    windows: Windows = field(default_factory=Windows)
    callbacks: list[DifficultCall | None] = field(default_factory=list)
    writes: list[DifficultCall | None] = field(default_factory=list)
    told: list[str] = field(default_factory=list)

    def flow(self, journal: InMemoryJournal) -> CareFlow:
        return CareFlow(
            self.windows,
            journal,
            FakeClock(),
            add_callback=self.callbacks.append,
            write_about_call=self.writes.append,
            tell=self.told.append,
            kept="Kept.",
        )


def test_a_callback_offer_opens_the_callback_reminder_for_that_call(qtbot: QtBot) -> None:
    desk = Desk()
    desk.flow(InMemoryJournal()).offer(Care.CALLBACK, CALL)
    assert desk.callbacks == [CALL] and desk.windows.shown == []


def test_the_reframe_leads_to_the_unsent_reply_and_keeping_it_journals_it(qtbot: QtBot) -> None:
    desk, journal = Desk(), InMemoryJournal()
    flow = desk.flow(journal)

    flow.offer(Care.REFRAME, CALL)
    desk.windows.pages[-1].cool_off_requested.emit()
    desk.windows.pages[-1].keep_requested.emit("I was doing my best.")

    assert desk.windows.shown == [(Care.REFRAME, Reason.ABUSIVE), ("cool-off", None)]
    [entry] = [item.entry for item in journal.recent()]
    assert entry.body == "I was doing my best." and entry.call_id == CALL.id
    assert entry.tags == (UNSENT_REPLY_TAG,) and desk.told == ["Kept."]


def test_the_debrief_writes_about_the_call_and_talk_needs_no_call(qtbot: QtBot) -> None:
    desk = Desk()
    flow = desk.flow(InMemoryJournal())
    flow.offer(Care.DEBRIEF, CALL)
    desk.windows.pages[-1].write_requested.emit()
    flow.talk()

    assert desk.writes == [CALL]
    assert desk.windows.shown == [(Care.DEBRIEF, Reason.ABUSIVE), (Care.TALK, None)]


def test_a_journal_that_cannot_be_written_says_so(qtbot: QtBot) -> None:
    desk = Desk()
    flow = desk.flow(BrokenJournal())
    flow.cool_off(None)
    desk.windows.pages[-1].keep_requested.emit("words")
    assert desk.told == ["Companion can't write its journal right now."]

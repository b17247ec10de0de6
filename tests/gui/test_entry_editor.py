"""The entry editor: drafts kept as you type, saving, and failures that keep the text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from companion.core.calls import DifficultCall, Reason
from companion.core.journal import REFLECTION_PROMPTS, Draft, JournalEntry, prompt_for
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.flows.journaling import JournalFlow
from companion.ui.journal.entry_editor import EntryEditor
from companion.ui.journal.journal_windows import JournalWindows
from companion.ui.journal.messages import BODY_PLACEHOLDER
from companion.ui.privacy.capture_shield import CaptureShield
from tests.fakes import InMemoryDrafts
from tests.gui.journal_helpers import (
    NOW,
    Services,
    button,
    child,
    label,
    make_services,
    visible_texts,
)

FULL_DISK = "Your disk is full, so the journal can't be saved right now."


class FailingJournal:
    """Saves nothing: the disk is full."""

    def __init__(self, services: Services) -> None:
        self._journal = services.journal

    def __getattr__(self, name: str) -> object:
        return getattr(self._journal, name)

    def save(self, entry: JournalEntry) -> JournalEntry:
        raise StorageUnavailable(FULL_DISK)


class FailingDrafts(InMemoryDrafts):
    def save_draft(self, draft: Draft) -> None:
        raise StorageUnavailable(FULL_DISK)


@pytest.fixture
def services() -> Services:
    return make_services()


@pytest.fixture
def call(services: Services) -> DifficultCall:
    return services.add_call(41, Reason.ABUSIVE)


def open_editor(qtbot: QtBot, services: Services, **kwargs: object) -> EntryEditor:
    editor = EntryEditor(services.journal, services.drafts, services.clock, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)  # for Ctrl+S
    return editor


def body(editor: EntryEditor) -> QPlainTextEdit:
    return child(editor, QPlainTextEdit, "entryBody")


def tags(editor: EntryEditor) -> QLineEdit:
    return child(editor, QLineEdit, "entryTags")


def faces(editor: EntryEditor) -> list[QPushButton]:
    return [b for b in editor.findChildren(QPushButton) if b.objectName() == "moodButton"]


def test_a_call_is_named_with_its_time_reason_and_a_gentle_question(
    qtbot: QtBot, services: Services, call: DifficultCall
) -> None:
    editor = open_editor(qtbot, services, call=call)

    assert editor.windowTitle() == "Write about that call"
    assert label(editor, "callLine").text() == "About the call tagged at 10:41\u202fAM · Abusive"
    assert call.id is not None
    assert label(editor, "promptLabel").text() == prompt_for(call.id)
    assert body(editor).placeholderText() == BODY_PLACEHOLDER
    assert not button(editor, "Save").isEnabled()


def test_a_new_entry_has_no_call_line_and_offers_a_question(
    qtbot: QtBot, services: Services
) -> None:
    editor = open_editor(qtbot, services)

    assert editor.windowTitle() == "Companion — Journal entry"
    assert editor.findChild(CaptureShield) is not None  # left out of screen sharing
    assert not label(editor, "callLine").isVisible()
    qtbot.mouseClick(button(editor, "Need a question to start?"), Qt.MouseButton.LeftButton)
    assert label(editor, "promptLabel").text() == REFLECTION_PROMPTS[0]


def test_another_question_cycles_and_not_now_hides_it(qtbot: QtBot, services: Services) -> None:
    editor = open_editor(qtbot, services, prompt=REFLECTION_PROMPTS[-1])

    qtbot.mouseClick(button(editor, "Another question"), Qt.MouseButton.LeftButton)
    assert label(editor, "promptLabel").text() == REFLECTION_PROMPTS[0]
    qtbot.mouseClick(button(editor, "Another question"), Qt.MouseButton.LeftButton)
    assert label(editor, "promptLabel").text() == REFLECTION_PROMPTS[1]

    qtbot.mouseClick(button(editor, "Not now"), Qt.MouseButton.LeftButton)
    assert not label(editor, "promptLabel").isVisible()
    qtbot.keyClicks(body(editor), "Just words.")
    qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)
    assert services.journal.rows[1].prompt is None


def test_save_is_disabled_until_there_is_something_to_keep(
    qtbot: QtBot, services: Services
) -> None:
    editor = open_editor(qtbot, services)

    qtbot.keyClicks(body(editor), "   ")
    assert not button(editor, "Save").isEnabled()
    qtbot.keyClicks(body(editor), "ok")
    assert button(editor, "Save").isEnabled()


def test_typing_is_kept_as_a_draft_after_a_short_pause(
    qtbot: QtBot, services: Services, call: DifficultCall
) -> None:
    editor = open_editor(qtbot, services, call=call)

    qtbot.keyClicks(body(editor), "He shouted")
    qtbot.keyClicks(tags(editor), "shouting, #Billing")

    qtbot.waitUntil(lambda: "call:1" in services.drafts.rows, timeout=2000)
    draft = services.drafts.rows["call:1"]
    assert draft.body == "He shouted"
    assert draft.tags == ("shouting", "billing")
    assert draft.call_id == call.id
    assert draft.prompt == prompt_for(1)


def test_a_draft_comes_back_in_a_new_editor_after_a_restart(
    qtbot: QtBot, services: Services, call: DifficultCall
) -> None:
    first = open_editor(qtbot, services, call=call)
    qtbot.keyClicks(body(first), "He shouted about the bill.")
    qtbot.mouseClick(button(first, "Another question"), Qt.MouseButton.LeftButton)
    chosen_prompt = label(first, "promptLabel").text()
    first.flush_draft()
    first.deleteLater()  # the app was killed: no close, no save

    services.clock.advance(3600)
    second = open_editor(qtbot, services, call=call)

    assert body(second).toPlainText() == "He shouted about the bill."
    assert label(second, "promptLabel").text() == chosen_prompt
    assert "Restored your unsaved text from today at 10:45\u202fAM." in visible_texts(second)


def test_save_keeps_everything_discards_the_draft_and_closes(
    qtbot: QtBot, services: Services, call: DifficultCall
) -> None:
    editor = open_editor(qtbot, services, call=call)
    qtbot.keyClicks(body(editor), "It wasn't about me.")
    qtbot.keyClick(body(editor), Qt.Key.Key_Return)  # keyClicks cannot type a newline
    qtbot.keyClicks(body(editor), "Still shaky.")
    qtbot.keyClicks(tags(editor), "billing, shouting")
    qtbot.mouseClick(faces(editor)[3], Qt.MouseButton.LeftButton)
    editor.flush_draft()
    assert services.drafts.rows

    with qtbot.waitSignal(editor.entry_saved) as saved:
        qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)

    entry = saved.args[0]
    assert entry == services.journal.rows[1]
    assert entry.body == "It wasn't about me.\nStill shaky."
    assert entry.tags == ("billing", "shouting")
    assert entry.mood is Mood.CALM
    assert entry.call_id == call.id
    assert entry.prompt == prompt_for(1)
    assert entry.created_at == entry.updated_at == NOW
    assert services.drafts.rows == {}
    assert not editor.isVisible()


def test_editing_keeps_the_creation_time_and_stamps_the_change(
    qtbot: QtBot, services: Services
) -> None:
    old = services.add_entry("First thoughts", 5, tags=("tired",), mood=Mood.LOW)
    editor = open_editor(qtbot, services, entry=old)
    assert tags(editor).text() == "tired"
    services.clock.advance(60)

    body(editor).moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body(editor), ", and later ones")
    qtbot.keyClick(body(editor), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = services.journal.rows[old.id or 0]
    assert saved.body == "First thoughts, and later ones"
    assert saved.created_at == old.created_at
    assert saved.updated_at == NOW + timedelta(seconds=60)
    assert saved.mood is Mood.LOW


def test_a_mood_can_be_chosen_and_cleared(qtbot: QtBot, services: Services) -> None:
    editor = open_editor(qtbot, services)
    buttons = faces(editor)
    assert [f.text() for f in buttons] == [m.face for m in Mood]

    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons[4], Qt.MouseButton.LeftButton)
    assert [f.isChecked() for f in buttons] == [False, False, False, False, True]
    qtbot.mouseClick(buttons[4], Qt.MouseButton.LeftButton)
    assert not any(f.isChecked() for f in buttons)

    qtbot.keyClicks(body(editor), "No mood today.")
    qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)
    assert services.journal.rows[1].mood is None


def test_a_failed_save_keeps_the_text_and_says_why(qtbot: QtBot, services: Services) -> None:
    journal = FailingJournal(services)
    editor = EntryEditor(journal, services.drafts, services.clock)  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(body(editor), "Please don't lose this.")

    qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)

    assert editor.isVisible()
    assert body(editor).toPlainText() == "Please don't lose this."
    error = label(editor, "errorLabel")
    assert error.isVisible()
    assert FULL_DISK in error.text()
    assert "still here" in error.text()
    assert services.drafts.rows["new"].body == "Please don't lose this."


def test_a_failing_draft_store_keeps_the_text_and_says_so(qtbot: QtBot, services: Services) -> None:
    editor = EntryEditor(services.journal, FailingDrafts(), services.clock)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(body(editor), "Still typing")

    editor.flush_draft()

    assert body(editor).toPlainText() == "Still typing"
    assert FULL_DISK in label(editor, "errorLabel").text()


def test_closing_with_unsaved_text_keeps_the_draft_without_asking(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, services)
    monkeypatch.setattr(editor, "_confirm_discard", lambda: pytest.fail("must not ask"))
    qtbot.keyClicks(body(editor), "Half a thought")

    with qtbot.waitSignal(editor.closed):
        qtbot.mouseClick(button(editor, "Close"), Qt.MouseButton.LeftButton)

    assert services.drafts.rows["new"].body == "Half a thought"


def test_discard_asks_and_then_forgets_the_draft(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, services)
    qtbot.keyClicks(body(editor), "Never mind")
    editor.flush_draft()
    answers = [False, True]
    asked: list[bool] = []

    def answer() -> bool:
        asked.append(answers.pop(0))
        return asked[-1]

    monkeypatch.setattr(editor, "_confirm_discard", answer)
    qtbot.mouseClick(button(editor, "Discard…"), Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "new" in services.drafts.rows

    qtbot.mouseClick(button(editor, "Discard…"), Qt.MouseButton.LeftButton)
    assert asked == [False, True]
    assert not editor.isVisible()
    assert services.drafts.rows == {}


def test_undoing_an_edit_back_to_the_saved_text_drops_the_draft(
    qtbot: QtBot, services: Services
) -> None:
    old = services.add_entry("Saved words", 5)
    editor = open_editor(qtbot, services, entry=old)
    qtbot.keyClicks(body(editor), "!")
    editor.flush_draft()
    assert f"entry:{old.id}" in services.drafts.rows

    qtbot.keyClick(body(editor), Qt.Key.Key_Backspace)
    editor.flush_draft()

    assert services.drafts.rows == {}
    assert not button(editor, "Discard…").isEnabled()


def test_the_mood_given_after_the_break_is_where_the_entry_starts(
    qtbot: QtBot, services: Services, call: DifficultCall
) -> None:
    editor = open_editor(qtbot, services, call=call, mood=Mood.CALM)
    assert [f.isChecked() for f in faces(editor)] == [False, False, False, True, False]
    editor.flush_draft()
    assert services.drafts.rows == {}, "nothing written yet: no draft for the mood alone"
    qtbot.keyClicks(body(editor), "Better now.")
    qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)
    assert services.journal.rows[1].mood is Mood.CALM


def test_a_draft_keeps_its_mood_after_a_restart(
    qtbot: QtBot, services: Services, call: DifficultCall
) -> None:
    first = open_editor(qtbot, services, call=call, mood=Mood.CALM)
    qtbot.keyClicks(body(first), "Half a thought")
    qtbot.mouseClick(faces(first)[1], Qt.MouseButton.LeftButton)  # on second thought: Low
    first.flush_draft()
    assert services.drafts.rows["call:1"].mood is Mood.LOW
    first.deleteLater()  # killed

    second = open_editor(qtbot, services, call=call)
    assert body(second).toPlainText() == "Half a thought"
    assert [f.isChecked() for f in faces(second)] == [False, True, False, False, False]


def test_changing_only_the_mood_of_an_entry_is_kept_as_a_draft(
    qtbot: QtBot, services: Services
) -> None:
    old = services.add_entry("First thoughts", 5, mood=Mood.LOW)
    editor = open_editor(qtbot, services, entry=old)
    qtbot.mouseClick(faces(editor)[4], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: f"entry:{old.id}" in services.drafts.rows, timeout=2000)
    assert services.drafts.rows[f"entry:{old.id}"].mood is Mood.GOOD


def test_write_about_it_from_the_journal_flow_starts_with_that_mood(
    qtbot: QtBot, services: Services, call: DifficultCall
) -> None:
    flow = JournalFlow(
        JournalWindows(services.journal, services.drafts, services.calls, services.clock)
    )
    flow.write_about_call(call, Mood.GOOD)
    window = flow.window
    assert window is not None
    [editor] = window.editors
    assert [f.isChecked() for f in faces(editor)] == [False, False, False, False, True]
    flow.close_windows()

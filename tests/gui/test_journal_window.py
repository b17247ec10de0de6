"""The journal window: search as you type, newest first, preview, edit, delete, drafts, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QPlainTextEdit
from pytestqt.qtbot import QtBot

from companion.core.calls import Reason
from companion.core.journal import Draft, JournalEntry, JournalListItem
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.ui.journal.entry_editor import EntryEditor
from companion.ui.journal.journal_window import JournalWindow
from companion.ui.journal.messages import EMPTY_TEXT
from companion.ui.privacy.capture_shield import CaptureShield
from tests.gui.journal_helpers import (
    NOW,
    JournalWithCalls,
    Services,
    button,
    child,
    label,
    make_services,
    rows,
    visible_texts,
)

LOCKED = "The journal is busy in another program. Try again in a moment."


class UnreadableJournal(JournalWithCalls):
    """A journal whose file is locked by something else."""

    def recent(self, limit: int = 200) -> list[JournalListItem]:
        raise StorageUnavailable(LOCKED)

    def search(self, query: str, limit: int = 200) -> list[JournalListItem]:
        raise StorageUnavailable(LOCKED)


@pytest.fixture
def services() -> Services:
    return make_services()


def open_window(qtbot: QtBot, services: Services) -> JournalWindow:
    window = JournalWindow(services.journal, services.drafts, services.calls, services.clock)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    return window


@pytest.fixture
def five(services: Services) -> Services:
    call = services.add_call(41, Reason.ABUSIVE)
    services.add_entry("Slept badly, first call was a complaint", -1440)
    services.add_entry("He shouted about the refund", 42, call_id=call.id, mood=Mood.LOW)
    services.add_entry("Lunch outside helped", 10, tags=("lunch",), mood=Mood.GOOD)
    services.add_entry("Billing again", 20, tags=("billing", "refund"))
    services.add_entry("Short one", 30)
    return services


def search(window: JournalWindow) -> QLineEdit:
    return child(window, QLineEdit, "journalSearch")


def entry_list(window: JournalWindow) -> QListView:
    return child(window, QListView, "journalList")


def titles(window: JournalWindow) -> list[str]:
    return [row.split(" — ")[1] for row in rows(window)]


def preview_text(window: JournalWindow) -> str:
    found = window.findChild(QPlainTextEdit, "previewBody")
    assert isinstance(found, QPlainTextEdit)
    return found.toPlainText() if found.isVisible() else ""


def only_editor(window: JournalWindow) -> EntryEditor:
    assert len(window.editors) == 1
    return window.editors[0]


def editor_body(editor: EntryEditor) -> QPlainTextEdit:
    return child(editor, QPlainTextEdit, "entryBody")


def test_window_is_found_by_its_title_and_says_where_entries_live(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services)

    assert window.windowTitle() == "Companion — Journal"
    assert window.objectName() == "journalWindow"
    assert "Stored only on this computer." in visible_texts(window)
    assert search(window).placeholderText() == "Search your journal"
    assert window.findChild(CaptureShield) is not None  # left out of screen sharing


def test_an_empty_journal_says_how_entries_get_here(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)

    assert EMPTY_TEXT in visible_texts(window)
    assert not entry_list(window).isVisible()


def test_entries_are_listed_newest_first_with_date_mood_and_tags(
    qtbot: QtBot, five: Services
) -> None:
    window = open_window(qtbot, five)

    assert titles(window) == [
        "He shouted about the refund",
        "Short one",
        "Billing again",
        "Lunch outside helped",
        "Slept badly, first call was a complaint",
    ]
    listed = rows(window)
    assert listed[0].startswith("Today, 10:42\u202fAM")
    assert listed[4].startswith("Yesterday, 10:00\u202fAM")
    assert "😌 Good" in listed[3]
    assert "#billing  #refund" in listed[2]
    assert preview_text(window) == "He shouted about the refund"


def test_a_linked_call_shows_its_reason_in_the_row_and_the_preview(
    qtbot: QtBot, five: Services
) -> None:
    window = open_window(qtbot, five)

    assert "Call: Abusive" in rows(window)[0]
    assert "About the call tagged at 10:41\u202fAM · Abusive" in visible_texts(window)


def test_typing_in_search_filters_the_list(qtbot: QtBot, five: Services) -> None:
    window = open_window(qtbot, five)

    qtbot.keyClicks(search(window), "refund")
    window.run_search_now()

    assert titles(window) == ["He shouted about the refund", "Billing again"]


def test_search_updates_by_itself_when_typing_pauses(qtbot: QtBot, five: Services) -> None:
    window = open_window(qtbot, five)

    qtbot.keyClicks(search(window), "lunch")

    qtbot.waitUntil(lambda: titles(window) == ["Lunch outside helped"], timeout=2000)


def test_a_search_without_hits_says_so(qtbot: QtBot, five: Services) -> None:
    window = open_window(qtbot, five)

    qtbot.keyClicks(search(window), "holiday")
    window.run_search_now()

    assert rows(window) == []
    assert "No entries match “holiday”." in visible_texts(window)
    assert preview_text(window) == ""


def test_escape_clears_the_search_and_down_moves_into_the_list(
    qtbot: QtBot, five: Services
) -> None:
    window = open_window(qtbot, five)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert search(window).hasFocus()
    qtbot.keyClicks(search(window), "refund")

    qtbot.keyClick(search(window), Qt.Key.Key_Down)
    assert entry_list(window).hasFocus()
    assert len(rows(window)) == 2
    qtbot.keyClick(entry_list(window), Qt.Key.Key_Down)
    assert preview_text(window) == "Billing again"

    search(window).setFocus()
    qtbot.keyClick(search(window), Qt.Key.Key_Escape)
    assert search(window).text() == ""
    assert len(rows(window)) == 5


def test_delete_asks_and_removes_the_entry_when_agreed(
    qtbot: QtBot, five: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, five)
    asked: list[JournalEntry] = []

    def agree(entry: JournalEntry) -> bool:
        asked.append(entry)
        return True

    monkeypatch.setattr(window, "_confirm_delete", agree)

    qtbot.mouseClick(button(window, "Delete…"), Qt.MouseButton.LeftButton)

    assert [e.body for e in asked] == ["He shouted about the refund"]
    assert "He shouted about the refund" not in titles(window)
    assert len(five.journal.rows) == 4
    assert preview_text(window) == "Short one"


def test_delete_keeps_the_entry_when_declined(
    qtbot: QtBot, five: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, five)
    monkeypatch.setattr(window, "_confirm_delete", lambda entry: False)

    entry_list(window).setFocus()
    qtbot.keyClick(entry_list(window), Qt.Key.Key_Delete)

    assert len(five.journal.rows) == 5
    assert len(rows(window)) == 5


def test_the_delete_key_asks_too(
    qtbot: QtBot, five: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, five)
    monkeypatch.setattr(window, "_confirm_delete", lambda entry: True)
    entry_list(window).setFocus()
    qtbot.keyClick(entry_list(window), Qt.Key.Key_End)

    qtbot.keyClick(entry_list(window), Qt.Key.Key_Delete)

    assert "Slept badly, first call was a complaint" not in titles(window)
    assert preview_text(window) == "Lunch outside helped"


def test_editing_an_entry_updates_the_list_and_keeps_its_date(qtbot: QtBot, five: Services) -> None:
    window = open_window(qtbot, five)
    entry_list(window).setFocus()
    qtbot.keyClick(entry_list(window), Qt.Key.Key_Down)
    qtbot.keyClick(entry_list(window), Qt.Key.Key_Return)
    editor = only_editor(window)
    assert editor_body(editor).toPlainText() == "Short one"
    five.clock.advance(120)

    editor_body(editor).selectAll()
    qtbot.keyClicks(editor_body(editor), "A longer one now")
    qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)

    assert titles(window)[1] == "A longer one now"
    assert preview_text(window) == "A longer one now"
    saved = next(e for e in five.journal.rows.values() if e.body == "A longer one now")
    assert saved.created_at.minute == 30
    assert saved.updated_at == five.clock.now()
    assert window.editors == ()


def test_edit_of_an_entry_about_a_call_shows_the_call(qtbot: QtBot, five: Services) -> None:
    window = open_window(qtbot, five)

    qtbot.mouseClick(button(window, "Edit"), Qt.MouseButton.LeftButton)

    editor = only_editor(window)
    assert label(editor, "callLine").text() == "About the call tagged at 10:41\u202fAM · Abusive"


def test_new_entry_is_saved_and_shown_first(qtbot: QtBot, five: Services) -> None:
    window = open_window(qtbot, five)
    five.clock.advance(60)

    qtbot.mouseClick(button(window, "New entry"), Qt.MouseButton.LeftButton)
    editor = only_editor(window)
    qtbot.keyClicks(editor_body(editor), "Breathing helped")
    qtbot.mouseClick(button(editor, "Save"), Qt.MouseButton.LeftButton)

    assert titles(window)[0] == "Breathing helped"
    assert preview_text(window) == "Breathing helped"


def test_keyboard_only_new_entry(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = only_editor(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert editor_body(editor).hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Typed without a mouse")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert [e.body for e in services.journal.rows.values()] == ["Typed without a mouse"]
    assert titles(window) == ["Typed without a mouse"]


def test_one_editor_per_call(qtbot: QtBot, five: Services) -> None:
    window = open_window(qtbot, five)
    call = five.calls.get(1)

    first = window.open_editor(call=call)
    second = window.open_editor(call=call)

    assert first is second


def test_closing_with_unsaved_text_offers_it_back_in_the_window(
    qtbot: QtBot, services: Services
) -> None:
    window = open_window(qtbot, services)
    editor = window.open_editor()
    qtbot.keyClicks(editor_body(editor), "Not finished")
    assert not any("unsaved writing" in text for text in visible_texts(window))

    editor.close()

    assert "You have unsaved writing from today at 10:45\u202fAM —" in visible_texts(window)
    assert window.editors == ()


def test_continue_restores_a_draft_left_from_before_a_restart(
    qtbot: QtBot, services: Services
) -> None:
    services.drafts.save_draft(Draft("new", "Where was I", NOW.replace(minute=42)))
    window = open_window(qtbot, services)
    assert "You have unsaved writing from today at 10:42\u202fAM —" in visible_texts(window)

    qtbot.mouseClick(button(window, "Continue"), Qt.MouseButton.LeftButton)

    editor = only_editor(window)
    assert editor_body(editor).toPlainText() == "Where was I"
    assert "Restored your unsaved text from today at 10:42\u202fAM." in visible_texts(editor)
    assert not any("unsaved writing" in text for text in visible_texts(window))


def test_a_draft_of_a_deleted_entry_comes_back_as_a_new_one(
    qtbot: QtBot, services: Services
) -> None:
    services.drafts.save_draft(Draft("entry:9", "Changed my mind", NOW, entry_id=9))
    window = open_window(qtbot, services)

    qtbot.mouseClick(button(window, "Continue"), Qt.MouseButton.LeftButton)

    editor = only_editor(window)
    assert editor.key == "new"
    assert editor_body(editor).toPlainText() == "Changed my mind"


def test_an_unreadable_journal_is_explained_not_a_crash(qtbot: QtBot, services: Services) -> None:
    journal = UnreadableJournal(services.calls)
    window = JournalWindow(journal, services.drafts, services.calls, services.clock)
    qtbot.addWidget(window)
    window.show()

    assert LOCKED in visible_texts(window)
    assert EMPTY_TEXT not in visible_texts(window)
    qtbot.keyClicks(search(window), "x")
    window.run_search_now()
    assert LOCKED in visible_texts(window)

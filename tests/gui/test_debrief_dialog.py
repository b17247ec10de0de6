"""The debrief summary dialog: counts only at first, ticks change the text, edits come back
with Ctrl+Z, copy, save privately, print, keyboard and screen-reader names."""

from __future__ import annotations

import errno
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from companion.core import formatting
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.journal import JournalEntry
from companion.core.moods import Mood
from companion.core.ports import StorageUnavailable
from companion.core.records_export import RecordFormat, RecordKind, RecordsResult
from companion.core.reminders import Callback
from companion.flows.debrief import DebriefReader
from companion.ui.debrief import debrief_files, messages
from companion.ui.debrief.debrief_dialog import CALLS, DAYS, DebriefDialog
from companion.ui.debrief.debrief_print import print_text
from tests.fakes import InMemoryBreaks, InMemoryCalls, InMemoryJournal, InMemoryReminders
from tests.gui.a11y_checks import out_of_reading_order, tab_chain, unnamed_and_shared

#: A Wednesday afternoon.
NOW = datetime(2026, 12, 2, 15, 0).astimezone()


def a_reader(*, heavy: bool = True) -> DebriefReader:
    calls, breaks, journal = InMemoryCalls(), InMemoryBreaks(), InMemoryJournal()
    reminders = InMemoryReminders(calls, breaks)
    if heavy:
        for n, reason in enumerate((Reason.ANGRY, Reason.ABUSIVE, None)):
            at = NOW - timedelta(days=1, hours=n * 2)
            call = calls.add(
                DifficultCall(
                    at, reason=reason, intensity=4, case_ref=f"CS-{n}", note=f"note number {n}"
                )
            )
            breaks.add(
                BreakRecord(
                    at + timedelta(minutes=1),
                    "sigh",
                    75,
                    75,
                    BreakOutcome.COMPLETED,
                    call.id,
                    Mood.LOW,
                    Mood.OKAY,
                    75,
                )
            )
            journal.save(JournalEntry(f"journal about {n}", at, at, call_id=call.id))
        reminders.add_callback(
            Callback(
                NOW + timedelta(hours=1),
                "ring back about the refund",
                NOW - timedelta(days=1),
                case_ref="CS-0",
                call_id=1,
            )
        )
    return DebriefReader(calls, breaks, reminders, journal)


def a_dialog(qtbot: QtBot, reader: DebriefReader | None = None, **kwargs: object) -> DebriefDialog:
    dialog = DebriefDialog(reader or a_reader(), lambda: NOW, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_it_opens_on_this_week_with_counts_only(qtbot: QtBot) -> None:
    dialog = a_dialog(qtbot)
    text = dialog.text.toPlainText()
    assert text.startswith("Debrief summary: Monday, November 30 to Sunday, December 6, 2026")
    assert "Hard calls I tagged: 3" in text and "Callbacks: 1 (0 done, 1 still open)" in text
    for secret in ("CS-", "note number", "journal about", "Angry", "refund", ":00"):
        assert secret not in text
    assert [key for key, box in dialog.ticks.items() if box.isChecked()] == ["counts"]


def test_each_tick_adds_its_part_and_unticking_takes_it_out(qtbot: QtBot) -> None:
    dialog = a_dialog(qtbot)
    dialog.ticks["notes"].click()
    assert "My note: note number 0" in dialog.text.toPlainText()
    assert "From my journal: journal about 0" in dialog.text.toPlainText()
    assert "CS-0" not in dialog.text.toPlainText()
    dialog.ticks["case_refs"].click()
    assert "case CS-0" in dialog.text.toPlainText()
    dialog.ticks["notes"].click()
    assert "note number" not in dialog.text.toPlainText()


def test_edits_stay_until_a_tick_changes_and_ctrl_z_brings_them_back(qtbot: QtBot) -> None:
    dialog = a_dialog(qtbot)
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.text, "I would like to talk about Tuesday.")
    assert not dialog.edits_note.isVisible()

    dialog.ticks["reasons"].click()

    assert "talk about Tuesday" not in dialog.text.toPlainText()
    assert "Reasons: Abusive 1, Angry 1, no reason given 1" in dialog.text.toPlainText()
    assert dialog.edits_note.isVisible()
    dialog.text.undo()
    assert "talk about Tuesday" in dialog.text.toPlainText()


def test_a_period_of_chosen_days_and_calls_chosen_one_by_one(qtbot: QtBot) -> None:
    dialog = a_dialog(qtbot)
    dialog.period.setCurrentIndex(DAYS)
    assert dialog.first_day.isVisible() and dialog.last_day.isVisible()
    dialog.period.setCurrentIndex(CALLS)
    assert dialog.calls_list.isVisible() and dialog.calls_list.count() == 3
    assert "Hard calls I tagged: 0" in dialog.text.toPlainText()
    dialog.calls_list.setFocus()
    dialog.calls_list.setCurrentRow(0)
    qtbot.keyClick(dialog.calls_list, Qt.Key.Key_Space)  # keyboard only: Space ticks a call
    assert dialog.calls_list.item(0).checkState() == Qt.CheckState.Checked
    assert dialog.text.toPlainText().startswith("Debrief summary: 1 hard call I chose")


def test_chosen_calls_can_come_from_elsewhere(qtbot: QtBot) -> None:
    reader = a_reader()
    dialog = a_dialog(qtbot, reader)
    dialog.choose_calls(reader.recent_calls()[:2])
    assert dialog.period.currentIndex() == CALLS
    assert "Hard calls I tagged: 2" in dialog.text.toPlainText()


def test_copy_puts_the_text_as_shown_on_the_clipboard(qtbot: QtBot) -> None:
    dialog = a_dialog(qtbot)
    dialog.text.setPlainText("My own words")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "My own words"
    assert dialog.status.text() == messages.COPIED


def test_save_writes_a_private_text_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "for my supervisor"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = a_dialog(qtbot)
    dialog.save_button.click()
    saved = target.with_suffix(".txt")
    assert saved.read_text(encoding="utf-8") == dialog.text.toPlainText()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert dialog.status.text() == f"Saved to {saved}"


def test_a_full_disk_is_said_and_nothing_is_left(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(debrief_files, "write_atomically", full)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.txt"), "")
    )
    dialog = a_dialog(qtbot)
    dialog.save_button.click()
    assert dialog.error.isVisible() and dialog.error.text() == messages.FULL
    assert list(tmp_path.iterdir()) == []


def test_printing_puts_the_text_on_the_page(qtbot: QtBot, tmp_path: Path) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    print_text(printer, "Debrief summary: this week\n\nHard calls I tagged: 3\n")
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


def test_export_from_the_dialog_says_what_it_wrote(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[Path, RecordKind, RecordFormat, bool]] = []

    def export(
        path: Path, what: RecordKind, fmt: RecordFormat, now: datetime, case_refs: bool
    ) -> RecordsResult:
        asked.append((path, what, fmt, case_refs))
        return RecordsResult((path,), ((RecordKind.CALLS, 3),))

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "mine.json"), "")
    )
    dialog = a_dialog(qtbot, export_records=export)
    dialog.export_button.click()
    assert asked == [(tmp_path / "mine.json", RecordKind.ALL, RecordFormat.JSON, False)]
    assert dialog.status.text() == f"Exported 3 calls to {tmp_path / 'mine.json'}"


def test_a_journal_that_cannot_be_read_is_said_and_the_text_kept(qtbot: QtBot) -> None:
    reader = a_reader()
    dialog = a_dialog(qtbot, reader)
    before = dialog.text.toPlainText()

    def unavailable(*args: object) -> None:
        raise StorageUnavailable("the journal is locked by another program")

    reader.for_period = unavailable  # type: ignore[method-assign,assignment]
    dialog.period.setCurrentIndex(1)
    assert dialog.error.isVisible() and "locked by another program" in dialog.error.text()
    assert dialog.text.toPlainText() == before


def test_every_control_has_a_name_of_its_own_and_the_sentence_is_true(qtbot: QtBot) -> None:
    dialog = a_dialog(qtbot, export_records=lambda *a: RecordsResult((), ()))
    dialog.period.setCurrentIndex(DAYS)
    unnamed, shared = unnamed_and_shared(dialog)
    assert not unnamed and not shared
    assert messages.NOTHING_SENT.startswith("Companion sends nothing anywhere.")


def test_tab_reaches_everything_in_reading_order_and_space_ticks(qtbot: QtBot) -> None:
    dialog = a_dialog(qtbot, export_records=lambda *a: RecordsResult((), ()))
    for index in (0, DAYS, CALLS):
        dialog.period.setCurrentIndex(index)
        chain = tab_chain(dialog)
        assert set(dialog.ticks.values()) <= set(chain)
        assert {dialog.period, dialog.text, dialog.copy_button, dialog.print_button} <= set(chain)
        assert not out_of_reading_order(dialog)
    dialog.period.setCurrentIndex(0)
    dialog.ticks["times"].setFocus()
    qtbot.keyClick(dialog.ticks["times"], Qt.Key.Key_Space)
    assert dialog.ticks["times"].isChecked()
    assert f"Tuesday, December 1, {formatting.hour(15)}" in dialog.text.toPlainText()

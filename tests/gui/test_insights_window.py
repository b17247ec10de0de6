"""The Insights window with core's figures: an empty journal, a light week, a heavy week; by
keyboard (every chart's table reachable by Tab) and by name (every control named once)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from companion.core.insights_messages import MOOD_CAVEAT
from companion.core.insights_report import Insights
from companion.ui.insights import messages
from companion.ui.insights.insights_window import CHARTS, InsightsWindow
from tests.gui.a11y_checks import unnamed_and_shared
from tests.gui.insights_helpers import close_kept, empty_journal, heavy_week, kept, light_week


@pytest.fixture(autouse=True)
def _close_windows() -> Iterator[None]:
    yield
    close_kept()


def _window(qtbot: QtBot, insights: Insights, weeks: int = 1) -> InsightsWindow:
    window = InsightsWindow()
    kept(window)
    report = insights.this_week if weeks == 1 else insights.recent
    window.show_report(report, insights.pointer)
    window.show()
    QApplication.processEvents()
    return window


def _shown_texts(window: QWidget) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel) if label.isVisible()]


def test_an_empty_journal_gets_a_kind_word_and_no_empty_axes(qtbot: QtBot) -> None:
    window = _window(qtbot, empty_journal())
    texts = _shown_texts(window)
    assert messages.EMPTY_TITLE in texts and messages.STAYS_HERE in texts
    assert not any(section.isVisible() for section in window.sections)
    assert not window.pointer.isVisible()


def test_a_light_week_shows_every_chart_with_its_sentence_and_no_pointer(qtbot: QtBot) -> None:
    insights = light_week()
    window = _window(qtbot, insights)
    texts = _shown_texts(window)
    assert insights.this_week.calls.sentence in texts
    assert MOOD_CAVEAT in texts
    assert not window.pointer.isVisible() and not window.empty.isVisible()
    per_day = window.sections[0]
    table = per_day.table
    total = table.columnCount() - 1
    assert table.horizontalHeaderItem(total).text() == messages.TOTAL
    day_totals = [int(table.item(row, total).text()) for row in range(table.rowCount())]
    assert day_totals == [d.total for d in insights.this_week.calls.days] == [1, 0, 1, 0, 0, 0, 0]
    assert table.item(0, 0).text() == "Monday, December 7"


def test_a_heavy_week_points_gently_to_someone_to_talk_to(qtbot: QtBot) -> None:
    insights = heavy_week()
    assert insights.pointer is not None
    window = _window(qtbot, insights)
    assert window.pointer.isVisible() and window.pointer_text.text() == insights.pointer
    with qtbot.waitSignal(window.talk_requested):
        qtbot.mouseClick(window.talk, Qt.MouseButton.LeftButton)


def test_the_last_four_weeks_are_asked_for_and_drawn_day_by_day(qtbot: QtBot) -> None:
    window = _window(qtbot, heavy_week())
    this_week, recent = window.period_buttons
    with qtbot.waitSignal(window.period_chosen) as chosen:
        qtbot.mouseClick(recent, Qt.MouseButton.LeftButton)
    assert chosen.args == [4]
    window.show_report(heavy_week().recent)
    assert recent.isChecked() and not this_week.isChecked()
    assert window.sections[0].table.rowCount() == 28


def _tabbed(qtbot: QtBot, window: InsightsWindow) -> list[QWidget]:
    """Press Tab from the first control until the focus comes back round: what it reached.

    The keys themselves, not a walk of the focus chain: that walk wraps Qt's own children
    (scroll bars, viewports), and PySide6 can then hand back a wrapper of a deleted widget."""
    window.activateWindow()
    first = window.period_buttons[0]
    first.setFocus()
    reached: list[QWidget] = [first]
    for _ in range(60):
        qtbot.keyClick(reached[-1], Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is first or focused is None:
            return reached
        reached.append(focused)
    raise AssertionError("Tab never came back round")


def _named(widgets: list[QWidget]) -> list[str]:
    return [w.accessibleName() or w.text() for w in widgets]  # type: ignore[attr-defined]


def test_tab_reaches_every_chart_and_then_its_table(qtbot: QtBot) -> None:
    window = _window(qtbot, heavy_week())
    reached = _tabbed(qtbot, window)
    assert all(section.toggle in reached for section in window.sections)
    for section in window.sections:
        section.toggle.setChecked(True)  # "Show as table", each of them
    reached = _tabbed(qtbot, window)
    for section in window.sections:
        assert reached[reached.index(section.toggle) + 1] is section.table


def test_every_control_is_named_once_and_tab_follows_reading_order(qtbot: QtBot) -> None:
    window = _window(qtbot, heavy_week())
    assert unnamed_and_shared(window) == ([], [])
    reached = _tabbed(qtbot, window)
    assert _named(reached) == [
        "This week",
        "The last four weeks",
        messages.TALK_NAME,
        *(messages.toggle_name(name) for _, name, _, _ in CHARTS),
        messages.DEBRIEF_NAME,
        messages.CLOSE_NAME,
    ]
    for section in window.sections:
        section.toggle.setChecked(True)
    assert unnamed_and_shared(window) == ([], [])


def test_each_chart_says_what_it_shows_to_a_screen_reader(qtbot: QtBot) -> None:
    window = _window(qtbot, heavy_week())
    names = [s.chart.accessibleName() for s in window.sections]
    assert len(set(names)) == len(names) and all(names)
    for section in window.sections:
        assert section.chart.accessibleDescription().startswith(section.sentence.text())

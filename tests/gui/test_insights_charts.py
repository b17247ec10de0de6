"""The Insights charts: drawn from plain figures, with the same figures in a table behind them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from companion.core.settings import Appearance
from companion.ui.insights.chart_colours import CHART_COLOURS
from companion.ui.insights.chart_section import ChartSection
from companion.ui.insights.charts import Bars, plain_number
from companion.ui.look.theme import keeper
from tests.gui.insights_helpers import close_kept, kept

WEEK = Bars(
    ("Mon", "Tue", "Wed"),
    ("Angry", "Abusive"),
    ((1, 2), (0, 0), (3, 1)),
)


@pytest.fixture(autouse=True)
def _close_sections() -> Iterator[None]:
    yield
    close_kept()


def _section(qtbot: QtBot) -> ChartSection:
    section = ChartSection("Hard calls per day", "Day")
    kept(section)
    section.show_figures("Wednesday was the hardest this week.", WEEK)
    section.resize(500, 400)
    section.show()
    return section


def _table(section: ChartSection) -> list[list[str]]:
    table = section.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    return [headers, *rows]


def test_the_table_holds_the_same_figures_with_a_total(qtbot: QtBot) -> None:
    section = _section(qtbot)
    assert _table(section) == [
        ["Day", "Angry", "Abusive", "Total"],
        ["Mon", "1", "2", "3"],
        ["Tue", "0", "0", "0"],
        ["Wed", "3", "1", "4"],
    ]


def test_the_toggle_swaps_the_chart_for_its_table_and_back(qtbot: QtBot) -> None:
    section = _section(qtbot)
    assert section.chart.isVisible() and not section.table.isVisible()
    section.toggle.setFocus()
    qtbot.keyClick(section.toggle, Qt.Key.Key_Space)
    assert section.table.isVisible() and not section.chart.isVisible()
    assert section.toggle.text() == "Show as chart" and section.toggle.isChecked()
    qtbot.keyClick(section.toggle, Qt.Key.Key_Space)
    assert section.chart.isVisible() and not section.table.isVisible()


def test_the_chart_says_what_it_shows(qtbot: QtBot) -> None:
    section = _section(qtbot)
    assert section.sentence.text() == "Wednesday was the hardest this week."
    assert section.chart.accessibleName() == "Hard calls per day, chart"
    assert section.chart.accessibleDescription().startswith("Wednesday was the hardest")
    assert section.table.accessibleName() == "Hard calls per day, table"


def test_bars_are_painted_in_the_looks_series_colours(qtbot: QtBot) -> None:
    for appearance in Appearance:
        keeper().choose(appearance)
        section = _section(qtbot)
        image = section.chart.grab().toImage()
        colours = {
            image.pixelColor(x, y).name()
            for x in range(image.width())
            for y in range(0, image.height(), 3)
        }
        series = CHART_COLOURS[appearance].series
        assert QColor(series[0]).name() in colours and QColor(series[1]).name() in colours
    keeper().choose(None)


def test_numbers_read_as_counts_or_with_one_decimal() -> None:
    assert [plain_number(v) for v in (3, 3.0, 2.5, 2.25)] == ["3", "3", "2.5", "2.2"]


def test_an_open_chart_repaints_in_a_new_look(qtbot: QtBot) -> None:
    keeper().choose(Appearance.LIGHT)
    section = _section(qtbot)
    light = CHART_COLOURS[Appearance.LIGHT].ground
    assert section.chart.grab().toImage().pixelColor(2, 2).name() == light
    keeper().choose(Appearance.DARK)
    QApplication.processEvents()
    dark = CHART_COLOURS[Appearance.DARK].ground
    assert section.chart.grab().toImage().pixelColor(2, 2).name() == dark
    keeper().choose(None)

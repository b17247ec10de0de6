"""One chart as the agent meets it: a sentence above, the picture, and the same figures as a table.

The table is behind a "Show as table" button (a toggle, so a screen reader says whether it is
on); the chart's accessible name and description say what the picture shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.ui.insights import messages
from companion.ui.insights.charts import BarChart, Bars


class ChartSection(QWidget):
    """``name`` is short and unique in the window ("Hard calls per day"); ``heading`` is the
    category column's header in the table ("Day")."""

    def __init__(self, name: str, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartSection")
        self._name = name
        self._heading = heading
        self.sentence = QLabel()
        self.sentence.setObjectName("chartSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = BarChart(Bars((), (), ()))
        self.chart.setAccessibleName(messages.chart_name(name))
        self._bars = Bars((), (), ())
        self._table: QTableWidget | None = None
        self.toggle = QPushButton(messages.SHOW_TABLE)
        self.toggle.setObjectName("linkButton")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(messages.toggle_name(name))
        self.toggle.toggled.connect(self._on_toggle_toggled)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sentence, 1)
        row.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.chart)
        self._layout = layout

    @property
    def table(self) -> QTableWidget:
        """The same figures as a table, made when first wanted: seven tables styled at the
        window's first show cost about 100 ms (measured), and most visits never open one."""
        if self._table is None:
            table = QTableWidget()
            table.setObjectName("chartTable")
            table.setAccessibleName(messages.table_name(self._name))
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            table.verticalHeader().hide()
            # Every header and day name whole; a wide table scrolls sideways, no word cut.
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            table.hide()
            self._layout.addWidget(table)
            QWidget.setTabOrder(self.toggle, table)  # made last, read right after its toggle
            self._table = table
            self._fill_table(self._bars)
        return self._table

    @property
    def name(self) -> str:
        return self._name

    def show_figures(self, sentence: str, bars: Bars) -> None:
        """Say ``sentence`` above the chart and draw ``bars``; the table gets the same."""
        self.sentence.setText(sentence)
        self.chart.set_bars(bars)
        self.chart.setAccessibleDescription(messages.chart_description(sentence))
        self._bars = bars
        if self._table is not None:
            self._fill_table(bars)

    def _fill_table(self, bars: Bars) -> None:
        total = bars.stacked and len(bars.series) > 1
        headers = [self._heading, *bars.series] + ([messages.TOTAL] if total else [])
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(bars.categories))
        for row, category in enumerate(bars.table_labels()):
            cells = [category] + [bars.number(v) for v in bars.values[row]]
            if total:
                cells.append(bars.number(bars.total(row)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        shown = sum(table.rowHeight(row) for row in range(min(table.rowCount(), 8)))
        wide = sum(table.columnWidth(c) for c in range(table.columnCount())) > table.width()
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + shown
            + 2 * table.frameWidth()
            + (table.horizontalScrollBar().sizeHint().height() if wide else 0)
        )

    def _on_toggle_toggled(self, on: bool) -> None:
        self.chart.setVisible(not on)
        self.table.setVisible(on)
        if on:
            self._fill_table(self._bars)  # sized now that it is shown at its width
        self.toggle.setText(messages.SHOW_CHART if on else messages.SHOW_TABLE)

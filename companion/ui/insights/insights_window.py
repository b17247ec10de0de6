"""Insights: this week or the last four, hard calls, breaks, moods and callbacks, drawn small.

The window shows a report it is given (``show_report``) and asks for another period with
``period_chosen``; companion.flows.insights reads the journal and computes the figures.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.core.insights import RECENT_WEEKS, InsightsReport
from companion.core.insights_messages import THIS_WEEK, recent_weeks
from companion.ui.insights import figures, messages
from companion.ui.insights.chart_section import ChartSection
from companion.ui.insights.insights_style import insights_stylesheet
from companion.ui.journal.journal_style import make_button
from companion.ui.look.theme import size_for_text, style
from companion.ui.privacy.capture_shield import shield
from companion.ui.shell.button_rows import room, wanted
from companion.ui.shell.messages import DEBRIEF, NEED_TO_TALK

#: Each chart: its name (unique in the window), the table's first column, its figures.
CHARTS = (
    (messages.CALLS, messages.PER_DAY, messages.DAY, figures.per_day),
    (messages.CALLS, messages.PER_HOUR, messages.HOUR, figures.per_hour),
    (messages.BREAKS, messages.BREAK_KINDS, messages.BREAK, figures.break_kinds),
    (messages.BREAKS, messages.AFTER_CALL, messages.WAIT, figures.after_call),
    (messages.MOODS, messages.MOOD_AVERAGES, messages.WHEN, figures.mood_averages),
    (messages.MOODS, messages.MOOD_MOVES, messages.HOW, figures.mood_moves),
    (messages.CALLBACKS, messages.CALLBACK_KINDS, messages.CALLBACK, figures.callback_kinds),
)


Shown = Callable[[InsightsReport], figures.Figure]
#: A chart's card, its section (sentence, picture, table), the note said instead when empty.
Chart = tuple[QFrame, ChartSection, QLabel, Shown]


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class InsightsWindow(QWidget):
    """``period_chosen`` carries how many weeks to show (1: this week); ``talk_requested`` is
    the pointer's "Need to talk?" (the care page, as the tray menu opens it);
    ``debrief_requested`` is "Debrief summary…" (the dialog the tray menu opens)."""

    period_chosen = Signal(int)
    talk_requested = Signal()
    debrief_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.capture_shield = shield(self)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("insightsWindow")
        self.setWindowTitle(messages.TITLE)
        style(self, insights_stylesheet)
        self.weeks = 1
        self.period_buttons = self._period_choice()
        self.pointer = self._pointer_box()
        self.error = _label("", "errorLabel")
        self.error.hide()
        self.empty = self._empty_state()
        self.sections: list[ChartSection] = []
        self.empty_notes: list[QLabel] = []
        self.caveat = _label("", "caveat")
        self.page = QWidget()
        self._charts = self._fill_page(self.page)
        self.debrief = make_button(DEBRIEF, messages.DEBRIEF_NAME)
        self.debrief.clicked.connect(self.debrief_requested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        title = _label(messages.HEADING, "insightsHeading")
        heading = QHBoxLayout()
        # The periods go under the heading where beside it they would be wider than the window.
        beside = wanted(self, [title, *self.period_buttons]) <= room(self, 16, design_width=680)
        if beside:
            heading.addWidget(title, 1)
        else:
            layout.addWidget(title)
        for button in self.period_buttons:
            heading.addWidget(button)
        if not beside:
            heading.addStretch(1)
        layout.addLayout(heading)
        layout.addWidget(self.error)
        layout.addWidget(self._scroll(self.page), 1)
        layout.addLayout(self._footer())
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        size_for_text(self, 680, 760)

    def _fill_page(self, widget: QWidget) -> list[Chart]:
        """The pointer, the empty state and every chart, top to bottom, in ``widget``."""
        widget.setObjectName("insightsPage")
        page = QVBoxLayout(widget)
        page.setContentsMargins(0, 0, 8, 0)
        page.setSpacing(12)
        page.addWidget(self.pointer)
        page.addWidget(self.empty)
        charts = self._build_sections(page)
        page.addStretch(1)
        return charts

    @staticmethod
    def _scroll(page: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setObjectName("insightsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what is in it
        return scroll

    def _footer(self) -> QHBoxLayout:
        close = make_button(messages.CLOSE, messages.CLOSE_NAME)
        close.clicked.connect(self.close)
        footer = QHBoxLayout()
        footer.addWidget(_label(messages.STAYS_HERE, "staysHere"), 1)
        footer.addWidget(self.debrief)
        footer.addWidget(close)
        return footer

    def _period_choice(self) -> list[QPushButton]:
        # Two toggles rather than an exclusive QButtonGroup: in a group Tab reaches the chosen
        # one only (arrows move between them), which a keyboard user would not guess.
        buttons = []
        for weeks, text in ((1, THIS_WEEK), (RECENT_WEEKS, recent_weeks(RECENT_WEEKS)[0])):
            button = QPushButton(text)
            button.setObjectName("periodButton")
            button.setCheckable(True)
            button.setChecked(weeks == 1)
            button.setAccessibleDescription(messages.PERIOD_NAME)
            button.clicked.connect(lambda _=False, w=weeks: self._on_period_clicked(w))
            buttons.append(button)
        return buttons

    def _pointer_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("pointerBox")
        self.pointer_text = _label("", "pointerText")
        self.talk = make_button(NEED_TO_TALK, messages.TALK_NAME)
        self.talk.clicked.connect(self.talk_requested.emit)
        row = QHBoxLayout(box)
        row.setContentsMargins(12, 10, 12, 10)
        row.addWidget(self.pointer_text, 1)
        row.addWidget(self.talk, 0, Qt.AlignmentFlag.AlignVCenter)
        box.hide()
        return box

    def _empty_state(self) -> QFrame:
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 24, 0, 24)
        layout.addWidget(_label(messages.EMPTY_TITLE, "emptyTitle"))
        layout.addWidget(_label(messages.EMPTY_TEXT, "emptyState"))
        box.hide()
        return box

    def _build_sections(self, page: QVBoxLayout) -> list[Chart]:
        charts: list[Chart] = []
        heading_shown = ""
        self._section_widgets: list[QWidget] = []
        for heading, name, column, figure in CHARTS:
            if heading != heading_shown:
                title = _label(heading, "sectionHeading")
                page.addWidget(title)
                self._section_widgets.append(title)
                heading_shown = heading
                if heading == messages.MOODS:
                    page.addWidget(self.caveat)
                    self._section_widgets.append(self.caveat)
            card = QFrame()
            card.setObjectName("chartCard")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(12, 10, 12, 10)
            section = ChartSection(name, column)
            note = _label("", "sectionEmpty")
            inner.addWidget(section)
            inner.addWidget(note)
            page.addWidget(card)
            self._section_widgets.append(card)
            self.sections.append(section)
            self.empty_notes.append(note)
            charts.append((card, section, note, figure))
        return charts

    def show_report(self, report: InsightsReport, pointer: str | None = None) -> None:
        """Show ``report``'s figures; ``pointer`` is the gentle sentence core chose, if any."""
        self.error.hide()
        self.weeks = len(report.period.days()) // 7 or 1
        for button, weeks in zip(self.period_buttons, (1, RECENT_WEEKS), strict=True):
            button.setChecked(weeks == self.weeks)
        self.pointer_text.setText(pointer or "")
        self.pointer.setVisible(pointer is not None)
        nothing = figures.nothing_recorded(report)
        self.empty.setVisible(nothing)
        for widget in self._section_widgets:
            widget.setVisible(not nothing)
        self.caveat.setText(report.moods.caveat)
        said: set[str] = set()
        for card, section, note, figure in self._charts:
            shown = figure(report)
            section.show_figures(shown.sentence, shown.bars)
            section.setVisible(not shown.empty)
            note.setText(shown.sentence if shown.empty else "")
            note.setVisible(shown.empty)
            # Both mood charts are empty together: their one sentence is said once.
            card.setVisible(not nothing and not (shown.empty and shown.sentence in said))
            said.add(shown.sentence)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def bring_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def _on_period_clicked(self, weeks: int) -> None:
        for button, shown in zip(self.period_buttons, (1, RECENT_WEEKS), strict=True):
            button.setChecked(shown == weeks)
        if weeks != self.weeks:
            self.weeks = weeks
            self.period_chosen.emit(weeks)

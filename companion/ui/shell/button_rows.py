"""A window's row of buttons that becomes two (or more) rows when it would not fit the screen:
at twice the text size, or in a language a third longer than English."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from companion.ui.look.theme import current_look

#: The spacing between a row's widgets, in pixels: a little more than Qt's usual (6 to 10), so
#: a row that only just fits is not counted as fitting.
SPACING = 10


def room(window: QWidget, margins: int, design_width: int | None = None) -> int:
    """The width a row has: the screen's (or the window's designed width grown with the text,
    when narrower), less the window's left and right margins."""
    width = window.screen().availableGeometry().width()
    if design_width is not None:
        width = min(width, round(design_width * current_look().scale))
    return width - 2 * margins


def wanted(window: QWidget, widgets: Sequence[QWidget]) -> int:
    """Their width side by side, measured in ``window``'s style sheet (its font sizes).

    A widget without a parent is lent to ``window`` for the measure and given back: the order
    widgets join a window is their tab order, which the layout sets afterwards.
    """
    lent = [widget for widget in widgets if widget.parent() is None]
    for widget in widgets:
        if widget in lent:
            widget.setParent(window)
        widget.ensurePolished()
    width = sum(widget.sizeHint().width() for widget in widgets) + SPACING * (len(widgets) - 1)
    for widget in lent:
        widget.setParent(None)
    return width


def button_rows(
    window: QWidget, buttons: Sequence[QWidget], *, last: QWidget, margins: int
) -> QVBoxLayout:
    """``buttons`` side by side and ``last`` at the right end, filling rows in order as wide as
    the screen allows; the rows keep reading order, so the tab order stays as it was."""
    rows: list[list[QWidget]] = [[]]
    for widget in [*buttons, last]:
        if rows[-1] and wanted(window, [*rows[-1], widget]) > room(window, margins):
            rows.append([])
        rows[-1].append(widget)
    layout = QVBoxLayout()
    for widgets in rows:
        row = QHBoxLayout()
        for widget in widgets:
            if widget is last:
                row.addStretch(1)
            row.addWidget(widget)
        if last not in widgets:
            row.addStretch(1)
        layout.addLayout(row)
    return layout

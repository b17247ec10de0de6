"""The Insights window's look: the journal's calm paper, with headings and segmented choices."""

from __future__ import annotations

from companion.ui.journal.journal_style import journal_stylesheet
from companion.ui.look.theme import Look


def insights_stylesheet(look: Look) -> str:
    """Sizes in points, colours from the look's Paper (ratios in tests/unit/ui/test_contrast)."""
    c, w = look.paper, "QWidget#insightsWindow"
    return (
        journal_stylesheet(look)
        + f"""
QWidget#insightsWindow, QWidget#insightsPage {{ background: {c.paper}; }}
QWidget#insightsWindow QLabel {{ color: {c.ink}; font-size: {look.pt(14)}; }}
{w} QLabel#insightsHeading {{ font-size: {look.pt(22)}; font-weight: 600; color: {c.ink}; }}
{w} QLabel#sectionHeading {{ font-size: {look.pt(17)}; font-weight: 600; color: {c.ink}; }}
{w} QLabel#chartSentence {{ color: {c.ink}; font-size: {look.pt(14)}; }}
{w} QLabel#caveat, {w} QLabel#staysHere,
{w} QLabel#sectionEmpty, {w} QLabel#emptyState {{
    color: {c.soft}; font-size: {look.pt(13)};
}}
{w} QLabel#emptyTitle {{ color: {c.ink}; font-size: {look.pt(17)}; font-weight: 600; }}
QFrame#chartCard {{ background: {c.card}; border: 1px solid {c.row_line}; border-radius: 10px; }}
{w} QFrame#chartCard QLabel {{ background: transparent; }}
QFrame#pointerBox {{ background: {c.warm}; border: 1px solid {c.warm_line}; border-radius: 10px; }}
{w} QFrame#pointerBox QLabel {{ background: transparent; color: {c.ink}; }}
QPushButton#periodButton {{ border: 2px solid {c.button_line}; padding: 6px 16px; }}
QPushButton#periodButton:checked {{
    background: {c.selected}; color: {c.ink}; border: 2px solid {c.accent};
}}
QTableWidget#chartTable {{
    background: {c.card}; color: {c.ink}; border: 1px solid {c.line}; font-size: {look.pt(13)};
    gridline-color: {c.row_line}; selection-background-color: {c.selected};
    selection-color: {c.ink};
}}
QTableWidget#chartTable:focus {{ border: 2px solid {c.accent}; }}
QHeaderView::section {{
    background: {c.hover}; color: {c.ink}; border: none; border-bottom: 1px solid {c.line};
    padding: 4px 6px; font-size: {look.pt(13)}; font-weight: 600;
}}
QScrollArea#insightsScroll {{ background: {c.paper}; border: none; }}
"""
    )

"""The colours the charts paint with, per look; series colours keep 3:1 against the card.

Bars are graphics, not text: WCAG 1.4.11 asks 3:1 against what is next to them. Their labels
and the sentences above them use the Paper's ink and soft colours (4.5:1, tested).
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.core.settings import Appearance
from companion.ui.look.palettes import PAPERS, Paper

#: Seven: one per reason a call can have, and one for "no reason given" (grey).
Series = tuple[str, str, str, str, str, str, str]
SERIES = 7


@dataclass(frozen=True)
class ChartColours:
    """What a chart paints: its ground, the ink of its labels, the grid, and seven series."""

    ground: str
    ink: str
    soft: str
    grid: str
    series: Series


def _colours(paper: Paper, series: Series, grid: str | None = None) -> ChartColours:
    return ChartColours(paper.card, paper.ink, paper.soft, grid or paper.line, series)


CHART_COLOURS = {
    # Okabe-Ito's colour-blind-safe hues, darkened or lightened until each keeps 3:1.
    Appearance.LIGHT: _colours(
        PAPERS[Appearance.LIGHT],
        ("#0b6e99", "#b35900", "#7a4f9e", "#1d7a4e", "#b8336a", "#8a7000", "#5d6b6a"),
    ),
    Appearance.DARK: _colours(
        PAPERS[Appearance.DARK],
        ("#6fc3ee", "#f3a857", "#c9a3ef", "#6fd4a0", "#f28cb8", "#e0c95a", "#b7c7c4"),
    ),
    Appearance.HIGH_CONTRAST: _colours(
        PAPERS[Appearance.HIGH_CONTRAST],
        ("#ffff00", "#00ffff", "#ffffff", "#ff80ff", "#80ff80", "#ffa040", "#a0a0ff"),
        grid="#5a5a5a",  # grid lines guide the eye; white ones would outshout the bars
    ),
}

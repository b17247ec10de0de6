"""Builds the Insights window for companion.flows.insights, on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loads when first opened: an app waiting in the tray never needs it
    from companion.ui.insights.insights_window import InsightsWindow


class InsightsWindows:
    """``InsightsWindows`` for the flow; one window, made again after it was closed."""

    def insights(self) -> InsightsWindow:
        from companion.ui.insights.insights_window import InsightsWindow

        return InsightsWindow()

"""What the Insights window says.

Texts built from a value are functions; see ``companion/ui/shell/messages.py`` for how these
become translatable. Every figure is the agent's own record, read on this computer.
"""

from __future__ import annotations

TITLE = "Companion — Insights"

# Each chart: a toggle between the picture and the same figures as a table.
SHOW_TABLE = "Show as table"
SHOW_CHART = "Show as chart"
TOTAL = "Total"


def chart_name(name: str) -> str:
    return f"{name}, chart"


def table_name(name: str) -> str:
    return f"{name}, table"


def toggle_name(name: str) -> str:
    return f"Show {name.lower()} as a table"


def chart_description(sentence: str) -> str:
    return f"{sentence} The same figures are in the table behind “{SHOW_TABLE}”."

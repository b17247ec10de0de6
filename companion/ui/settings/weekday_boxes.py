"""The working days as check boxes, named as the agent's language and region name them.

Each box shows the day's short name ("Mon", "lun.", "Mo.") and is heard by its whole name
("Monday", "lunes"), from Babel (companion.core.formatting): the days need no catalog.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox

from companion.core import formatting

#: A Monday: the settings count working days from Monday (0) to Sunday (6).
_A_MONDAY = date(2026, 11, 30)


def weekday_boxes(checked: Container[int]) -> list[QCheckBox]:
    boxes = []
    for index in range(7):
        day = _A_MONDAY + timedelta(days=index)
        box = QCheckBox(formatting.short_weekday(day))
        box.setAccessibleName(formatting.weekday_name(day))
        box.setChecked(index in checked)
        boxes.append(box)
    return boxes

"""What a screen reader is told about a control where Qt's own name would leave it unsaid."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def name_combo_box(combo: QComboBox, name: str) -> None:
    """Name a combo box that has no visible label of its own.

    On Linux Qt gives a combo box's current value as its accessible name and leaves the rest
    to a label's relation ("on Linux we use relations for this": QAccessibleComboBox::text in
    qtbase's complexwidgets.cpp), so without a label a screen reader hears only "Abusive". The
    description says what the choice is about there; elsewhere the name does.
    """
    combo.setAccessibleName(name)
    combo.setAccessibleDescription(name)

"""Settings IT locked: shown, but disabled, with the reason, in whichever window shows them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from PySide6.QtWidgets import QWidget

from companion.ui.settings.messages import LOCKED_TOOLTIP


def show_locked(widgets: Mapping[str, Iterable[QWidget]], locked: Collection[str]) -> None:
    """Disable the widgets of every locked setting (names as in ``core.policy``) and say why.

    Qt shows tooltips on disabled widgets, so the reason is a hover away; screen readers get
    it as the accessible description.
    """
    for name, group in widgets.items():
        if name not in locked:
            continue
        for widget in group:
            widget.setEnabled(False)
            widget.setToolTip(LOCKED_TOOLTIP)
            widget.setAccessibleDescription(LOCKED_TOOLTIP)

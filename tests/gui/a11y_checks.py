"""What a screen reader and a keyboard user meet in a window, read through Qt's own
accessibility interfaces (the ones AT-SPI, UI Automation and NSAccessibility are built from)."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

#: Roles a person acts on: each needs a name of its own.
CONTROLS = {
    QAccessible.Role.Button, QAccessible.Role.CheckBox, QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox, QAccessible.Role.SpinBox, QAccessible.Role.EditableText,
    QAccessible.Role.Slider, QAccessible.Role.PageTab, QAccessible.Role.List,
    QAccessible.Role.Table, QAccessible.Role.Tree, QAccessible.Role.MenuItem,
}  # fmt: skip


def control_names(window: QWidget) -> list[tuple[str, str]]:
    """(role, name) of every visible control in ``window``, in tree order."""
    found: list[tuple[str, str]] = []

    def walk(node: QAccessibleInterface) -> None:
        if node.state().invisible:
            return
        if node.role() in CONTROLS:
            found.append((node.role().name, heard(node)))
        for index in range(node.childCount()):
            child = node.child(index)
            # A list's rows and a combo box's popup are read through their list.
            if child is not None and node.role() not in (QAccessible.Role.ComboBox,):
                walk(child)

    walk(QAccessible.queryAccessibleInterface(window))
    return found


def heard(node: QAccessibleInterface) -> str:
    """A control's name as a screen reader says it. On Linux Qt names a combo box by its value
    and leaves the rest to its label's relation (QAccessibleComboBox): both are said."""
    name = node.text(QAccessible.Text.Name)
    if node.role() != QAccessible.Role.ComboBox or not name:
        return name
    labels = [
        other.text(QAccessible.Text.Name)
        for other, _ in node.relations(QAccessible.RelationFlag.Label)
        if other.role() == QAccessible.Role.StaticText
    ]
    return ": ".join([*labels, name])


def unnamed_and_shared(window: QWidget) -> tuple[list[str], list[str]]:
    """The roles of controls without a name, and the names two controls share."""
    names = control_names(window)
    unnamed = [role for role, name in names if not name.strip()]
    counts = Counter(name for _, name in names if name.strip())
    return unnamed, sorted(name for name, count in counts.items() if count > 1)


def tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, in order (inner editors of spin boxes left out)."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window:
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        inner = widget.focusProxy() is not None or (
            widget.parentWidget() is not None and widget.parentWidget().focusProxy() is widget
        )
        if takes_tab and not inner and widget.isVisibleTo(window) and widget.isEnabled():
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def out_of_reading_order(window: QWidget) -> list[tuple[str, str]]:
    """Pairs of widgets Tab visits one after the other where the second is above the first,
    or on the same line to its left: reading order is top to bottom, left to right."""
    wrong = []
    chain = tab_chain(window)
    for before, after in pairwise(chain):
        a, b = before.mapTo(window, QPoint(0, 0)), after.mapTo(window, QPoint(0, 0))
        same_line = abs(a.y() - b.y()) < min(before.height(), after.height()) // 2
        if (b.y() < a.y() and not same_line) or (same_line and b.x() < a.x()):
            wrong.append((_label(before), _label(after)))
    return wrong


def _label(widget: QWidget) -> str:
    text = widget.accessibleName() or str(getattr(widget, "text", lambda: "")())
    return f"{type(widget).__name__} {text!r}"

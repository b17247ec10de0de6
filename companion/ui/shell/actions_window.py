"""The small always-available window used when the desktop has no system tray."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.core.calls import Reason
from companion.ui.look.theme import Look, size_for_text, style
from companion.ui.shell import messages
from companion.ui.shell.actions import ShellActions
from companion.ui.shell.button_rows import button_rows
from companion.ui.shell.screen_reader import name_combo_box
from companion.ui.shell.window_activation import bring_forward as bring_window_forward


def _sheet(look: Look) -> str:
    c = look.paper
    return f"""
QWidget#actionsWindow {{ background: {c.window}; }}
QLabel {{ color: {c.ink}; font-size: {look.pt(13)}; }}
QLabel#countLabel {{ color: {c.soft}; }}
QLabel#noTrayNote {{ color: {c.soft}; font-size: {look.pt(12)}; }}
QPushButton {{ font-size: {look.pt(14)}; padding: 8px 14px; border-radius: 8px;
              border: 1px solid {c.button_line}; background: {c.card}; color: {c.ink}; }}
QPushButton:focus {{ border: 2px solid {c.accent}; padding: 7px 13px; }}
QPushButton#hardCallButton {{ background: {c.accent}; color: {c.on_accent};
                             font-size: {look.pt(16)}; font-weight: 600; padding: 14px;
                             border: 3px solid transparent; }}
QPushButton#hardCallButton:focus {{ border: 3px solid {c.focus_on_accent}; }}
QComboBox {{ font-size: {look.pt(13)}; padding: 6px; }}
"""


class ActionsWindow(QWidget):
    """The tray's actions as buttons; closing it minimizes it (Quit really quits)."""

    def __init__(self, icon: QIcon, actions: ShellActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self.setObjectName("actionsWindow")
        self.setWindowTitle(messages.WINDOW_TITLE)
        self.setWindowIcon(icon)
        style(self, _sheet)
        self._count = QLabel()
        self._count.setObjectName("countLabel")
        self._reason = QComboBox()
        name_combo_box(self._reason, messages.REASON_NAME)
        self._reason.addItem(messages.NO_REASON, None)
        for action in actions.tags:
            self._reason.addItem(action.text(), action.data())
        #: Recent hard calls, Insights, and the reminder part of the tray menu (callbacks, pause,
        #: settings) under it.
        self.more_menu = QMenu(self)
        self.more_menu.addActions([actions.calls, actions.insights])
        self._build()
        self.set_today_count(0)
        size_for_text(self, 0, 0, min_width=320)

    def _build(self) -> None:
        actions = self._actions
        self.more_menu.addAction(actions.debrief)  # beside what the tray menu lists
        hard_call = _ActionButton(actions.quick_tag, on_click=self._on_hard_call)
        hard_call.setObjectName("hardCallButton")
        hard_call.setDefault(True)
        more = QPushButton(messages.MORE)
        more.setMenu(self.more_menu)
        buttons = button_rows(
            self,
            [_ActionButton(a) for a in (actions.breathe, actions.journal, actions.talk)] + [more],
            last=_ActionButton(actions.quit),
            margins=18,
        )
        layout = QVBoxLayout(self)
        # Never narrower than its buttons' words (a small screen would otherwise clip them).
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(10)
        note = QLabel(messages.NO_TRAY_TEXT)
        note.setObjectName("noTrayNote")
        note.setWordWrap(True)
        layout.addWidget(hard_call)
        layout.addWidget(self._reason)
        layout.addWidget(self._count)
        layout.addLayout(buttons)
        layout.addWidget(note)
        hard_call.setFocus()

    def set_today_count(self, count: int) -> None:
        self._count.setText(messages.counted_today(count))

    def bring_forward(self) -> None:
        bring_window_forward(self)

    def _on_hard_call(self) -> None:
        """With a reason chosen, its tag action; without, the quick tag (the tray's click)."""
        value = self._reason.currentData()
        actions = self._actions
        (actions.tag(Reason(value)) if isinstance(value, str) else actions.quick_tag).trigger()
        self._reason.setCurrentIndex(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Minimized, not closed: the window stays in the taskbar (there is no tray icon to
        come back through); "Quit" is the way out."""
        event.ignore()
        self.showMinimized()


class _ActionButton(QPushButton):
    """A push button standing for ``action``: its icon text and enabled state, kept in step.

    A click triggers the action, or calls ``on_click`` when given.
    """

    def __init__(self, action: QAction, on_click: Callable[[], None] | None = None) -> None:
        super().__init__()
        self._action = action
        self._on_action_changed()
        action.changed.connect(self._on_action_changed)
        self.clicked.connect(on_click if on_click is not None else action.trigger)

    def _on_action_changed(self) -> None:
        self.setText(self._action.iconText())
        self.setEnabled(self._action.isEnabled())

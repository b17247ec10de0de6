"""The last-resort notification: a small, quiet window in the screen's corner, with actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice, NoticeAction
from companion.ui.look.theme import Look, style
from companion.ui.reminders import messages

MARGIN = 16


def _sheet(look: Look) -> str:
    c = look.paper
    return f"""
QWidget#toast {{ background: {c.window}; border: 1px solid {c.button_line}; border-radius: 10px; }}
QLabel#toastTitle {{ color: {c.ink}; font-size: {look.pt(14)}; font-weight: 600; }}
QLabel#toastBody {{ color: {c.ink}; font-size: {look.pt(13)}; }}
QPushButton {{ font-size: {look.pt(13)}; padding: 6px 12px; border-radius: 7px;
              border: 1px solid {c.button_line}; background: {c.card}; color: {c.ink}; }}
QPushButton#primary {{ background: {c.accent}; color: {c.on_accent}; border: none; }}
QPushButton#closeToast {{
    border: none; background: transparent; color: {c.soft}; padding: 2px 6px;
}}
"""


ActionHandler = Callable[[Notice, NoticeAction], None]
W = TypeVar("W", bound=QWidget)


class Toast(QWidget):
    """One notice; an action button answers it and closes it, as does the ×, or time."""

    def __init__(self, notice: Notice, on_action: ActionHandler) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setObjectName("toast")
        self.setWindowTitle(messages.TOAST_TITLE)
        look = style(self, _sheet)
        self.setFixedWidth(round(360 * look.scale))
        self._notice = notice
        self._on_action = on_action
        self._build()
        QTimer.singleShot(EXPIRY_SECONDS * 1000, self.close)

    def _build(self) -> None:
        title = _named(QLabel(self._notice.title), "toastTitle")
        close = _named(QPushButton("×"), "closeToast")
        close.setToolTip(messages.DISMISS)
        close.setAccessibleName(messages.DISMISS)
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(close)
        body = _named(QLabel(self._notice.body), "toastBody")
        body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(body)
        if self._notice.actions:
            row = QHBoxLayout()
            row.addStretch(1)
            for index, action in enumerate(self._notice.actions):
                button = _named(QPushButton(action.label), "primary" if index == 0 else "")
                button.clicked.connect(lambda _=False, a=action: self._answer(a))
                row.addWidget(button)
            layout.addLayout(row)

    def _answer(self, action: NoticeAction) -> None:
        self.close()
        self._on_action(self._notice, action)

    def place(self) -> None:
        screen = QGuiApplication.primaryScreen()
        self.adjustSize()
        # adjustSize gives a wrapped body the height of a shorter text and clips it: ask the
        # layout for the height at this (fixed) width instead.
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.right() - self.width() - MARGIN, area.bottom() - self.height() - MARGIN)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class ToastNotifier:
    """Always works while Companion has a screen; a new notice replaces the one showing."""

    name = messages.TOAST_NAME

    def __init__(self, on_action: ActionHandler) -> None:
        self._on_action = on_action
        self._toast: Toast | None = None

    @property
    def toast(self) -> Toast | None:
        return self._toast

    def notify(self, notice: Notice) -> Delivery:
        if QGuiApplication.primaryScreen() is None:
            return Delivery(self.name, False, messages.NO_SCREEN)
        if self._toast is not None:
            self._toast.close()
        self._toast = Toast(notice, self._on_action)
        self._toast.place()
        self._toast.show()
        return Delivery(self.name, True)

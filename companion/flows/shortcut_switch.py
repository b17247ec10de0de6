"""Turns the shortcut from anywhere (companion.system.global_shortcut) on and off as the
settings say, and remembers why it isn't there, for Settings to say."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject


class Shortcut(Protocol):
    """``pressed`` each time the key goes down. A shortcut that learns only later that it
    can't be heard also has a ``failed(str)`` signal and a ``note`` (system/portal_shortcut.py)."""

    pressed: Any

    def start(self) -> str | None: ...
    def stop(self) -> None: ...


class ShortcutSwitch(QObject):
    """``apply(True)`` listens (when this desktop can); ``problem`` says why it doesn't."""

    def __init__(
        self,
        make: Callable[[], Shortcut | None],
        on_press: Callable[[], None],
        *,
        unavailable: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._make = make
        self._on_press = on_press
        self._unavailable = unavailable
        self._shortcut: Shortcut | None = None
        #: Why the shortcut is not listened for although it is on (None: listening, or off).
        self.problem: str | None = None

    @property
    def listening(self) -> bool:
        return self._shortcut is not None

    def apply(self, on: bool) -> None:
        if not on:
            self._stop()
            self.problem = None
            return
        if self._shortcut is not None:
            return
        shortcut = self._make()
        if shortcut is None:
            self.problem = self._unavailable
            return
        # Connected before start(): the portal's answer may already be in when it returns.
        shortcut.pressed.connect(self._on_press)
        failed = getattr(shortcut, "failed", None)
        if failed is not None:
            failed.connect(lambda sentence: self._on_failed(shortcut, sentence))
        self._shortcut, self.problem = shortcut, None
        problem = shortcut.start()
        if problem is not None:
            self._shortcut = None
            self.problem = problem

    @property
    def note(self) -> str | None:
        """What Settings says under the shortcut: why it isn't heard, or which key the desktop
        bound when that isn't the one Settings names (a portal's own choice)."""
        if self.problem is not None:
            return self.problem
        return getattr(self._shortcut, "note", None)

    def _on_failed(self, shortcut: Shortcut, sentence: str) -> None:
        """A shortcut that could only learn later that it won't be heard (the portal)."""
        if self._shortcut is shortcut:
            self._shortcut = None
            self.problem = sentence

    def _stop(self) -> None:
        if self._shortcut is not None:
            self._shortcut.stop()
            self._shortcut = None

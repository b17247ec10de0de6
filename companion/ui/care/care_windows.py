"""Builds the after-care windows when asked (companion.flows.aftercare.CareWindows): IT's
contact and limits are read each time, so a policy changed meanwhile shows at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from companion.core.aftercare import Care
from companion.core.calls import Reason
from companion.ui.shell.window_activation import bring_forward

if TYPE_CHECKING:  # loaded when a page is first asked for: the idle tray never needs them
    from companion.ui.care.care_window import CareWindow
    from companion.ui.care.cool_off import CoolOffWindow


class CareWindows:
    """One window per page asked for; each deletes itself when closed."""

    def __init__(self, contact: Callable[[], str | None], limits: Callable[[], str | None]) -> None:
        self._contact = contact
        self._limits = limits
        #: The window shown last (for tests and for "Need to talk?" asked twice).
        self.window: CareWindow | None = None
        self.cool_off_window: CoolOffWindow | None = None

    def care(self, care: Care, reason: Reason | None) -> CareWindow:
        from companion.ui.care.care_window import CareWindow

        if self.window is not None and self.window.isVisible() and self.window.care is care:
            self.window.close()  # one page at a time: the newest call's
        window = CareWindow(care, reason, contact=self._contact(), limits=self._limits())
        window.destroyed.connect(lambda: self._forget(window))
        self.window = window
        bring_forward(window)
        return window

    def cool_off(self) -> CoolOffWindow:
        from companion.ui.care.cool_off import CoolOffWindow

        window = CoolOffWindow()
        self.cool_off_window = window
        bring_forward(window)
        return window

    def _forget(self, window: CareWindow) -> None:
        if self.window is window:
            self.window = None

"""Builds the break window for companion.flows.tag_and_breathe, importing it on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.core.policy import Policy
from companion.core.ports import Clock
from companion.flows.tag_and_breathe import BreakRequest
from companion.system import milestones
from companion.ui.breathing.start_countdown import STEP_MS

if TYPE_CHECKING:  # loaded with the first break: an app waiting in the tray never needs it
    from companion.ui.breathing.breathing_window import BreathingWindow


class BreathingWindows:
    """A new ``BreathingWindow`` for each break request (``OpenBreakWindow``).

    ``auto_start_seconds`` overrides the settings' automatic start (None: the settings').
    """

    def __init__(
        self,
        clock: Clock,
        *,
        support_contact: str | None = None,
        phone_hint: str | None = None,
        auto_start_seconds: int | None = None,
        countdown_step_ms: int = STEP_MS,
    ) -> None:
        self._clock = clock
        #: IT's support line, shown after a break; follows the policy while Companion runs.
        self.support_contact = support_contact
        #: IT's "not ready" hint, shown before breathing starts; follows the policy too.
        self.phone_hint = phone_hint
        self._auto_start_seconds = auto_start_seconds
        self._countdown_step_ms = countdown_step_ms

    def use_policy(self, policy: Policy) -> None:
        """IT's policy changed: the next break shows its support line."""
        self.support_contact = policy.eap_contact
        self.phone_hint = policy.phone_hint

    def warm(self) -> None:
        """Import the break window's modules ahead of the first click, which would otherwise
        wait 30-45 ms for them (measured with bench.click_to_calm); called once start-up is
        done, so the tray icon and the journal come first."""
        import companion.ui.breathing.breathing_window  # noqa: F401

    def __call__(self, request: BreakRequest) -> BreathingWindow:
        from companion.ui.breathing.breathing_window import BreathingWindow

        window = BreathingWindow(
            self._clock,
            request.settings,
            reduced_motion=request.reduced_motion,
            call=request.call,
            show_undo=request.show_undo,
            support_contact=self.support_contact,
            phone_hint=self.phone_hint,
            auto_start_seconds=self._auto_start_seconds,
            countdown_step_ms=self._countdown_step_ms,
        )
        milestones.reached("break_window_built", window)
        return window

"""Whether now is the right moment for a due reminder: a pure decision from what is known.

Rules, in plain words:

- While the agent is away from the keyboard, or a break window is open, everything waits
  (as before): nobody would see it, or it would land on top of the break.
- While the desktop is in Do Not Disturb, or the agent is on a call (the microphone is in
  use), nudges and reflections wait; callbacks still go at their time, quietly (no banner,
  no sound: the desktop's message list), because a callback is a promise to a customer.
  A due that holds both sends its callbacks now and keeps the rest waiting.
- Whatever waits is looked at again later; a nudge whose moment passed meanwhile is dropped
  by the policy in ``companion.core.reminders``, not here.
- What can't be known (``None`` from a probe) counts as "not busy": the reminder comes at
  its time, as it did before Companion could ask, and Settings says what can't be known.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.core.i18n import _
from companion.core.reminders import Due

IDLE_UNKNOWN = _(
    "Companion can't tell when you're away from the keyboard on this computer, so reminders "
    "come at their time."
)
DND_UNKNOWN = _(
    "Companion can't tell when Do Not Disturb is on here, so reminders come at their time."
)
CALL_UNKNOWN = _(
    "Companion can't tell when you're on a call on this computer, so reminders come at their time."
)


@dataclass(frozen=True)
class Moment:
    """What is known about right now; anything unknown is False (present, not busy)."""

    away: bool = False
    in_break: bool = False
    do_not_disturb: bool = False
    on_call: bool = False

    @property
    def absent(self) -> bool:
        """Nobody to show anything to: everything waits."""
        return self.away or self.in_break

    @property
    def busy(self) -> bool:
        """Present, but not now: only promises (callbacks) go, quietly."""
        return self.do_not_disturb or self.on_call


@dataclass(frozen=True)
class Decision:
    """What to do with a due reminder now.

    ``deliver`` is what goes now (all of the due, or only its callbacks), ``quiet`` whether it
    goes without banner and sound, and ``wait`` whether something stays due for later.
    """

    deliver: Due | None = None
    quiet: bool = False
    wait: bool = False


def decide(moment: Moment, due: Due) -> Decision:
    """Deliver, deliver quietly, or wait (or quietly deliver the callbacks and wait)."""
    if moment.absent:
        return Decision(wait=True)
    if not moment.busy:
        return Decision(deliver=due)
    promised = tuple(r for r in due.reminders if r.kind.is_callback)
    held = len(promised) < len(due.reminders)
    if not promised:
        return Decision(wait=True)
    return Decision(deliver=Due(due.at, promised), quiet=True, wait=held)


def cannot_tell(*, idle_known: bool, dnd_known: bool, call_known: bool) -> list[str]:
    """One short line for Settings per thing this computer can't tell Companion."""
    known = ((idle_known, IDLE_UNKNOWN), (dnd_known, DND_UNKNOWN), (call_known, CALL_UNKNOWN))
    return [line for is_known, line in known if not is_known]

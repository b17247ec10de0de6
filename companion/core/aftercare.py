"""After-care by reason (issue #10): what Companion offers once a break is over, from why the
call was hard. Always an offer, one click away, never in the way of getting back to work.

The field's own advice for agents, as the issue gathers it: don't take abuse personally, and
know the limits you may set; follow up when you promised; talk a hard call through with a team
lead or a peer; the EAP when it keeps being hard.
"""

from __future__ import annotations

import enum

from companion.core.calls import Reason


class Care(enum.Enum):
    """One page of after-care (or, for ``CALLBACK``, the callback reminder itself)."""

    #: After abuse or anger: it was not about you, and what you may do next time.
    REFRAME = "reframe"
    #: After a call left unresolved: a callback reminder, in one click.
    CALLBACK = "callback"
    #: After a distressing call: talk it through with someone.
    DEBRIEF = "debrief"
    #: "Need to talk?": IT's support contact, or where such help is usually found.
    TALK = "talk"


#: The journal tag of an unsent reply the agent kept (searchable, like any tag).
UNSENT_REPLY_TAG = "unsent-reply"

_BY_REASON = {
    Reason.ABUSIVE: Care.REFRAME,
    Reason.ANGRY: Care.REFRAME,
    Reason.UNRESOLVED: Care.CALLBACK,
    Reason.DISTRESSING: Care.DEBRIEF,
}


def care_after(reason: Reason | None) -> Care | None:
    """What is offered after a break for a call tagged ``reason`` (None: nothing special; the
    "Need to talk?" entry is there for every call)."""
    return None if reason is None else _BY_REASON.get(reason)

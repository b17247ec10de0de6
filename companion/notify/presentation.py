"""How a notice is shown by a freedesktop notification server: urgency, hints and buttons.

Urgency follows what the notice is, and what the server does with it:

* A due callback (``Notice.must_be_seen``) goes with urgency *normal* and its buttons on every
  server: it is a promise made to a customer, and every server shows a normal notice as a
  banner. The agent's sound setting applies to it.
* A gentle notice (a nudge, the end-of-shift reflection, the test notification) goes with
  urgency *low* where low notices still get a banner (dunst; KDE Plasma, whose "show popup
  for low priority notifications" is on by default; most others).
* On GNOME Shell (``GetServerInformation`` name "gnome-shell") a low notice gets no banner
  at all, only a dot by the clock (since GNOME 41; seen on GNOME Shell 43.9), so a gentle
  notice goes there with urgency *normal*, the only urgency GNOME shows as a banner, and is
  made quiet by hints instead: ``suppress-sound`` (whatever the sound setting: normal is a
  louder class than low, and this keeps it as quiet as a low one) and ``transient`` (the
  banner passes and nothing piles up in the message list: a nudge's moment passes with it,
  and Companion asks again when it is due again). No sound hint is ever sent.
* A *quiet* notice (``Notice.quiet``: the agent is on a call, or the desktop is in Do Not
  Disturb) goes with urgency *low* and ``suppress-sound`` on every server, never transient:
  on GNOME it lands in the message list without a banner, to be found after the call. On
  servers that show low notices as banners (dunst, KDE) there is no list to hide it in:
  there "quiet" means a silent banner, which is still better than a promise kept back
  unseen; their own Do Not Disturb (dunst's pause, KDE's "Do not disturb") holds it back.

Buttons need the server's "actions" capability (without it nothing can be clicked, not even
the notice itself). Without it a callback goes without buttons and says where Done and
Snooze are (under Callbacks in Companion's menu, which is always there: the tray's, or the
Companion window's), and a quiet notice goes without them too (no pop-up of Companion's own
during a call). A gentle notice with buttons is not sent: its answer ("Start a break",
"Reflect" with the day's numbers) would be lost, so Companion shows it itself (the tray
balloon, which opens it on a click, or its pop-up, which has the buttons).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from companion import APP_ID
from companion.core.i18n import _
from companion.core.notices import Notice, NoticeAction

APP_NAME = "Companion"
DESKTOP_ENTRY = APP_ID
#: GetServerInformation's name for GNOME's notification server.
GNOME_SHELL = "gnome-shell"
#: Servers that show low-urgency notices only in their message list, never as a banner.
NO_BANNER_WHEN_LOW = frozenset({GNOME_SHELL})
#: Added to a callback sent without buttons, so Done and Snooze stay one step away.
ANSWERS_ELSEWHERE = _("Done and Snooze are under Callbacks in Companion's menu.")


class Urgency(enum.IntEnum):
    """The specification's ``urgency`` hint (a byte)."""

    LOW = 0
    NORMAL = 1
    CRITICAL = 2


@dataclass(frozen=True)
class ServerInfo:
    """What ``GetServerInformation`` and ``GetCapabilities`` said."""

    name: str
    vendor: str = ""
    version: str = ""
    capabilities: frozenset[str] = frozenset()

    @property
    def has_actions(self) -> bool:
        return "actions" in self.capabilities

    @property
    def banners_when_low(self) -> bool:
        return self.name not in NO_BANNER_WHEN_LOW

    def describe(self) -> str:
        return f"{self.name} {self.version}".strip()


@dataclass(frozen=True)
class Presentation:
    """One Notify call's choices for a notice (the title is the notice's own)."""

    urgency: Urgency
    body: str
    #: The buttons, the click on the notice itself (OPEN, "default") first; empty for none.
    actions: tuple[NoticeAction, ...]
    #: Every hint but ``urgency`` (which must go as a byte).
    hints: Mapping[str, str | bool]


def present(notice: Notice, server: ServerInfo) -> Presentation | None:
    """How ``server`` should show ``notice``; None when it would lose the notice's answer
    (gentle, with buttons, and the server has no actions): Companion shows it itself."""
    urgency, quiet_hints = _urgency(notice, server)
    hints: dict[str, str | bool] = {
        "desktop-entry": DESKTOP_ENTRY,
        "category": f"x-companion.{notice.topic}",
        **quiet_hints,
    }
    if not notice.actions:
        return Presentation(urgency, notice.body, (), hints)
    if server.has_actions:
        return Presentation(urgency, notice.body, (NoticeAction.OPEN, *notice.actions), hints)
    if not (notice.must_be_seen or notice.quiet):
        return None
    body = notice.body
    if {NoticeAction.DONE, NoticeAction.SNOOZE} & set(notice.actions):
        body = f"{body}\n{ANSWERS_ELSEWHERE}"
    return Presentation(urgency, body, (), hints)


def _urgency(notice: Notice, server: ServerInfo) -> tuple[Urgency, dict[str, bool]]:
    """The urgency, and the hints that keep the notice as quiet as it should be."""
    if notice.quiet:
        return Urgency.LOW, {"suppress-sound": True}
    if not notice.must_be_seen and not server.banners_when_low:
        return Urgency.NORMAL, {"suppress-sound": True, "transient": True}
    urgency = Urgency.NORMAL if notice.must_be_seen else Urgency.LOW
    return urgency, ({} if notice.sound else {"suppress-sound": True})

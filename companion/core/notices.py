"""What Companion tells the agent through a notification, and what the agent can answer."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from companion.core.i18n import N_, _, pgettext


class NoticeAction(enum.StrEnum):
    """An answer offered on a notification; OPEN is a click on the notification itself."""

    OPEN = "default"
    START_BREAK = "start-break"
    SNOOZE = "snooze"
    DONE = "done"
    REFLECT = "reflect"
    #: Opens the list of open callbacks (never answers for them: that is one at a time).
    SHOW_CALLBACKS = "callbacks"

    @property
    def label(self) -> str:
        """The button's words, in the installed language."""
        if self is NoticeAction.DONE:
            # Translators: a button on a callback's notification: the callback is done.
            return pgettext("a callback", "Done")
        return _(_LABELS[self])


_LABELS = {  # DONE has a context: see ``label``
    NoticeAction.OPEN: N_("Open"),
    NoticeAction.START_BREAK: N_("Start a break"),
    # Translators: a button on a callback's notification: reminds again in 15 minutes.
    NoticeAction.SNOOZE: N_("Snooze 15 min"),
    NoticeAction.REFLECT: N_("Reflect"),
    NoticeAction.SHOW_CALLBACKS: N_("See callbacks"),
}

#: Topics whose notices must reach the agent (see ``Notice.must_be_seen``).
MUST_BE_SEEN_TOPICS = frozenset({"callback", "callbacks"})
#: How long a notification stays on screen when the desktop lets us choose.
EXPIRY_SECONDS = 20


@dataclass(frozen=True)
class Notice:
    """One notification. ``topic`` says which window a click opens (e.g. "nudge", "callback")."""

    title: str
    body: str
    topic: str = "info"
    actions: tuple[NoticeAction, ...] = ()
    #: The callbacks it is about, so Snooze and Done know what to move.
    callback_ids: tuple[int, ...] = ()
    sound: bool = False
    #: Not now (the agent is on a call, or the desktop is in Do Not Disturb): no banner and no
    #: sound; the notice goes only to the desktop's message list, where the server has one.
    quiet: bool = False

    @property
    def must_be_seen(self) -> bool:
        """A promise to a customer (a due callback): shown with normal urgency, never muted
        into a list the agent may not open. Nudges and reflections are gentle."""
        return self.topic in MUST_BE_SEEN_TOPICS


@dataclass(frozen=True)
class Delivery:
    """What happened to one notice: which backend took it, or why none could."""

    backend: str
    ok: bool
    detail: str = ""
    #: Not this backend's kind of notice (nothing failed): the next one takes it, unlogged.
    declined: bool = False
    #: Given to a service (``detail`` names it) that answers later: shown is not yet known,
    #: and should the service fail, the backend's own fallback shows it.
    handed_over: bool = False

    def describe(self) -> str:
        if self.ok and self.handed_over:
            # Translators: {service} names the desktop's notification service ("gnome-shell 43.9").
            return _("Handed to {service}. If it can't show it, Companion will.").format(
                service=self.detail
            )
        if self.ok:
            return _("Sent through {backend}.").format(backend=self.backend)
        # A reason marked with N_ where it is found ("no session bus") is said in the agent's
        # language here, where Settings shows it; any other detail stays as the backend gave it.
        return _("{backend} could not show it: {detail}").format(
            backend=self.backend, detail=_(self.detail) if self.detail else self.detail
        )

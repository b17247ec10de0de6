"""What the after-care pages say (docs/tone-guide.md): kind, brief, never a diagnosis, and true
wherever Companion runs, so nothing here names a service, a number or a rule IT didn't give."""

from __future__ import annotations

from companion.core.aftercare import Care
from companion.core.calls import Reason
from companion.core.i18n import _

#: The button on the after-break page, by what it offers.
OFFER = {
    Care.REFRAME: _("It wasn't about you"),
    Care.CALLBACK: _("Remind me to call back…"),
    Care.DEBRIEF: _("Talk it through"),
}
OFFER_NAME = {
    Care.REFRAME: _("It wasn't about you: a few words, and what you may do next time"),
    Care.CALLBACK: _("Set a reminder to call this customer back"),
    Care.DEBRIEF: _("Talk it through: who you could tell about this call"),
}

TITLE = {
    Care.REFRAME: _("It wasn't about you"),
    Care.DEBRIEF: _("Talk it through"),
    Care.TALK: _("Need to talk?"),
}
WINDOW_TITLE = _("Companion — {title}")

#: The reframe, by reason: a few sentences, never telling the agent how to feel.
REFRAME = {
    Reason.ABUSIVE: _(
        "What they said came from their situation, not from anything you are. Abuse says "
        "something about the person giving it. You didn't deserve it, and it doesn't have to "
        "come with you into the next call."
    ),
    Reason.ANGRY: _(
        "Their anger was at the problem, the wait, or the day they've had. You were the voice "
        "on the line, not the cause. Letting it go is part of the job, and it is hard."
    ),
}
#: When IT has said nothing about what agents may do with abuse.
LIMITS_HEADING = _("What you can do next time")
NO_LIMITS = _(
    "Many contact centres let agents end a call that stays abusive after a warning, or pass it "
    "to a team lead. Your team lead can tell you what applies here."
)
COOL_OFF = _("Write the reply you won't send")
COOL_OFF_NAME = _("Write the reply you won't send: it goes nowhere unless you keep it")

DEBRIEF = _(
    "A hard story can stay with you after the call ends. Telling someone helps: your team lead, "
    "or a colleague you trust, now or at the end of your shift. You don't need the right words."
)
WRITE = _("Write about it")
WRITE_NAME = _("Write about this call in your journal")

TALK_INTRO = _(
    "Talking helps when calls keep being hard: a team lead or a colleague you trust, a peer "
    "supporter if your team has one."
)
CONTACT_HEADING = _("Support your organisation offers")
#: When IT has set no contact: where such help is usually found, naming none.
NO_CONTACT = _(
    "Many employers offer a free, confidential Employee Assistance Programme (EAP). Your team "
    "lead or HR can tell you whether yours does and how to reach it."
)
URGENT = _(
    "If you are in danger or thinking of harming yourself, call your local emergency number."
)
CLOSE = _("Close")

COOL_OFF_TITLE = _("Companion — The reply you won't send")
COOL_OFF_INTRO = _(
    "Write what you'd like to say to them. It goes nowhere: Companion can't copy it or send "
    "it. Keep it in your journal, or throw it away."
)
COOL_OFF_FIELD = _("The reply you won't send")
KEEP = _("Keep in my journal")
THROW_AWAY = _("Throw it away")
KEEP_QUESTION = _("Keep what you wrote?")
KEEP_INFORMATIVE = _("It goes into your journal, with this call. Thrown away, it is gone for good.")
KEPT = _("Kept in your journal.")

"""Difficult calls: what an agent tags after a hard call, and the rules for tagging."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from companion.core.i18n import N_, _

MIN_INTENSITY = 1
MAX_INTENSITY = 5
MAX_CASE_REF_LENGTH = 80
MAX_NOTE_LENGTH = 2000


class Reason(enum.StrEnum):
    """Why a call was hard; stored by value, shown by label."""

    ABUSIVE = "abusive"
    ANGRY = "angry"
    DISTRESSING = "distressing"
    UNRESOLVED = "unresolved"
    ESCALATED = "escalated"
    OTHER = "other"

    @property
    def label(self) -> str:
        """In the installed language (the table is English: it is read at import)."""
        return _(_REASON_LABELS[self])


_REASON_LABELS = {
    Reason.ABUSIVE: N_("Abusive"),
    Reason.ANGRY: N_("Angry"),
    Reason.DISTRESSING: N_("Distressing story"),
    Reason.UNRESOLVED: N_("Complex or unresolved"),
    Reason.ESCALATED: N_("Escalated"),
    Reason.OTHER: N_("Other"),
}


class InvalidCallDetail(ValueError):
    """A detail of a call that cannot be stored as given; the message is for the agent."""


@dataclass(frozen=True)
class DifficultCall:
    """A call tagged as difficult. Only the time is required; everything else can come later."""

    tagged_at: datetime
    id: int | None = None
    reason: Reason | None = None
    intensity: int | None = None
    case_ref: str | None = None
    note: str | None = None

    def with_details(
        self,
        *,
        reason: Reason | None = None,
        intensity: int | None = None,
        case_ref: str | None = None,
        note: str | None = None,
    ) -> DifficultCall:
        """Return a copy with the given details checked and cleaned; None keeps nothing."""
        return replace(
            self,
            reason=reason,
            intensity=check_intensity(intensity),
            case_ref=clean_text(case_ref, MAX_CASE_REF_LENGTH, single_line=True),
            note=clean_text(note, MAX_NOTE_LENGTH, single_line=False),
        )


def parse_reason(value: str | None) -> Reason | None:
    """Accept a reason by value or label, case-insensitive, as a softphone script might send it."""
    if value is None or not value.strip():
        return None
    wanted = value.strip().casefold()
    for reason in Reason:
        # The English label too: a softphone script is written once, whatever the language.
        if wanted in (reason.value, _REASON_LABELS[reason].casefold(), reason.label.casefold()):
            return reason
    choices = ", ".join(r.value for r in Reason)
    raise InvalidCallDetail(
        _("“{value}” is not a reason Companion knows. Try one of: {choices}.").format(
            value=value, choices=choices
        )
    )


def check_intensity(value: int | None) -> int | None:
    if value is None:
        return None
    if not MIN_INTENSITY <= value <= MAX_INTENSITY:
        raise InvalidCallDetail(
            _("Intensity goes from {lowest} to {highest}; {value} is outside that.").format(
                lowest=MIN_INTENSITY, highest=MAX_INTENSITY, value=value
            )
        )
    return value


def clean_text(value: str | None, max_length: int, *, single_line: bool) -> str | None:
    """Strip, drop control characters, cap the length; empty becomes None.

    Control characters (other than newlines and tabs in free text) are never useful in a
    case reference or a note and make logs and exports harder to read.
    """
    if value is None:
        return None
    if single_line:
        value = " ".join(value.split())
    allowed = "" if single_line else "\n\t"
    kept = "".join(ch for ch in value if ch.isprintable() or ch in allowed)
    kept = kept.strip()[:max_length]
    return kept or None


def count_on_day(calls: Iterable[DifficultCall], day: datetime) -> int:
    """How many calls were tagged on the local calendar day of ``day``."""
    wanted = day.date()
    return sum(1 for call in calls if call.tagged_at.date() == wanted)


def next_local_midnight(now: datetime) -> datetime:
    """When "today" in the day's count ends: the next midnight in ``now``'s own zone."""
    return datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=now.tzinfo)

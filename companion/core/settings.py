"""The agent's settings as a typed, checked value; reading a file is someone else's job."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from companion.core.app_lock import LOCK_AFTER_MINUTES
from companion.core.breathing import DEFAULT_PATTERN_KEY, PATTERNS
from companion.core.i18n import _, normalize
from companion.core.journal_key import Protection
from companion.core.reminder_settings import (
    ReminderSettings,
    reminder_settings_from_mapping,
    reminder_settings_to_mapping,
)


class Appearance(enum.Enum):
    """The colours the agent chose over the desktop's (issue #15)."""

    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"


MIN_BREAK_SECONDS = 30
MAX_BREAK_SECONDS = 600
#: The break window starts breathing by itself after this many seconds unless the agent
#: engages first; 0 turns the automatic start off (WCAG 2.2.1, timing adjustable).
MAX_AUTO_START_SECONDS = 60
#: A language tag as companion.core.i18n.normalize writes it: "es", "pt_BR", "es_419".
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(_(?:[A-Z]{2}|[0-9]{3}))?")


@dataclass(frozen=True)
class Settings:
    """Defaults fit a break into after-call work: about 75 seconds of cyclic sighing."""

    pattern_key: str = DEFAULT_PATTERN_KEY
    break_seconds: int = 75
    #: None follows the operating system's "reduce motion" wish where it can be read.
    reduced_motion: bool | None = None
    mood_check: bool = True
    #: Ctrl+Alt+H tags a call and starts a break from any application, where the desktop lets
    #: Companion listen for it (companion.system.global_shortcut).
    global_shortcut: bool = True
    #: Nudges, callbacks, the end-of-shift reflection: when and how often.
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    #: "Start with my computer". None means the agent has not chosen: leave whatever the
    #: installer set up (a system-wide autostart entry, say) as it is.
    autostart: bool | None = None
    #: Where the journal's key lives, as the agent chose (issue #9). None means not chosen
    #: yet: the OS credential store when it answers, else Companion asks. The agent's own
    #: choice, never IT's: their rule is the policy's ``journal_encryption``. Never the key.
    journal_protection: Protection | None = None
    #: The optional app lock: the journal and call details close after this many minutes
    #: without input, and when the screen locks. None: no lock (the default).
    lock_after_minutes: int | None = None
    #: Light, dark or high-contrast colours; None follows the desktop (the default). Not in
    #: IT's reach (core.policy's allowlist): it is how this person reads the screen.
    appearance: Appearance | None = None
    #: Seconds before breathing starts by itself on the mood page; 0: never by itself.
    auto_start_seconds: int = 5
    #: A soft tone at each step of the breath (off by default: an open-plan office).
    phase_sound: bool = False
    #: The language Companion speaks, as a tag ("es", "pt_BR"); None follows the desktop.
    #: Read once at start-up (companion.system.language): a change applies from the next start.
    language: str | None = None

    def __post_init__(self) -> None:
        if (
            self.lock_after_minutes is not None
            and self.lock_after_minutes not in LOCK_AFTER_MINUTES
        ):
            choices = ", ".join(str(minutes) for minutes in LOCK_AFTER_MINUTES)
            raise ValueError(
                _("the lock takes one of {choices} minutes, or null").format(choices=choices)
            )
        if self.pattern_key not in PATTERNS:
            raise ValueError(
                _("unknown breathing pattern “{pattern}”").format(pattern=self.pattern_key)
            )
        if not MIN_BREAK_SECONDS <= self.break_seconds <= MAX_BREAK_SECONDS:
            raise ValueError(
                _("break length must be {lowest}-{highest} seconds").format(
                    lowest=MIN_BREAK_SECONDS, highest=MAX_BREAK_SECONDS
                )
            )
        if not 0 <= self.auto_start_seconds <= MAX_AUTO_START_SECONDS:
            raise ValueError(
                _("the automatic start takes 0-{highest} seconds").format(
                    highest=MAX_AUTO_START_SECONDS
                )
            )
        if self.language is not None and not _LANGUAGE_TAG.fullmatch(self.language):
            raise ValueError(_("expected a language tag such as es or pt_BR, or null"))

    def effective_reduced_motion(self, system_prefers_reduced: bool) -> bool:
        return system_prefers_reduced if self.reduced_motion is None else self.reduced_motion


def settings_from_mapping(
    data: Mapping[str, Any], base: Settings | None = None
) -> tuple[Settings, list[str]]:
    """Build settings from loaded data, keeping every good value and naming every bad one.

    Unknown keys are ignored (a newer version may have written them); a bad value falls back
    to its default (or to ``base``'s value) and yields a warning the app shows once.
    """
    settings = Settings() if base is None else base
    warnings: list[str] = []
    known = {f.name: f for f in fields(Settings)}
    for name, value in data.items():
        if name not in known:
            continue
        try:
            candidate = replace(settings, **{name: _coerce(name, value)})
        except (TypeError, ValueError) as error:
            # Translators: {name} is the setting's key in the file (break_seconds); {error} is
            # why ("expected true or false"), itself translated.
            text = _("The setting “{name}” had an unusable value ({error}); using default.")
            warnings.append(text.format(name=name, error=error))
            continue
        settings = candidate
    return settings, warnings


def _coerce(name: str, value: Any) -> Any:
    special = _COERCE.get(name)
    if special is not None:
        return special(value)
    if name in ("break_seconds", "auto_start_seconds"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(_("expected a number of seconds"))
        return int(value)
    if name in ("reduced_motion", "autostart"):
        if value is not None and not isinstance(value, bool):
            raise TypeError(_("expected true, false or null"))
        return value
    if name == "lock_after_minutes":
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError(_("expected a number of minutes or null"))
        return value
    if name in ("mood_check", "global_shortcut", "phase_sound"):
        if not isinstance(value, bool):
            raise TypeError(_("expected true or false"))
        return value
    return _text(value)


def _protection(value: Any) -> Protection | None:
    """The value is not repeated in the warning: someone may have typed a secret there."""
    choices = {protection.value: protection for protection in Protection}
    if value is not None and value not in choices:
        raise ValueError(_("expected {choices} or null").format(choices=", ".join(choices)))
    return None if value is None else choices[value]


def _appearance(value: Any) -> Appearance | None:
    choices = {appearance.value: appearance for appearance in Appearance}
    if value is not None and value not in choices:
        raise ValueError(_("expected {choices} or null").format(choices=", ".join(choices)))
    return None if value is None else choices[value]


def _language(value: Any) -> str | None:
    """A tag as written anywhere ("pt-BR", "pt_BR.UTF-8"); empty or null follows the desktop."""
    if value is not None and not isinstance(value, str):
        raise TypeError(_("expected a language tag such as es or pt_BR, or null"))
    return normalize(value) if value and value.strip() else None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(_("expected text"))
    return value


#: Settings whose values need more than a type check.
_COERCE: Mapping[str, Callable[[Any], Any]] = {
    "reminders": reminder_settings_from_mapping,
    "journal_protection": _protection,
    "appearance": _appearance,
    "language": _language,
}


def settings_to_mapping(settings: Settings) -> dict[str, Any]:
    data = asdict(settings)
    data["reminders"] = reminder_settings_to_mapping(settings.reminders)
    protection = settings.journal_protection
    data["journal_protection"] = None if protection is None else protection.value
    data["appearance"] = None if settings.appearance is None else settings.appearance.value
    return data

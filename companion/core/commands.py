"""What a second launch (or a softphone script) can ask the running app to do."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from companion.core.calls import Reason, check_intensity, clean_text, parse_reason
from companion.core.i18n import _

#: A request longer than this is not a request Companion sends.
MAX_MESSAGE_BYTES = 4096
#: A callback's "when" ("15:30", "in 2h") is short; anything longer is cut, then read.
MAX_WHEN_LENGTH = 40
#: Activation tokens and startup ids are opaque, short and printable ASCII (mutter's are a UUID
#: and "_TIME<ms>", about 50 characters); anything else did not come from a launcher.
MAX_TOKEN_LENGTH = 255
#: Where a launcher puts them (the xdg-activation and startup-notification specifications).
ACTIVATION_TOKEN_VARIABLE = "XDG_ACTIVATION_TOKEN"
STARTUP_ID_VARIABLE = "DESKTOP_STARTUP_ID"


class Action(enum.StrEnum):
    SHOW = "show"
    TAG = "tag"
    BREAK = "break"
    JOURNAL = "journal"
    INSIGHTS = "insights"
    QUIT = "quit"
    CALLBACK = "callback"
    SETTINGS = "settings"


@dataclass(frozen=True)
class Command:
    action: Action
    reason: Reason | None = None
    intensity: int | None = None
    case_ref: str | None = None
    #: For CALLBACK: "15:30" or "in 2 hours", read by the running app against its clock.
    when: str | None = None
    #: What the launcher gave the sending process so the window it asks for may take the
    #: focus: XDG_ACTIVATION_TOKEN (Wayland) and DESKTOP_STARTUP_ID (X11; GLib before 2.76
    #: also puts the Wayland token there). Opaque; the running app hands them to the desktop.
    activation_token: str | None = None
    startup_id: str | None = None

    def to_json(self) -> bytes:
        data: dict[str, Any] = {"action": self.action.value}
        if self.reason is not None:
            data["reason"] = self.reason.value
        if self.intensity is not None:
            data["intensity"] = self.intensity
        if self.case_ref is not None:
            data["case_ref"] = self.case_ref
        if self.when is not None:
            data["when"] = self.when
        if self.activation_token is not None:
            data["activation_token"] = self.activation_token
        if self.startup_id is not None:
            data["startup_id"] = self.startup_id
        return json.dumps(data).encode("utf-8") + b"\n"


class Outcome(enum.StrEnum):
    """How a command went, as the running Companion answers it (the first word of a reply)."""

    OK = "ok"
    #: Not a command Companion understands; nothing was done.
    REFUSED = "error"
    #: Understood and acted on, but it could not be stored (the message says why).
    NOT_SAVED = "unsaved"
    #: Acted on and kept only in the temporary journal, while the journal file can't be
    #: opened: lost at quit unless the file opens first (the message says so).
    TEMPORARY = "temporary"
    #: Never sent by a server: nobody was listening, or it took the message and never answered.
    NOT_RUNNING = "not-running"
    NOT_RESPONDING = "not-responding"


#: Replies are short; a longer one is cut (the sender only shows it).
MAX_REPLY_CHARS = 400


@dataclass(frozen=True)
class Reply:
    """The running Companion's answer, sent only after it has acted (and stored) the command."""

    outcome: Outcome
    message: str = ""

    def to_bytes(self) -> bytes:
        text = " ".join(self.message.split())[:MAX_REPLY_CHARS]
        line = f"{self.outcome.value}: {text}" if text else self.outcome.value
        return line.encode("utf-8", errors="replace") + b"\n"


def reply_from_bytes(raw: bytes) -> Reply:
    """Read a server's reply line; anything unreadable counts as no answer."""
    line = raw.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    word, _, message = line.partition(":")
    try:
        outcome = Outcome(word.strip())
    except ValueError:
        return Reply(Outcome.NOT_RESPONDING)
    return Reply(outcome, message.strip())


class BadCommand(ValueError):
    """A message that is not a command we understand; the text says why, for the sender."""


def command_from_json(raw: bytes) -> Command:
    """Parse one message line strictly: anything odd is refused, nothing is guessed."""
    if len(raw) > MAX_MESSAGE_BYTES:
        # Translators: these refusals go back to whatever sent a command to the running
        # Companion (a second launch prints them after "Companion:"); small letter.
        raise BadCommand(_("message too long"))
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        # RecursionError: "[[[[..." nested a few thousand deep fits in one message.
        raise BadCommand(_("not a JSON message")) from error
    if not isinstance(data, dict):
        raise BadCommand(_("not a JSON object"))
    try:
        action = Action(str(data.get("action")))
    except ValueError as error:
        raise BadCommand(_("unknown action")) from error
    reason, intensity, case_ref = data.get("reason"), data.get("intensity"), data.get("case_ref")
    if reason is not None and not isinstance(reason, str):
        raise BadCommand(_("reason must be text"))
    if intensity is not None and (isinstance(intensity, bool) or not isinstance(intensity, int)):
        raise BadCommand(_("intensity must be a whole number"))
    if case_ref is not None and not isinstance(case_ref, str):
        raise BadCommand(_("case_ref must be text"))
    when = data.get("when")
    if when is not None and not isinstance(when, str):
        raise BadCommand(_("when must be text"))
    try:
        return Command(
            action=action,
            reason=parse_reason(reason),
            intensity=check_intensity(intensity),
            case_ref=clean_text(case_ref, 80, single_line=True),
            when=clean_text(when, MAX_WHEN_LENGTH, single_line=True),
            activation_token=_strict_token(data.get("activation_token")),
            startup_id=_strict_token(data.get("startup_id")),
        )
    except ValueError as error:
        raise BadCommand(str(error)) from error


def is_token(value: object) -> TypeGuard[str]:
    """Whether ``value`` looks like an activation token or startup id a launcher makes."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_TOKEN_LENGTH
        and all("!" <= ch <= "~" for ch in value)
    )


def launch_tokens(environ: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(activation token, startup id) from a launched process's environment; odd values,
    which no launcher makes, are left out rather than refused: the command still goes."""
    token, startup = environ.get(ACTIVATION_TOKEN_VARIABLE), environ.get(STARTUP_ID_VARIABLE)
    return (token if is_token(token) else None, startup if is_token(startup) else None)


def _strict_token(value: object) -> str | None:
    if value is None:
        return None
    if not is_token(value):
        raise BadCommand(_("an activation token is short printable text"))
    return value

"""What a second launch (or a softphone script) can ask the running app to do."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import Any

from companion.core.calls import Reason, check_intensity, clean_text, parse_reason

#: A request longer than this is not a request Companion sends.
MAX_MESSAGE_BYTES = 4096
#: A callback's "when" ("15:30", "in 2h") is short; anything longer is cut, then read.
MAX_WHEN_LENGTH = 40


class Action(enum.StrEnum):
    SHOW = "show"
    TAG = "tag"
    BREAK = "break"
    JOURNAL = "journal"
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
        raise BadCommand("message too long")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        # RecursionError: "[[[[..." nested a few thousand deep fits in one message.
        raise BadCommand("not a JSON message") from error
    if not isinstance(data, dict):
        raise BadCommand("not a JSON object")
    try:
        action = Action(str(data.get("action")))
    except ValueError as error:
        raise BadCommand("unknown action") from error
    reason, intensity, case_ref = data.get("reason"), data.get("intensity"), data.get("case_ref")
    if reason is not None and not isinstance(reason, str):
        raise BadCommand("reason must be text")
    if intensity is not None and (isinstance(intensity, bool) or not isinstance(intensity, int)):
        raise BadCommand("intensity must be a whole number")
    if case_ref is not None and not isinstance(case_ref, str):
        raise BadCommand("case_ref must be text")
    when = data.get("when")
    if when is not None and not isinstance(when, str):
        raise BadCommand("when must be text")
    try:
        return Command(
            action=action,
            reason=parse_reason(reason),
            intensity=check_intensity(intensity),
            case_ref=clean_text(case_ref, 80, single_line=True),
            when=clean_text(when, MAX_WHEN_LENGTH, single_line=True),
        )
    except ValueError as error:
        raise BadCommand(str(error)) from error

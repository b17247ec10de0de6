"""Commands from a second launch: strict parsing, nothing guessed, nothing raised but BadCommand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.core.calls import Reason
from companion.core.commands import (
    MAX_MESSAGE_BYTES,
    Action,
    BadCommand,
    Command,
    Outcome,
    Reply,
    command_from_json,
    launch_tokens,
    reply_from_bytes,
)


def test_round_trip() -> None:
    command = Command(Action.TAG, reason=Reason.ANGRY, intensity=3, case_ref="4711")
    assert command_from_json(command.to_json().strip()) == command


def test_a_launchers_tokens_travel_with_the_command() -> None:
    command = Command(
        Action.BREAK,
        activation_token="0d6a4f9e-2c1b-4e55-9a57-5f1c8e3d2b10_TIME1234",  # mutter's shape
        startup_id="gnome-shell/Companion/2446-1-vm_TIME6545286",
    )
    assert command_from_json(command.to_json().strip()) == command


@pytest.mark.parametrize(
    "token",
    ['""', '"has space"', '"tab\\tin"', '"caf\\u00e9"', '"' + "x" * 256 + '"', "42", "[]"],
)
def test_odd_tokens_are_refused(token: str) -> None:
    for field in ("activation_token", "startup_id"):
        with pytest.raises(BadCommand):
            command_from_json(f'{{"action": "tag", "{field}": {token}}}'.encode())


def test_only_tokens_a_launcher_could_have_made_are_taken_from_the_environment() -> None:
    environ = {"XDG_ACTIVATION_TOKEN": "abc_TIME1", "DESKTOP_STARTUP_ID": "has space"}
    assert launch_tokens(environ) == ("abc_TIME1", None)
    assert launch_tokens({}) == (None, None)
    assert launch_tokens({"DESKTOP_STARTUP_ID": "id_TIME2"}) == (None, "id_TIME2")


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe",
        b"[]",
        b'{"action": "format-disk"}',
        b'{"action": "tag", "intensity": "5"}',
        b'{"action": "tag", "intensity": true}',
        b'{"action": "tag", "intensity": 9}',
        b'{"action": "tag", "reason": 3}',
        b'{"action": "tag", "reason": "grumpy"}',
        b'{"action": "tag", "case_ref": ["x"]}',
        b'{"action": "tag"' + b" " * MAX_MESSAGE_BYTES + b"}",
        b"[" * 3000,  # deeper than json's recursion limit: RecursionError, once a crash
    ],
)
def test_bad_messages_are_refused(raw: bytes) -> None:
    with pytest.raises(BadCommand):
        command_from_json(raw)


@given(st.binary(max_size=600))
def test_any_bytes_give_a_command_or_bad_command(raw: bytes) -> None:
    try:
        command = command_from_json(raw)
    except BadCommand:
        return
    assert isinstance(command.action, Action)


@given(outcome=st.sampled_from(list(Outcome)), message=st.text(max_size=600))
def test_replies_survive_the_wire_as_one_line(outcome: Outcome, message: str) -> None:
    raw = Reply(outcome, message).to_bytes()
    assert raw.count(b"\n") == 1
    back = reply_from_bytes(raw)
    assert back.outcome is outcome
    assert back.message == " ".join(message.split())[:400].strip()


@given(st.binary(max_size=200))
def test_any_reply_bytes_read_as_some_outcome(raw: bytes) -> None:
    assert isinstance(reply_from_bytes(raw).outcome, Outcome)

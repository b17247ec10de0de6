"""The socket under stress: replies come after the work, garbage from other processes is refused,
clients that hang are cut off, and a frozen Companion is reported instead of waited for."""

from __future__ import annotations

import base64
import json
import logging
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from companion.core.calls import Reason
from companion.core.commands import Action, Command, Outcome, Reply
from companion.system import single_instance
from companion.system.single_instance import InstanceServer, send_to_running, server_name
from tests.unit.system.ipc_helpers import exchange

pytestmark = pytest.mark.usefixtures("listener_kind")
GOOD = Command(Action.TAG, reason=Reason.ANGRY, case_ref="CS-1")


class Recorder:
    def __init__(self, reply: Reply | None = None) -> None:
        self.commands: list[Command] = []
        self.reply = reply or Reply(Outcome.OK)

    def __call__(self, command: Command) -> Reply:
        self.commands.append(command)
        return self.reply


@pytest.fixture
def server(tmp_path: Path) -> InstanceServer:
    os.chmod(tmp_path, 0o700)
    started = InstanceServer(server_name(tmp_path))
    assert started.listen()
    yield started  # type: ignore[misc]
    started.close()


def test_the_reply_is_the_handlers_and_comes_after_it_ran(
    qtbot: QtBot, server: InstanceServer, tmp_path: Path
) -> None:
    handler = Recorder(Reply(Outcome.NOT_SAVED, "disk full"))
    server.set_handler(handler)

    assert exchange(qtbot, server_name(tmp_path), GOOD.to_json()) == b"unsaved: disk full\n"
    assert handler.commands == [GOOD]


def test_a_handler_that_breaks_still_answers_and_reaches_the_excepthook(
    qtbot: QtBot, server: InstanceServer, tmp_path: Path
) -> None:
    def broken(command: Command) -> Reply:
        raise RuntimeError("a bug")

    server.set_handler(broken)
    with qtbot.capture_exceptions() as caught:
        reply = exchange(qtbot, server_name(tmp_path), GOOD.to_json())
    assert reply.startswith(b"unsaved: Something went wrong")
    assert [kind for kind, *_ in caught] == [RuntimeError]


def test_a_frozen_companion_is_reported_quickly_not_waited_for(
    server: InstanceServer, tmp_path: Path
) -> None:
    # This thread never returns to the event loop while sending: the server is "frozen".
    started = time.monotonic()
    reply = send_to_running(server_name(tmp_path), GOOD, reply_timeout_ms=300)
    assert reply.outcome is Outcome.NOT_RESPONDING
    assert time.monotonic() - started < 2


FIELDS = ["action", "reason", "intensity", "case_ref", "when"]
ODD_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([a.value for a in Action] + [r.value for r in Reason] + ["15:30", "2h"])
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=200),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)
#: Messages shaped like commands: known fields (and others) holding values of any JSON type.
JSON_MESSAGES = st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=12), ODD_VALUES, max_size=6
).map(lambda message: json.dumps(message).encode() + b"\n")
ODD_TEXT = st.text(st.characters(exclude_categories=()), max_size=300)  # lone surrogates too
#: Commands as a script might send them, with odd text in every text field.
NEAR_COMMANDS = st.fixed_dictionaries(
    {"action": st.sampled_from([a.value for a in Action])},
    optional={
        "reason": st.sampled_from([r.value for r in Reason] + [r.label for r in Reason]) | ODD_TEXT,
        "intensity": st.integers(-2, 8),
        "case_ref": ODD_TEXT,
        "when": ODD_TEXT,
    },
).map(lambda message: json.dumps(message).encode() + b"\n")
#: Raw bytes, always finished with a newline (an unfinished message only waits for more).
RAW_MESSAGES = st.binary(max_size=5000).map(lambda payload: payload + b"\n")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(NEAR_COMMANDS, JSON_MESSAGES, RAW_MESSAGES))
@example(data=b'{"action": "tag", "intensity": true, "case_ref": "CS-1"}\n')
@example(data=b'{"action": "callback", "when": ["15:30"], "case_ref": null}\n')
@example(data=b'{"action": "tag", "case_ref": "CS\\u0000\\n' + b"9" * 300 + b'"}\n')
def test_any_message_is_answered_and_only_a_clean_command_acted_on(
    qtbot: QtBot, server: InstanceServer, tmp_path: Path, data: bytes
) -> None:
    handler = Recorder()
    server.set_handler(handler)

    reply = exchange(qtbot, server_name(tmp_path), data)

    assert reply.startswith((b"error", b"ok")), reply
    assert reply.startswith(b"ok") == bool(handler.commands)
    event("acted on" if handler.commands else "refused")
    for command in handler.commands:
        assert isinstance(command.action, Action)
        assert command.reason is None or isinstance(command.reason, Reason)
        assert command.intensity is None or 1 <= command.intensity <= 5
        for text, longest in ((command.case_ref, 80), (command.when, 40)):
            assert text is None or (text.isprintable() and 0 < len(text) <= longest)


def test_a_refused_message_is_logged_without_its_words(
    qtbot: QtBot, server: InstanceServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server.set_handler(Recorder())
    message = b'{"action": "tag", "reason": "CS-4711 shouted at me"}\n'

    with caplog.at_level(logging.DEBUG):
        reply = exchange(qtbot, server_name(tmp_path), message)

    assert reply.startswith(b"error: ") and b"CS-4711" in reply  # the sender sees why
    assert "malformed" in caplog.text
    assert "CS-4711" not in caplog.text and "shouted" not in caplog.text


SENDER = r"""
import base64, json, socket, sys
name, payloads = sys.argv[1], json.load(sys.stdin)
replies, hanging = [], []
for _ in range(40):  # connect and say nothing: must not block anyone else
    s = socket.socket(socket.AF_UNIX); s.connect(name); hanging.append(s)
for encoded in payloads:
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(3)
    s.connect(name)
    try:
        s.sendall(base64.b64decode(encoded))
        reply = b""
        while b"\n" not in reply:
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
    except OSError as error:  # the server hung up on a huge message: fine
        reply = b"closed:" + type(error).__name__.encode()
    replies.append(reply.decode("utf-8", "replace"))
    s.close()
print(json.dumps(replies))
"""


def hostile_payloads() -> list[bytes]:
    rng = random.Random(6)
    fixed = [
        b"\x00" * 100 + b"\n",
        b'{"action": "tag", "intensity": 1e309}\n',
        b'{"action": "tag", "reason": "angry", "case_ref": "' + b"A" * 5000 + b'"}\n',
        b'{"action": "quit"' + b" " * 10_000_000,  # 10 MB, no newline
        b"[" * 3000 + b"\n",  # deeply nested
        b'{"action": "tag"}\n{"action": "quit"}\n',  # only the first line counts
        b'{"action": "\\ud800"}\n',
        b"\xff\xfe\xfd\n",
    ]
    randoms = [rng.randbytes(rng.randrange(1, 3000)) + b"\n" for _ in range(150)]
    return fixed + randoms


def test_garbage_from_another_process_is_refused_and_the_server_keeps_working(
    qtbot: QtBot, server: InstanceServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(single_instance, "CLIENT_TIMEOUT_MS", 500)
    handler = Recorder()
    server.set_handler(handler)
    payloads = hostile_payloads()
    sender = subprocess.Popen(
        [sys.executable, "-c", SENDER, server_name(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sender.stdin is not None
    sender.stdin.write(json.dumps([base64.b64encode(p).decode() for p in payloads]))
    sender.stdin.close()
    qtbot.waitUntil(lambda: sender.poll() is not None, timeout=60_000)
    assert sender.stdout is not None
    with sender.stdout:
        replies = json.loads(sender.stdout.read())

    assert len(replies) == len(payloads)
    ok = [i for i, reply in enumerate(replies) if reply.startswith("ok")]
    assert ok == [5], replies  # only the well-formed tag, and only its first line
    assert [c.action for c in handler.commands] == [Action.TAG]
    assert all(r.startswith(("error", "ok", "closed:")) for r in replies), replies
    assert exchange(qtbot, server_name(tmp_path), GOOD.to_json()) == b"ok\n"

"""The single-instance socket: good commands arrive, garbage is answered and dropped."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from companion.core.calls import Reason
from companion.core.commands import Action, Command, Outcome, Reply
from companion.system.single_instance import (
    InstanceLock,
    InstanceServer,
    send_to_running,
    server_name,
)
from tests.unit.system.ipc_helpers import exchange


def test_server_name_lives_in_the_private_dir(tmp_path: Path) -> None:
    assert server_name(tmp_path).startswith(str(tmp_path))
    assert server_name(tmp_path) != server_name(tmp_path / "other")


def test_lock_is_exclusive(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path), InstanceLock(tmp_path)
    assert first.try_acquire()
    assert not second.try_acquire()
    first.release()
    assert second.try_acquire()
    second.release()


@pytest.mark.usefixtures("listener_kind")
def test_commands_reach_the_server_and_garbage_does_not(qtbot: QtBot, tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o700)
    name = server_name(tmp_path)
    server = InstanceServer(name)
    assert server.listen()
    assert stat.S_IMODE(os.stat(name).st_mode) & 0o077 == 0
    received: list[Command] = []

    def handler(command: Command) -> Reply:
        received.append(command)
        return Reply(Outcome.OK)

    server.set_handler(handler)
    assert exchange(qtbot, name, b"\x00\xffgarbage\n").startswith(b"error")
    assert exchange(qtbot, name, b'{"action": "rm -rf"}\n').startswith(b"error")
    assert exchange(qtbot, name, b"x" * 10_000).startswith(b"error")
    command = Command(Action.TAG, reason=Reason.ESCALATED)
    assert exchange(qtbot, name, command.to_json()) == b"ok\n"
    assert received == [command]  # handled before the reply was sent
    server.close()


def test_send_without_a_server_says_no(tmp_path: Path) -> None:
    reply = send_to_running(server_name(tmp_path), Command(Action.SHOW), timeout_ms=200)
    assert reply.outcome is Outcome.NOT_RUNNING

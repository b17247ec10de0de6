"""The command line hands on the focus a launcher gave it (issue #11, focus on Wayland)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from companion import launch
from companion.cli import main
from companion.core.commands import Action, Command, Outcome, Reply
from companion.system import single_instance
from companion.system.paths import ensure_private_dir
from companion.system.policy_file import POLICY_FILE_ENV
from companion.system.single_instance import InstanceLock

TOKEN = "7f0d2c55-3b1e-4a8e-9b9a-2f6e1d0c4b3a_TIME81234"


@pytest.fixture
def sent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Command]]:
    """What a second launch hands the running Companion (a lock is held, as by one)."""
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(POLICY_FILE_ENV, str(tmp_path / "policy.toml"))
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    monkeypatch.delenv("DESKTOP_STARTUP_ID", raising=False)
    commands: list[Command] = []

    def send(name: str, command: Command) -> Reply:
        commands.append(command)
        return Reply(Outcome.OK)

    monkeypatch.setattr(single_instance, "send_to_running", send)
    monkeypatch.setattr(launch, "run", lambda name, first: pytest.fail("started a second app"))
    running = InstanceLock(ensure_private_dir(tmp_path / "data"))
    assert running.try_acquire()
    yield commands
    running.release()


def test_a_wayland_token_goes_with_the_command(
    sent: list[Command], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", TOKEN)
    assert main(["tag", "--case", "4711"]) == 0
    assert sent == [Command(Action.TAG, case_ref="4711", activation_token=TOKEN)]


def test_a_startup_id_goes_with_the_command(
    sent: list[Command], monkeypatch: pytest.MonkeyPatch
) -> None:
    """X11's, or a Wayland token that GLib before 2.76 passes only as DESKTOP_STARTUP_ID."""
    monkeypatch.setenv("DESKTOP_STARTUP_ID", TOKEN)
    assert main(["break"]) == 0
    assert sent == [Command(Action.BREAK, startup_id=TOKEN)]


def test_without_a_launcher_nothing_is_invented(sent: list[Command]) -> None:
    assert main(["journal"]) == 0
    assert sent == [Command(Action.JOURNAL)]


def test_an_odd_value_is_left_behind_and_the_command_still_goes(
    sent: list[Command], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "not a token")
    assert main(["break"]) == 0
    assert sent == [Command(Action.BREAK)]

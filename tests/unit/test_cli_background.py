"""Login starts: `companion --background` opens no window and respects "Start with my computer"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion import launch
from companion.cli import build_parser, main
from companion.core.commands import Action, Command, Outcome, Reply
from companion.system import single_instance
from companion.system.paths import ensure_private_dir
from companion.system.policy_file import POLICY_FILE_ENV
from companion.system.single_instance import InstanceLock


class Launches:
    """What the command line would have done: started the app, or handed a command over."""

    def __init__(self) -> None:
        self.started: list[Command | None] = []
        self.sent: list[Command] = []

    def run(self, name: str, first: Command | None) -> int:
        self.started.append(first)
        return 0

    def send(self, name: str, command: Command) -> Reply:
        self.sent.append(command)
        return Reply(Outcome.OK)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("COMPANION_DATA_DIR", str(folder))
    monkeypatch.setenv(POLICY_FILE_ENV, str(tmp_path / "policy.toml"))
    return folder


@pytest.fixture
def launches(monkeypatch: pytest.MonkeyPatch) -> Launches:
    seen = Launches()
    monkeypatch.setattr(launch, "run", seen.run)
    monkeypatch.setattr(single_instance, "send_to_running", seen.send)
    return seen


def test_a_quiet_launch_beside_a_running_companion_hands_it_nothing(
    data_dir: Path, launches: Launches
) -> None:
    running = InstanceLock(ensure_private_dir(data_dir))
    assert running.try_acquire()

    assert main(["--background"]) == 0
    assert launches.sent == [] and launches.started == []

    # A plain second launch, by contrast, asks the running one to show itself.
    assert main([]) == 0
    assert launches.sent == [Command(Action.SHOW)]
    running.release()


def test_a_first_quiet_launch_starts_companion_with_nothing_to_open(
    data_dir: Path, launches: Launches
) -> None:
    assert main(["--background"]) == 0

    assert launches.started == [Command(Action.SHOW)]  # start() opens nothing for SHOW


def test_a_login_start_ends_at_once_when_the_agent_turned_autostart_off(
    data_dir: Path, launches: Launches
) -> None:
    ensure_private_dir(data_dir)
    (data_dir / "settings.json").write_text(json.dumps({"autostart": False}), encoding="utf-8")

    assert main(["--background"]) == 0

    assert launches.started == [] and launches.sent == []
    assert not (data_dir / "instance.lock").exists()
    assert main([]) == 0 and len(launches.started) == 1  # starting it by hand still works


def test_it_policy_forcing_autostart_overrules_an_old_off(
    data_dir: Path, launches: Launches, tmp_path: Path
) -> None:
    ensure_private_dir(data_dir)
    (data_dir / "settings.json").write_text(json.dumps({"autostart": False}), encoding="utf-8")
    (tmp_path / "policy.toml").write_text("force_autostart = true\n", encoding="utf-8")

    assert main(["--background"]) == 0

    assert launches.started == [Command(Action.SHOW)]


def test_background_takes_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--background", "journal"])

    assert exit_info.value.code == 2
    assert "takes no command" in capsys.readouterr().err
    assert "--background" in build_parser().format_help()


def test_quit_without_a_data_folder_makes_none(data_dir: Path, launches: Launches) -> None:
    """The uninstaller runs `companion quit` for an account that may never have used it."""
    assert main(["quit"]) == 0

    assert not data_dir.exists() and launches.sent == []

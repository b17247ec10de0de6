"""The command line parses and checks its arguments before anything starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from companion import __version__
from companion.cli import build_parser, command_from_args, main
from companion.core.calls import InvalidCallDetail, Reason
from companion.core.commands import Action


def parse(*argv: str):  # type: ignore[no-untyped-def]
    return command_from_args(build_parser().parse_args(list(argv)))


def test_commands() -> None:
    assert parse().action is Action.SHOW
    assert parse("break").action is Action.BREAK
    assert parse("journal").action is Action.JOURNAL
    tag = parse("tag", "--reason", "abusive", "--intensity", "4", "--case", "CS-1")
    assert (tag.action, tag.reason, tag.intensity, tag.case_ref) == (
        Action.TAG,
        Reason.ABUSIVE,
        4,
        "CS-1",
    )


def test_bad_arguments_are_refused_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InvalidCallDetail):
        parse("tag", "--intensity", "7")
    with pytest.raises(SystemExit) as exit_info:
        main(["tag", "--reason", "grumpy"])
    assert exit_info.value.code == 2
    assert "grumpy" in capsys.readouterr().err


def test_version_and_help_answer_without_starting_anything() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "companion", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in out.stdout
    helped = subprocess.run(
        [sys.executable, "-m", "companion", "--help"], capture_output=True, text=True, check=True
    )
    assert "tag" in helped.stdout and "journal" in helped.stdout


def test_without_a_display_it_says_so_in_one_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "COMPANION_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "companion"], capture_output=True, text=True, env=env, timeout=30
    )
    assert result.returncode == 1
    assert "xvfb-run" in result.stderr
    assert "Aborted" not in result.stderr and "Traceback" not in result.stderr


def test_a_data_folder_that_cannot_be_used_still_starts_companion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file where the folder should be (ENOTDIR, which no root can write through): the app
    starts, its lock and socket in a private runtime folder; the app itself says why."""
    (tmp_path / "data").write_text("not a folder")
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700)
    monkeypatch.setattr("companion.system.display.display_problem", lambda: None)
    locks: list[list[Path]] = []

    def run(name: str, command: object) -> int:
        locks.append(list((tmp_path / "run").glob("companion-*/instance.lock")))
        return 0

    monkeypatch.setattr("companion.launch.run", run)

    assert main(["tag"]) == 0

    assert len(locks) == 1 and len(locks[0]) == 1  # it ran, holding a lock there
    assert capsys.readouterr().err == ""

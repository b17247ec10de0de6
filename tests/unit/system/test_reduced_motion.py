"""The desktop's reduced-motion wish: GNOME through gsettings (a fake runner), KDE's file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from companion.system.reduced_motion import (
    GNOME_ANIMATIONS,
    kde_animations_off,
    run_command,
    system_prefers_reduced_motion,
)


class FakeRunner:
    """Answers one command with ``output`` (None: not installed, failed or hung)."""

    def __init__(self, output: str | None) -> None:
        self.output = output
        self.commands: list[tuple[str, ...]] = []

    def __call__(self, command: Sequence[str]) -> str | None:
        self.commands.append(tuple(command))
        return self.output


def linux(home: Path, run: FakeRunner, **env: str) -> bool:
    return system_prefers_reduced_motion({"HOME": str(home), **env}, "linux", run)


@pytest.mark.parametrize(
    ("answer", "reduced"),
    [("false\n", True), ("true\n", False), (None, False), ("", False), ("'maybe'\n", False)],
)
def test_gnome_enable_animations_is_read_through_gsettings(
    tmp_path: Path, answer: str | None, reduced: bool
) -> None:
    run = FakeRunner(answer)
    assert linux(tmp_path, run) is reduced
    assert run.commands == [GNOME_ANIMATIONS]


def test_the_override_wins_and_nothing_is_run(tmp_path: Path) -> None:
    run = FakeRunner("false\n")
    assert linux(tmp_path, run, COMPANION_REDUCED_MOTION="0") is False
    assert linux(tmp_path, run, COMPANION_REDUCED_MOTION="yes") is True
    assert run.commands == []


def write_kdeglobals(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kdeglobals").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("text", "off"),
    [
        ("[KDE]\nAnimationDurationFactor=0\n", True),
        (
            "[General]\nColorScheme=Breeze\n\n[KDE]\nLookAndFeelPackage=x\n"
            "AnimationDurationFactor = 0.0\n",
            True,
        ),
        ("[KDE]\nAnimationDurationFactor=0.5\n", False),
        ("[KDE]\nAnimationDurationFactor=fast\n", False),
        ("[General]\nAnimationDurationFactor=0\n", False),
        ("[KDE]\nSingleClick=false\n", False),
        ("\xff\x00 not an ini file", False),
    ],
)
def test_kde_instant_animations_are_read_from_kdeglobals(
    tmp_path: Path, text: str, off: bool
) -> None:
    assert kde_animations_off(write_kdeglobals(tmp_path, text)) is off


def test_kde_is_found_under_xdg_config_home_or_home_and_needs_no_process(tmp_path: Path) -> None:
    write_kdeglobals(tmp_path / "home" / ".config", "[KDE]\nAnimationDurationFactor=0\n")
    assert linux(tmp_path / "home", FakeRunner("true\n")) is True
    elsewhere = write_kdeglobals(tmp_path / "xdg", "[KDE]\nAnimationDurationFactor=1\n")
    run = FakeRunner("true\n")
    assert linux(tmp_path / "home", run, XDG_CONFIG_HOME=str(elsewhere)) is False
    assert kde_animations_off(tmp_path / "nowhere") is False


def test_macos_reads_reduce_motion(tmp_path: Path) -> None:
    run = FakeRunner("1\n")
    assert system_prefers_reduced_motion({}, "darwin", run) is True
    assert run.commands[0][:2] == ("defaults", "read")


def test_the_real_runner_answers_none_for_a_missing_or_failing_command() -> None:
    assert run_command(["companion-no-such-command-anywhere"]) is None
    assert run_command(["false"]) is None
    assert run_command(["echo", "false"]) == "false\n"

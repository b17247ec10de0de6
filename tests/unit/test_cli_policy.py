"""`companion policy`: every key, its value now and where it comes from, without the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from companion.cli import main
from companion.core.policy import POLICY_KEYS, POLICY_SETTINGS
from companion.system.policy_file import POLICY_FILE_ENV


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    policy = tmp_path / "etc-companion"
    (policy / "policy.d").mkdir(parents=True)
    data = tmp_path / "data"
    monkeypatch.setenv(POLICY_FILE_ENV, str(policy))
    monkeypatch.setenv("COMPANION_DATA_DIR", str(data))
    return policy, data


def rows(output: str) -> dict[str, str]:
    """``key -> the rest of its line`` from the table at the end."""
    table = output[output.index("\nKey ") + 1 :].splitlines()[1:]
    return {line.split()[0]: line.split(None, 1)[1] for line in table}


def test_every_key_with_its_value_and_origin(
    places: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    policy, data = places
    (policy / "policy.toml").write_text(
        "eap_contact = 'EAP: 0800 123 456'\n[locked]\nbreak_seconds = 90\n", encoding="utf-8"
    )
    (policy / "policy.d" / "50-site.toml").write_text(
        "[defaults]\npattern_key = 'box'\n[defaults.reminders]\nworking_days = [0, 1, 2]\n",
        encoding="utf-8",
    )
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"mood_check": False}), encoding="utf-8")

    assert main(["policy"]) == 0

    output = capsys.readouterr().out
    assert output.startswith("IT policy read from (a later one wins for the same key):\n")
    assert f"  {policy / 'policy.toml'}\n  {policy / 'policy.d' / '50-site.toml'}\n" in output
    table = rows(output)
    assert set(table) == POLICY_SETTINGS | POLICY_KEYS - {"defaults", "locked"}
    assert table["eap_contact"].split("  ")[0] == '"EAP: 0800 123 456"'
    assert table["eap_contact"].endswith(str(policy / "policy.toml"))
    assert table["break_seconds"].split() == ["90", "locked:", str(policy / "policy.toml")]
    assert table["pattern_key"].split() == [
        '"box"',
        "IT",
        "default:",
        str(policy / "policy.d" / "50-site.toml"),
    ]
    assert table["reminders.working_days"].startswith("[0, 1, 2]")
    assert table["mood_check"].split() == ["false", "user", f"({data / 'settings.json'})"]
    assert table["reminders.sound"].split() == ["false", "default"]
    assert table["autostart"].split() == ["(as", "installed)", "default"]


def test_problems_are_listed_and_the_exit_code_says_so(
    places: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    policy, _ = places
    (policy / "policy.toml").write_text("[locked]\nbreak_seconds = 90\n", encoding="utf-8")
    (policy / "policy.d" / "20-typo.toml").write_text("[defaults\n", encoding="utf-8")

    assert main(["policy"]) == 1

    captured = capsys.readouterr()
    bad = policy / "policy.d" / "20-typo.toml"
    assert f"Left out (everything else applies):\n  IT policy, {bad}, line 1," in captured.out
    assert rows(captured.out)["break_seconds"].startswith("90")
    assert captured.err == ""  # the log's copy of the problem stays out of the terminal


def test_no_policy_at_all(places: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, data = places

    assert main(["policy"]) == 0

    output = capsys.readouterr().out
    assert output.startswith("No IT policy on this computer")
    assert all(line.split()[-1] == "default" for line in output.splitlines()[3:])
    assert not data.exists()  # nothing made for an agent who never ran Companion


def test_it_runs_as_a_command_without_companion_running(places: tuple[Path, Path]) -> None:
    policy, _ = places
    (policy / "policy.toml").write_text("force_autostart = true\n", encoding="utf-8")

    done = subprocess.run(
        [sys.executable, "-m", "companion", "policy"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert rows(done.stdout)["autostart"].split()[:2] == ["true", "locked:"]


def test_the_report_can_go_to_a_file_for_windows_which_has_no_console(
    places: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy, _ = places
    (policy / "policy.toml").write_text("eap_contact = 'EAP'\n", encoding="utf-8")

    assert main(["policy", "--report", str(tmp_path / "policy.txt")]) == 0

    written = (tmp_path / "policy.txt").read_text(encoding="utf-8")
    assert written == capsys.readouterr().out and '"EAP"' in written
    assert main(["policy", "--report", str(tmp_path / "no" / "such" / "policy.txt")]) == 1
    assert "could not write" in capsys.readouterr().err

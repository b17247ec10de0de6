"""The settings the app runs on: the agent's file under IT's policy, and autostart to match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.core.policy import Policy
from companion.core.settings import Settings
from companion.system import effective_settings
from companion.system.effective_settings import (
    autostart_is_on,
    load_effective_settings,
    login_start_wanted,
    sync_autostart,
)
from companion.system.policy_file import POLICY_FILE_ENV


def files(tmp_path: Path, policy: str, user: dict[str, object]) -> tuple[Path, dict[str, str]]:
    (tmp_path / "policy.toml").write_text(policy, encoding="utf-8")
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps(user), encoding="utf-8")
    return settings, {POLICY_FILE_ENV: str(tmp_path / "policy.toml")}


def test_the_policy_is_laid_over_the_agents_file(tmp_path: Path) -> None:
    policy = (
        'eap_contact = "ext. 4242"\n[defaults]\nbreak_seconds = 90\n[locked]\nmood_check = true\n'
    )
    path, env = files(tmp_path, policy, {"pattern_key": "box", "mood_check": False})

    effective = load_effective_settings(path, env)

    assert effective.settings == Settings(pattern_key="box", break_seconds=90, mood_check=True)
    assert effective.locked == {"mood_check"} and effective.warnings == ()
    assert effective.policy.eap_contact == "ext. 4242"


def test_a_malformed_policy_runs_on_builtin_defaults_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path, env = files(tmp_path, "[locked\nmood_check = ", {"break_seconds": 120})

    effective = load_effective_settings(path, env)

    assert effective.policy == Policy() and effective.locked == frozenset()
    assert effective.settings == Settings(break_seconds=120)  # the agent's own choice stays
    assert len(effective.warnings) == 1 and "leaves this file out" in effective.warnings[0]
    assert "is damaged" in caplog.text


def test_many_policy_problems_become_one_message(tmp_path: Path) -> None:
    path, env = files(tmp_path, "a = 1\nb = 2\n[defaults]\nbreak_seconds = 1\n", {})

    effective = load_effective_settings(path, env)

    assert len(effective.warnings) == 1 and "3 problems" in effective.warnings[0]


def test_autostart_is_left_alone_until_someone_chooses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    # Not this machine's /etc/xdg: an installed .deb's system-wide entry would count as on.
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc-xdg"))
    entry = tmp_path / "autostart" / "companion.desktop"

    assert sync_autostart(Settings()) is None
    assert not entry.exists()
    assert sync_autostart(Settings(autostart=True), ["companion"]) is None
    assert entry.is_file()
    assert sync_autostart(Settings(autostart=False), ["companion"]) is None
    assert not entry.exists()


def test_an_autostart_failure_is_a_warning_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(enabled: bool, command: list[str]) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(effective_settings, "set_autostart", refuse)

    warning = sync_autostart(Settings(autostart=True), ["companion"])

    assert warning is not None and "Permission denied" in warning


class MachineEntry:
    """An entry the agent cannot remove (a per-machine install's HKLM Run value)."""

    def enable(self, command: list[str]) -> None: ...
    def disable(self) -> None: ...
    def is_enabled(self) -> bool:
        return True


def test_the_checkbox_shows_the_agents_choice_over_a_machine_wide_entry() -> None:
    assert not autostart_is_on(Settings(autostart=False), MachineEntry())
    assert autostart_is_on(Settings(autostart=True), MachineEntry())
    assert autostart_is_on(Settings(), MachineEntry())  # nobody chose: the entry counts


def test_a_login_start_ends_when_the_agent_turned_autostart_off(tmp_path: Path) -> None:
    path, env = files(tmp_path, "", {"autostart": False})
    assert not login_start_wanted(path, env)

    path, env = files(tmp_path, "", {"autostart": True})
    assert login_start_wanted(path, env)

    path, env = files(tmp_path, "", {})
    assert login_start_wanted(path, env)  # nobody chose: the installer's entry counts


def test_it_policy_decides_a_login_start_when_it_locks_autostart(tmp_path: Path) -> None:
    path, env = files(tmp_path, "force_autostart = true\n", {"autostart": False})
    assert login_start_wanted(path, env)

    path, env = files(tmp_path, "[locked]\nautostart = false\n", {"autostart": True})
    assert not login_start_wanted(path, env)


def test_policy_problems_and_settings_file_problems_are_kept_apart(tmp_path: Path) -> None:
    """Saving mends the agent's file; only IT can mend the policy (so it stays reported)."""
    path, env = files(tmp_path, "[locked\n", {})
    path.write_text("{not json", encoding="utf-8")

    effective = load_effective_settings(path, env)

    assert len(effective.policy_warnings) == 1 and "is damaged" in effective.policy_warnings[0]
    assert effective.settings_warnings == (
        "Your settings file is damaged; Companion is using its defaults.",
    )
    assert effective.warnings == (*effective.policy_warnings, *effective.settings_warnings)

"""Reading IT's policy from a TOML file, a managed plist and (faked) Windows registry."""

from __future__ import annotations

import plistlib
import re
import tomllib
from pathlib import Path

import pytest

from companion.core.policy import POLICY_KEYS, POLICY_SETTINGS, Policy, policy_from_mapping
from companion.system import policy_file
from companion.system.policy_file import (
    POLICY_FILE_ENV,
    load_policy,
    read_policy,
    read_policy_file,
)
from companion.system.policy_registry import WINDOWS_POLICY_KEY
from companion.system.settings_file import load_settings_mapping, save_settings_mapping
from tests.fakes import FailingRegistry, FakeRegistry

GOOD_TOML = """
eap_contact = "Employee Assistance: 0800 123 456 (24 h, free)"
force_autostart = true

[defaults]
pattern_key = "box"
break_seconds = 90

[locked]
mood_check = true
"""
KEY = WINDOWS_POLICY_KEY


def write(tmp_path: Path, text: str, name: str = "policy.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_toml_file(tmp_path: Path) -> None:
    policy, warnings = load_policy({POLICY_FILE_ENV: str(write(tmp_path, GOOD_TOML))})

    assert warnings == []
    assert dict(policy.defaults) == {"pattern_key": "box", "break_seconds": 90}
    assert policy.locked == {"mood_check", "autostart"}
    assert policy.eap_contact == "Employee Assistance: 0800 123 456 (24 h, free)"


def test_no_file_is_no_policy(tmp_path: Path) -> None:
    assert load_policy({POLICY_FILE_ENV: str(tmp_path / "absent.toml")}) == (Policy(), [])


def test_a_partial_file_keeps_what_it_can(tmp_path: Path) -> None:
    path = write(tmp_path, '[defaults]\nbreak_seconds = 9999\npattern_key = "478"\nfoo = 1\n')

    policy, warnings = read_policy_file(path)

    assert dict(policy.defaults) == {"pattern_key": "478"}
    assert len(warnings) == 2


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("[defaults\nbreak_seconds = 90", "line 1, column 10"),  # broken TOML
        ("pattern_key = 'box'\nbreak_seconds = = 3", "line 2, column 17"),
        ("a = 1\na = 2", "end of document"),  # a key twice
        ("eap_contact = 'ok'\n\udcff", "line 2"),  # not UTF-8 once written with surrogateescape
    ],
    ids=["unclosed-table", "double-equals", "key-twice", "not-utf8"],
)
def test_a_malformed_file_is_left_out_with_its_line(tmp_path: Path, text: str, place: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))

    policy, warnings = read_policy_file(path)

    assert policy == Policy()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"IT policy, {path}, {place}: the file is damaged")
    assert "leaves this file out" in warnings[0]


def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    policy, warnings = read_policy_file(tmp_path)  # a directory cannot be read as a file

    assert policy == Policy() and "could not be read" in warnings[0]


def test_linux_reads_etc_companion_and_its_drop_ins_by_default() -> None:
    loaded = read_policy({}, platform="linux")

    assert Path("/etc/companion/policy.toml") in loaded.watch
    assert Path("/etc/companion/policy.d") in loaded.watch


def managed_plist(folder: Path, data: dict[str, object]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "com.companion.app.plist"
    path.write_bytes(plistlib.dumps(data, fmt=plistlib.FMT_BINARY))


def test_a_managed_plist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = {
        "defaults": {"break_seconds": 120},
        "locked": {"pattern_key": "box"},
        "eap_contact": "x",
    }
    managed_plist(tmp_path, data)
    monkeypatch.setattr(policy_file, "MAC_MANAGED_PREFERENCES", tmp_path)

    policy, warnings = load_policy({"USER": "sam"}, platform="darwin")

    assert warnings == [] and policy.locked == {"pattern_key"}
    assert dict(policy.defaults) == {"break_seconds": 120}


def test_a_profile_scoped_to_the_user_wins_over_the_computers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    managed_plist(tmp_path, {"locked": {"pattern_key": "box"}})
    managed_plist(tmp_path / "sam", {"locked": {"break_seconds": 90}})
    monkeypatch.setattr(policy_file, "MAC_MANAGED_PREFERENCES", tmp_path)

    sams, _ = load_policy({"USER": "sam"}, platform="darwin")
    alexs, _ = load_policy({"USER": "alex"}, platform="darwin")

    assert dict(sams.locked_values) == {"break_seconds": 90}
    assert dict(alexs.locked_values) == {"pattern_key": "box"}


def test_a_malformed_plist(tmp_path: Path) -> None:
    path = write(tmp_path, "<?xml version='1.0'?><plist><dict><key>a", "policy.plist")

    policy, warnings = read_policy_file(path)

    assert policy == Policy() and len(warnings) == 1


def test_the_windows_registry_wins_and_dwords_are_booleans(tmp_path: Path) -> None:
    registry = FakeRegistry(
        {
            ("HKLM", KEY): {"EAP_Contact": "Peer support: ext. 4242", "force_autostart": 1},
            ("HKLM", KEY + r"\defaults"): {"break_seconds": 60},
            ("HKLM", KEY + r"\locked"): {"mood_check": 0},
        }
    )
    (tmp_path / "Companion").mkdir()
    write(tmp_path / "Companion", "this file is broken =")  # never read: the registry wins

    policy, warnings = load_policy({"PROGRAMDATA": str(tmp_path)}, "win32", registry)

    assert warnings == []
    assert policy.eap_contact == "Peer support: ext. 4242" and policy.force_autostart
    assert dict(policy.locked_values) == {"mood_check": False}
    assert dict(policy.defaults) == {"break_seconds": 60}


def test_windows_without_a_registry_policy_reads_programdata(tmp_path: Path) -> None:
    folder = tmp_path / "Companion"
    folder.mkdir()
    write(folder, GOOD_TOML)

    policy, warnings = load_policy({"PROGRAMDATA": str(tmp_path)}, "win32", FakeRegistry())

    assert warnings == [] and policy.force_autostart


def test_an_unreadable_registry_means_builtin_defaults() -> None:
    policy, warnings = load_policy({}, "win32", FailingRegistry())

    assert policy == Policy() and "registry could not be read" in warnings[0]


def test_the_agents_file_is_read_as_saved_for_the_policy_to_lay_over(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings_mapping(path, {"break_seconds": 90, "reminders": {"sound": True}})

    assert load_settings_mapping(path) == ({"break_seconds": 90, "reminders": {"sound": True}}, [])
    assert load_settings_mapping(tmp_path / "none.json") == ({}, [])
    path.write_text("[1, 2", encoding="utf-8")
    assert load_settings_mapping(path)[0] == {} and len(load_settings_mapping(path)[1]) == 1


def test_the_documented_example_and_keys_match_the_code() -> None:
    docs = Path(__file__).resolve().parents[3] / "docs" / "policy-keys.md"
    text = docs.read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", text, re.S)
    assert example is not None

    policy, warnings = read_policy_text(example.group(1))

    assert warnings == [] and policy.locked
    for key in POLICY_SETTINGS | POLICY_KEYS:
        assert f"| `{key}` |" in text, key


def read_policy_text(text: str) -> tuple[Policy, list[str]]:
    return policy_from_mapping(tomllib.loads(text))

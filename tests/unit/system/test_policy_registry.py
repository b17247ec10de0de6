"""Windows policy from the (faked) registry: HKCU first, HKLM laid over it value by value."""

from __future__ import annotations

from pathlib import Path

from companion.system.policy_file import read_policy
from companion.system.policy_registry import WINDOWS_POLICY_KEY as KEY
from tests.fakes import FakeRegistry

HKLM = f"HKLM\\{KEY}"
HKCU = f"HKCU\\{KEY}"


def test_a_users_policy_alone_applies() -> None:
    registry = FakeRegistry(
        {("HKCU", KEY): {"eap_contact": "EAP"}, ("HKCU", KEY + r"\locked"): {"break_seconds": 90}}
    )

    loaded = read_policy({}, "win32", registry)

    assert loaded.policy.eap_contact == "EAP"
    assert dict(loaded.policy.locked_values) == {"break_seconds": 90}
    assert loaded.read == (HKCU,) and loaded.problems == ()


def test_the_computers_policy_wins_value_by_value_over_the_users() -> None:
    registry = FakeRegistry(
        {
            ("HKCU", KEY): {"eap_contact": "Team line", "force_autostart": 0},
            ("HKCU", KEY + r"\defaults"): {"break_seconds": 120, "pattern_key": "478"},
            ("HKLM", KEY): {"force_autostart": 1},
            ("HKLM", KEY + r"\defaults"): {"break_seconds": 60},
            ("HKLM", KEY + r"\locked"): {"reminders.working_days": "0,1,2,3"},
        }
    )

    loaded = read_policy({}, "win32", registry)

    policy, origins = loaded.policy, loaded.merged.origins
    assert loaded.read == (HKCU, HKLM)
    assert policy.force_autostart is True and origins["force_autostart"] == HKLM
    assert dict(policy.defaults) == {"break_seconds": 60, "pattern_key": "478"}
    assert origins["defaults.break_seconds"] == HKLM
    assert origins["defaults.pattern_key"] == HKCU
    assert policy.eap_contact == "Team line" and origins["eap_contact"] == HKCU
    assert dict(policy.locked_values) == {"reminders.working_days": [0, 1, 2, 3]}


def test_a_bad_value_names_its_hive_and_the_rest_applies() -> None:
    registry = FakeRegistry(
        {
            ("HKCU", KEY + r"\defaults"): {"break_seconds": "lots"},
            ("HKCU", KEY): {"Colour": "teal"},
            ("HKLM", KEY): {"eap_contact": "EAP"},
        }
    )

    loaded = read_policy({}, "win32", registry)

    assert loaded.problems == (
        f"IT policy, {HKCU}: “colour” is not a policy key Companion knows; it is ignored.",
        f"IT policy, {HKCU}: “defaults.break_seconds” has an unusable value ('lots'); "
        "it is ignored.",
    )
    assert loaded.policy.eap_contact == "EAP"


def test_a_registry_policy_means_programdata_is_not_read_but_watched(tmp_path: Path) -> None:
    folder = tmp_path / "Companion"
    folder.mkdir()
    (folder / "policy.toml").write_text("eap_contact = 'from the file'\n", encoding="utf-8")
    registry = FakeRegistry({("HKLM", KEY): {"force_autostart": 1}})

    loaded = read_policy({"PROGRAMDATA": str(tmp_path)}, "win32", registry)

    assert loaded.policy.eap_contact is None and loaded.read == (HKLM,)
    assert folder / "policy.toml" in loaded.watch

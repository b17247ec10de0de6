"""The agent's choice of where the journal key lives: a setting saved by name, never IT's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.core.journal_key import Protection
from companion.core.policy import Policy, apply_policy, policy_from_mapping, settings_to_save
from companion.core.settings import Settings, settings_from_mapping, settings_to_mapping
from companion.system.settings_file import load_settings, save_settings


def test_not_chosen_by_default() -> None:
    assert Settings().journal_protection is None
    assert settings_to_mapping(Settings())["journal_protection"] is None


@pytest.mark.parametrize("choice", [*Protection, None])
def test_saved_by_its_value_and_read_back(tmp_path: Path, choice: Protection | None) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(journal_protection=choice))

    saved = json.loads(path.read_text())["journal_protection"]
    assert saved == (None if choice is None else choice.value)
    assert load_settings(path) == (Settings(journal_protection=choice), [])


@pytest.mark.parametrize("value", ["hunter2-secret", 1, True, ["keychain"], "KEYCHAIN"])
def test_an_unusable_value_means_not_chosen_and_is_not_repeated(value: object) -> None:
    settings, warnings = settings_from_mapping({"journal_protection": value})

    assert settings.journal_protection is None
    assert len(warnings) == 1 and "journal_protection" in warnings[0]
    assert "hunter2" not in warnings[0]


def test_the_agents_choice_is_saved_and_it_policy_cannot_set_or_lock_it() -> None:
    chosen = Settings(journal_protection=Protection.KEY_FILE)
    assert settings_to_save(chosen, Policy()) == {"journal_protection": "key_file"}
    assert settings_to_save(Settings(), Policy()) == {}

    policy, warnings = policy_from_mapping(
        {
            "defaults": {"journal_protection": "none"},
            "locked": {"journal_protection": "none"},
        }
    )
    assert len(warnings) == 2 and all("not a setting a policy may set" in w for w in warnings)
    settings, locked, _ = apply_policy({"journal_protection": "passphrase"}, policy)
    assert settings.journal_protection is Protection.PASSPHRASE
    assert "journal_protection" not in locked

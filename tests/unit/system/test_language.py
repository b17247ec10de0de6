"""Which language Companion speaks: IT's lock, the agent's choice, IT's starting value, the
desktop's, in that order; right-to-left layouts even without a catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.core import i18n
from companion.system.language import chosen_language, install_language


@pytest.fixture
def desk(tmp_path: Path) -> dict[str, str]:
    """An environment with its own data folder and policy file (both empty to begin with)."""
    (tmp_path / "data").mkdir()
    return {
        "COMPANION_DATA_DIR": str(tmp_path / "data"),
        "COMPANION_POLICY_FILE": str(tmp_path / "policy.toml"),
    }


def write(desk: dict[str, str], *, settings: object = None, policy: str = "") -> None:
    if settings is not None:
        Path(desk["COMPANION_DATA_DIR"], "settings.json").write_text(json.dumps(settings))
    Path(desk["COMPANION_POLICY_FILE"]).write_text(policy)


def test_nothing_chosen_follows_the_desktop(desk: dict[str, str]) -> None:
    write(desk)
    assert chosen_language(desk) is None


def test_the_agents_choice_wins_over_its_starting_value(desk: dict[str, str]) -> None:
    write(desk, settings={"language": "pt-BR"}, policy='[defaults]\nlanguage = "de"\n')
    assert chosen_language(desk) == "pt_BR"


def test_its_starting_value_applies_when_the_agent_chose_nothing(desk: dict[str, str]) -> None:
    write(desk, settings={}, policy='[defaults]\nlanguage = "de"\n')
    assert chosen_language(desk) == "de"


def test_its_lock_wins_over_the_agents_choice(desk: dict[str, str]) -> None:
    write(desk, settings={"language": "es"}, policy='[locked]\nlanguage = "fr"\n')
    assert chosen_language(desk) == "fr"


def test_broken_files_follow_the_desktop_quietly(
    desk: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    Path(desk["COMPANION_DATA_DIR"], "settings.json").write_text("{not json")
    Path(desk["COMPANION_POLICY_FILE"]).write_text("language = [")
    assert chosen_language(desk) is None
    assert capsys.readouterr().err == ""  # the running app says what is wrong, not the CLI


def test_right_to_left_without_a_catalog_keeps_english_in_a_mirrored_layout(
    tmp_path: Path,
) -> None:
    try:
        assert i18n.install(["ar_EG", "he"], tmp_path) == "en"
        assert i18n.language() == "en"
        assert i18n.layout_language() == "ar_EG"
        assert i18n.is_right_to_left(i18n.layout_language())
        assert i18n.install(["he_IL", "en_US"], tmp_path) == "en_US"  # English as a fallback
        assert i18n.layout_language() == "he_IL"
        i18n.install(["en", "ar"], tmp_path)  # English first: English's direction
        assert i18n.layout_language() == "en"
    finally:
        i18n.install([], tmp_path)
    assert i18n.layout_language() == "en"


def test_the_agents_hebrew_mirrors_the_layout_before_any_catalog(desk: dict[str, str]) -> None:
    """From the settings file to the layout, as `companion` starts: no Hebrew catalog yet, so
    English sentences, in a right-to-left layout."""
    write(desk, settings={"language": "he"})
    try:
        assert install_language(desk) == "en"
        assert i18n.layout_language() == "he"
        assert install_language({**desk, "COMPANION_LANGUAGE": "en_GB"}) == "en_GB"
        assert i18n.layout_language() == "en_GB"  # the variable wins over everything
    finally:
        i18n.install([], Path(desk["COMPANION_DATA_DIR"]))

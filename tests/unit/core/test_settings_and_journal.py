"""Settings from loaded data, and journal helpers: tags, titles, prompts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from companion.core.journal import (
    MAX_TAG_LENGTH,
    REFLECTION_PROMPTS,
    draft_key,
    parse_tags,
    prompt_for,
    title_of,
)
from companion.core.moods import Mood, mood_change, mood_or_none
from companion.core.settings import Settings, settings_from_mapping, settings_to_mapping


def test_settings_round_trip() -> None:
    settings = Settings(pattern_key="box", break_seconds=90, reduced_motion=True)
    loaded, warnings = settings_from_mapping(settings_to_mapping(settings))
    assert loaded == settings and warnings == []


def test_bad_values_fall_back_one_by_one_with_warnings() -> None:
    loaded, warnings = settings_from_mapping(
        {"pattern_key": "nope", "break_seconds": 90, "mood_check": "yes", "future_key": 1}
    )
    assert loaded.pattern_key == Settings().pattern_key
    assert loaded.break_seconds == 90
    assert loaded.mood_check is True
    assert len(warnings) == 2


def test_reduced_motion_follows_system_unless_set() -> None:
    assert Settings().effective_reduced_motion(True) is True
    assert Settings(reduced_motion=False).effective_reduced_motion(True) is False


@given(st.text())
def test_tags_from_any_text_are_clean(text: str) -> None:
    tags = parse_tags(text)
    assert len(tags) == len(set(tags))
    for tag in tags:
        assert tag and len(tag) <= MAX_TAG_LENGTH and "," not in tag and not tag.startswith("#")


def test_tags_parse() -> None:
    assert parse_tags("#Refund, angry  angry,,escalation") == ("refund", "angry", "escalation")


def test_title_is_first_nonblank_line_shortened() -> None:
    assert title_of("\n\n  Hello there \nmore") == "Hello there"
    assert title_of("") == "(empty entry)"
    assert len(title_of("x" * 500)) == 80


def test_prompt_is_stable_per_seed_and_drafts_have_keys() -> None:
    assert prompt_for(7) == prompt_for(7) in REFLECTION_PROMPTS
    assert draft_key() == "new"
    assert draft_key(call_id=3) == "call:3"
    assert draft_key(entry_id=2, call_id=3) == "entry:2"


def test_moods() -> None:
    assert mood_or_none(9) is None
    assert mood_or_none(2) is Mood.LOW
    assert mood_change(Mood.LOW, Mood.CALM) == 2
    assert mood_change(None, Mood.CALM) is None

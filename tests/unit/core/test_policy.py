"""Admin policy: parsing, the overlay order, locks, and that the journal is out of its reach."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time
from typing import Any

import pytest

from companion.core.policy import (
    POLICY_KEYS,
    POLICY_SETTINGS,
    Policy,
    apply_policy,
    policy_from_mapping,
    settings_to_save,
)
from companion.core.policy_values import flatten
from companion.core.settings import Settings, settings_to_mapping

JOURNAL_WORDS = re.compile(
    r"journal|entr|export|send|upload|sync|share|backup|telemetry|report|url|path|dir|read"
)


def parsed(data: dict[str, Any]) -> Policy:
    policy, warnings = policy_from_mapping(data)
    assert warnings == []
    return policy


def test_a_full_policy_parses() -> None:
    policy = parsed(
        {
            "defaults": {"pattern_key": "box", "break_seconds": 90},
            "locked": {"mood_check": False},
            "eap_contact": "  EAP line:   0800 123 456  ",
            "force_autostart": True,
        }
    )

    assert dict(policy.defaults) == {"pattern_key": "box", "break_seconds": 90}
    assert dict(policy.locked_values) == {"mood_check": False}
    assert policy.locked == {"mood_check", "autostart"}
    assert policy.eap_contact == "EAP line: 0800 123 456"
    assert policy.force_autostart is True


def test_no_policy_changes_nothing() -> None:
    user = {"break_seconds": 120}
    settings, locked, warnings = apply_policy(user, Policy())

    assert settings == Settings(break_seconds=120)
    assert locked == frozenset() and warnings == []


def test_overlay_order_builtin_then_admin_defaults_then_user_then_lock() -> None:
    policy = parsed(
        {
            "defaults": {"pattern_key": "box", "break_seconds": 90, "mood_check": False},
            "locked": {"break_seconds": 60},
        }
    )
    user = {"pattern_key": "478", "break_seconds": 300}

    settings, locked, warnings = apply_policy(user, policy)

    assert settings.pattern_key == "478"  # the agent's choice beats IT's default
    assert settings.mood_check is False  # IT's default beats the built-in one
    assert settings.break_seconds == 60  # IT's lock beats the agent's choice
    assert settings.reduced_motion is None  # built-in default where nobody said anything
    assert locked == {"break_seconds"} and warnings == []


def test_a_bad_user_value_falls_back_to_the_admin_default_not_the_builtin() -> None:
    policy = parsed({"defaults": {"break_seconds": 90}})

    settings, _, warnings = apply_policy({"break_seconds": "lots"}, policy)

    assert settings.break_seconds == 90
    assert len(warnings) == 1 and "break_seconds" in warnings[0]


def test_force_autostart_locks_autostart_on() -> None:
    policy = parsed({"force_autostart": True, "defaults": {"autostart": False}})

    settings, locked, _ = apply_policy({"autostart": False}, policy)

    assert settings.autostart is True and "autostart" in locked


def test_a_partial_policy_keeps_every_usable_part() -> None:
    policy, warnings = policy_from_mapping(
        {
            "defaults": {"pattern_key": "no-such-pattern", "break_seconds": 120},
            "locked": {"break_seconds": 5, "mood_check": True},
            "eap_contact": 42,
            "force_autostart": "yes",
            "colour": "teal",
        }
    )

    assert dict(policy.defaults) == {"break_seconds": 120}
    assert dict(policy.locked_values) == {"mood_check": True}
    assert policy.eap_contact is None and policy.force_autostart is False
    assert len(warnings) == 5
    assert all(w.startswith("IT policy:") for w in warnings)


@pytest.mark.parametrize("section", ["defaults", "locked"])
def test_a_section_that_is_not_a_table_is_ignored(section: str) -> None:
    policy, warnings = policy_from_mapping({section: "break_seconds=90"})

    assert policy == Policy() and len(warnings) == 1


def test_registry_dwords_stand_for_booleans() -> None:
    policy = parsed({"locked": {"mood_check": 0, "autostart": 1}, "force_autostart": 0})

    assert dict(policy.locked_values) == {"mood_check": False, "autostart": True}
    assert policy.force_autostart is False


def test_a_long_contact_is_refused_and_blank_is_none() -> None:
    assert policy_from_mapping({"eap_contact": "x" * 201})[0].eap_contact is None
    assert parsed({"eap_contact": "   "}).eap_contact is None


def test_the_care_pages_texts_are_plain_one_line_text_of_bounded_length() -> None:
    policy, warnings = policy_from_mapping(
        {
            "limits_text": "  You may end\nan abusive call   after one warning. ",
            "phone_hint": "Press <b>Not Ready</b> first.",
        }
    )
    assert policy.limits_text == "You may end an abusive call after one warning."
    assert policy.phone_hint == "Press <b>Not Ready</b> first."  # shown as plain text
    assert warnings == []

    refused, warnings = policy_from_mapping({"limits_text": "x" * 401, "phone_hint": 7})
    assert refused.limits_text is None and refused.phone_hint is None
    assert [w.split("”")[0] for w in warnings] == [
        "IT policy: “limits_text",
        "IT policy: “phone_hint",
    ]


def test_policy_settings_are_real_settings_and_none_touches_the_journal() -> None:
    names = set(flatten(settings_to_mapping(Settings())))
    assert names >= POLICY_SETTINGS
    # journal_encryption may only make the journal harder to read (required) or leave it as
    # the agent keeps it (off): it never reads, moves or sends a word of it.
    for name in POLICY_SETTINGS | POLICY_KEYS - {"locked", "defaults", "journal_encryption"}:
        assert not JOURNAL_WORDS.search(name), name


@pytest.mark.parametrize(
    "key",
    [
        "journal",
        "journal_export",
        "export_journal",
        "export_dir",
        "send_journal",
        "upload_url",
        "journal_path",
        "sync",
        "telemetry",
        "read_journal",
    ],
)
@pytest.mark.parametrize("section", ["top", "defaults", "locked"])
def test_no_journal_related_key_can_be_set(key: str, section: str) -> None:
    data: dict[str, Any] = {key: True} if section == "top" else {section: {key: True}}

    policy, warnings = policy_from_mapping(data)
    settings, locked, _ = apply_policy({}, policy)

    assert len(warnings) == 1 and key in warnings[0]
    assert policy == Policy() and settings == Settings() and locked == frozenset()


def test_reminder_parts_are_laid_one_by_one() -> None:
    policy = parsed(
        {
            "defaults": {"reminders": {"nudge_calls": 4, "sound": True}},
            "locked": {"reminders": {"shift_start": "08:00", "shift_end": "16:30"}},
        }
    )
    user = {"reminders": {"nudge_calls": 5, "shift_end": "20:00", "rate_limit_minutes": 30}}

    settings, locked, warnings = apply_policy(user, policy)

    reminders = settings.reminders
    assert (reminders.nudge_calls, reminders.rate_limit_minutes) == (5, 30)  # the agent's
    assert reminders.sound is True  # IT's default
    assert (reminders.shift_start, reminders.shift_end) == (time(8), time(16, 30))  # locked
    assert locked == {"reminders.shift_start", "reminders.shift_end"} and warnings == []


def test_a_lock_holds_even_when_the_agents_value_would_clash_with_it() -> None:
    policy = parsed({"locked": {"reminders": {"shift_end": "12:00"}}})

    settings, _, warnings = apply_policy({"reminders": {"shift_start": "12:00"}}, policy)

    assert settings.reminders.shift_end == time(12) and settings.reminders.shift_start == time(9)
    assert len(warnings) == 1 and "reminders" in warnings[0]


def test_registry_and_toml_shapes_are_accepted() -> None:
    policy = parsed(
        {
            "defaults": {
                "reminders.working_days": "0,1,2,3",  # a registry REG_SZ
                "reminders.shift_start": time(7, 30),  # a TOML local time
                "reminders.sound": 1,  # a registry DWORD
            },
            "locked": {"reminders.working_days": ["5", "6"]},  # a registry REG_MULTI_SZ
        }
    )

    assert dict(policy.defaults) == {
        "reminders.working_days": [0, 1, 2, 3],
        "reminders.shift_start": "07:30",
        "reminders.sound": True,
    }
    assert dict(policy.locked_values) == {"reminders.working_days": [5, 6]}


def test_an_unknown_or_bad_reminder_part_is_refused_alone() -> None:
    policy, warnings = policy_from_mapping(
        {"defaults": {"reminders": {"nudge_calls": 99, "colour": "x", "away_minutes": 5}}}
    )

    assert dict(policy.defaults) == {"reminders.away_minutes": 5}
    assert len(warnings) == 2


def test_only_the_agents_own_choices_are_saved() -> None:
    policy = parsed({"defaults": {"break_seconds": 90}, "locked": {"reminders": {"sound": True}}})
    settings, _, _ = apply_policy({"pattern_key": "box"}, policy)
    changed = replace(
        settings, mood_check=False, reminders=replace(settings.reminders, away_minutes=9)
    )

    saved = settings_to_save(changed, policy)

    assert saved == {"pattern_key": "box", "mood_check": False, "reminders": {"away_minutes": 9}}
    assert apply_policy(saved, policy)[0] == changed

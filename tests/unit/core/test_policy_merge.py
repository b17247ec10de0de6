"""Policy sources laid in order, and where each effective value comes from."""

from __future__ import annotations

from typing import Any

from companion.core.journal_key import Encryption
from companion.core.policy import policy_entries
from companion.core.policy_merge import (
    MergedPolicy,
    Origin,
    PolicySource,
    effective_values,
    merge_sources,
)


def source(where: str, data: dict[str, Any]) -> PolicySource:
    entries, problems = policy_entries(data)
    assert problems == []
    return PolicySource(where, entries)


def test_a_later_source_wins_key_by_key_and_keeps_what_it_does_not_name() -> None:
    merged = merge_sources(
        [
            source("a", {"defaults": {"break_seconds": 90, "reminders": {"sound": True}}}),
            source("b", {"defaults": {"break_seconds": 120}, "eap_contact": "EAP"}),
            source("c", {"locked": {"reminders.sound": False}}),
        ]
    )

    assert dict(merged.policy.defaults) == {"break_seconds": 120, "reminders.sound": True}
    assert dict(merged.policy.locked_values) == {"reminders.sound": False}
    assert merged.policy.eap_contact == "EAP"
    assert dict(merged.origins) == {
        "defaults.break_seconds": "b",
        "defaults.reminders.sound": "a",
        "eap_contact": "b",
        "locked.reminders.sound": "c",
    }


def test_a_later_source_can_turn_a_top_level_key_back() -> None:
    merged = merge_sources(
        [
            source("a", {"force_autostart": True, "journal_encryption": "off", "eap_contact": "x"}),
            source("b", {"force_autostart": False, "journal_encryption": "required"}),
            source("c", {"eap_contact": "  "}),  # empty: no contact line at all
        ]
    )

    assert merged.policy.force_autostart is False
    assert merged.policy.journal_encryption is Encryption.REQUIRED
    assert merged.policy.eap_contact is None


def test_a_bad_value_in_a_later_source_leaves_the_earlier_value() -> None:
    later, problems = policy_entries(
        {"journal_encryption": "of", "defaults": {"break_seconds": "ninety"}}
    )
    merged = merge_sources(
        [
            source("a", {"journal_encryption": "off", "defaults": {"break_seconds": 90}}),
            PolicySource("b", later),
        ]
    )

    assert [problem.key for problem in problems] == ["defaults.break_seconds", "journal_encryption"]
    assert merged.policy.journal_encryption is Encryption.OFF
    assert dict(merged.policy.defaults) == {"break_seconds": 90}


def test_no_sources_is_no_policy() -> None:
    assert merge_sources([]) == MergedPolicy()


def by_key(rows: list[Any]) -> dict[str, tuple[Any, Origin, str | None]]:
    return {row.key: (row.value, row.origin, row.where) for row in rows}


def test_every_value_says_where_it_comes_from() -> None:
    merged = merge_sources(
        [
            source("/etc/companion/policy.toml", {"defaults": {"pattern_key": "box"}}),
            source(
                "HKLM\\Software\\Policies\\Companion",
                {"locked": {"break_seconds": 90}, "force_autostart": True},
            ),
        ]
    )
    user = {"break_seconds": 300, "mood_check": False, "reminders": {"nudge_calls": 99}}

    rows = by_key(effective_values(user, merged))

    assert rows["pattern_key"] == ("box", Origin.POLICY_DEFAULT, "/etc/companion/policy.toml")
    assert rows["break_seconds"] == (90, Origin.LOCKED, "HKLM\\Software\\Policies\\Companion")
    assert rows["autostart"] == (True, Origin.LOCKED, "HKLM\\Software\\Policies\\Companion")
    assert rows["force_autostart"] == (True, Origin.POLICY, "HKLM\\Software\\Policies\\Companion")
    assert rows["mood_check"] == (False, Origin.USER, None)
    # The agent's unusable value is not theirs: the built-in default applies.
    assert rows["reminders.nudge_calls"] == (3, Origin.BUILT_IN, None)
    assert rows["eap_contact"] == (None, Origin.BUILT_IN, None)
    assert rows["journal_encryption"] == ("default", Origin.BUILT_IN, None)


def test_the_report_lists_every_key_once() -> None:
    from companion.core.policy import POLICY_KEYS, POLICY_SETTINGS

    keys = [row.key for row in effective_values({}, MergedPolicy())]

    assert sorted(keys) == sorted(POLICY_SETTINGS | (POLICY_KEYS - {"defaults", "locked"}))

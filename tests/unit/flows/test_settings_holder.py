"""The settings holder: one copy, `changed` once per real change, IT's locks kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from companion.core.policy import Policy
from companion.core.reminder_settings import ReminderSettings
from companion.core.settings import Settings
from companion.flows.settings_holder import SettingsHolder

POLICY = Policy(
    defaults=MappingProxyType({"break_seconds": 90}),
    locked_values=MappingProxyType({"mood_check": False, "reminders.sound": False}),
)
UNDER_POLICY = Settings(break_seconds=90, mood_check=False, reminders=ReminderSettings(sound=False))


class Recorder:
    def __init__(self, holder: SettingsHolder) -> None:
        self.changed: list[Settings] = []
        self.saved: list[Settings] = []
        self.not_saved: list[str] = []
        holder.changed.connect(self.changed.append)
        holder.saved.connect(self.saved.append)
        holder.not_saved.connect(self.not_saved.append)


def test_changed_is_emitted_once_per_real_change() -> None:
    written: list[Mapping[str, Any]] = []
    holder = SettingsHolder(Settings(), write=written.append)
    heard = Recorder(holder)

    holder.save(Settings(break_seconds=120))
    holder.save(Settings(break_seconds=120))

    assert holder.settings == Settings(break_seconds=120)
    assert heard.changed == [Settings(break_seconds=120)]
    assert heard.saved == [Settings(break_seconds=120)] * 2, "every save, changed or not"
    assert written == [{"break_seconds": 120}] * 2


def test_locked_fields_are_kept_from_the_policy() -> None:
    written: list[Mapping[str, Any]] = []
    holder = SettingsHolder(UNDER_POLICY, policy=POLICY, write=written.append)
    heard = Recorder(holder)
    asked = replace(
        UNDER_POLICY,
        mood_check=True,
        reminders=ReminderSettings(sound=True, reflection=False),
    )

    holder.save(asked)

    expected = replace(UNDER_POLICY, reminders=ReminderSettings(sound=False, reflection=False))
    assert holder.settings == expected
    assert heard.changed == [expected]
    assert holder.locked == frozenset({"mood_check", "reminders.sound"})
    # Only the agent's own choice is written: IT's locks and defaults stay IT's.
    assert written == [{"reminders": {"reflection": False}}]


def test_a_file_that_cannot_be_written_still_applies_the_settings() -> None:
    def full_disk(_: Mapping[str, Any]) -> None:
        raise OSError(28, "No space left on device")

    holder = SettingsHolder(Settings(), write=full_disk)
    heard = Recorder(holder)

    holder.save(Settings(mood_check=False))

    assert holder.settings == Settings(mood_check=False)
    assert heard.not_saved == ["[Errno 28] No space left on device"]
    assert heard.changed == [Settings(mood_check=False)]


def test_the_agents_warnings_last_until_they_save_and_its_policys_stay() -> None:
    holder = SettingsHolder(
        policy_warnings=("IT's policy has a problem.",),
        settings_warnings=("Your settings file is damaged.",),
    )
    holder.add_warning("Companion could not change whether it starts with your computer.")
    assert holder.warnings == (
        "IT's policy has a problem.",
        "Your settings file is damaged.",
        "Companion could not change whether it starts with your computer.",
    )
    holder.save(Settings())
    assert holder.warnings == ("IT's policy has a problem.",)


def test_a_new_policy_keeps_the_agents_choices_and_applies_its_defaults_and_locks() -> None:
    written: list[Mapping[str, Any]] = []
    holder = SettingsHolder(UNDER_POLICY, policy=POLICY, write=written.append)
    holder.save(replace(UNDER_POLICY, pattern_key="box"))  # the agent's own choice
    heard = Recorder(holder)
    policies: list[Policy] = []
    holder.policy_changed.connect(policies.append)
    written.clear()
    new = Policy(
        defaults=MappingProxyType({"break_seconds": 120}),  # they never chose: it follows
        locked_values=MappingProxyType({"reminders.sound": True}),  # a lock that changed
    )

    holder.use_policy(new, ("IT policy, /etc/companion/policy.toml, line 2: ...",))

    expected = replace(
        UNDER_POLICY,
        pattern_key="box",
        break_seconds=120,
        mood_check=True,  # no longer locked off: back to the built-in default
        reminders=ReminderSettings(sound=True),
    )
    assert holder.settings == expected and heard.changed == [expected]
    assert heard.saved == [expected]  # login items are made to match again
    assert policies == [new] and holder.policy is new
    assert holder.locked == {"reminders.sound"}
    assert holder.warnings == ("IT policy, /etc/companion/policy.toml, line 2: ...",)
    assert written == []  # the agent's file holds their choices, which did not change


def test_the_same_policy_again_changes_nothing() -> None:
    holder = SettingsHolder(UNDER_POLICY, policy=POLICY)
    heard = Recorder(holder)

    holder.use_policy(POLICY)

    assert heard.changed == [] and holder.settings == UNDER_POLICY

"""The settings Companion runs on: the agent's file under IT's policy, and autostart to match."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from companion.core.i18n import _, ngettext
from companion.core.policy import Policy, apply_policy
from companion.core.settings import Settings
from companion.system.autostart import (
    Autostart,
    autostart_command,
    autostart_for,
    set_autostart,
)
from companion.system.policy_file import load_policy
from companion.system.settings_file import load_settings_mapping

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EffectiveSettings:
    settings: Settings
    policy: Policy
    #: Names the settings window shows as set by IT (``reminders.shift_end`` for a part).
    locked: frozenset[str]
    #: What is wrong with IT's policy, folded into one message. It stays true (and shown in
    #: the settings window) until IT fixes the policy, whatever the agent saves.
    policy_warnings: tuple[str, ...] = ()
    #: What was wrong with the agent's own settings file; saving their settings mends it.
    settings_warnings: tuple[str, ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        return (*self.policy_warnings, *self.settings_warnings)


def load_effective_settings(
    settings_path: Path, env: Mapping[str, str] | None = None
) -> EffectiveSettings:
    policy, policy_problems = load_policy(env)
    user, file_warnings = load_settings_mapping(settings_path)
    settings, locked, value_warnings = apply_policy(user, policy)
    if locked:
        log.info("settings locked by IT policy: %s", ", ".join(sorted(locked)))
    policy_only = apply_policy({}, policy)[2]
    own = [text for text in value_warnings if text not in policy_only]
    notice = policy_notice(policy, policy_problems)
    return EffectiveSettings(settings, policy, locked, notice, (*file_warnings, *own))


def policy_notice(policy: Policy, problems: Sequence[str]) -> tuple[str, ...]:
    """What the agent is shown about IT's policy (one sentence, or none).

    Value problems that arise with no agent settings at all are IT's too (a lock that clashes
    with a default, say); ``problems`` (the sources' own) were logged as they were read.
    """
    policy_only = apply_policy({}, policy)[2]
    for text in policy_only:
        log.warning("%s", text)
    everything = [*problems, *policy_only]
    return (_policy_notice(everything),) if everything else ()


def autostart_is_on(settings: Settings, autostart: Autostart | None = None) -> bool:
    """Whether Companion starts at login now, as the settings window's checkbox shows it.

    The agent's choice (or IT's lock) when there is one: a machine-wide entry the agent turned
    off still exists, but its login start ends at once (``login_start_wanted``). Otherwise
    whatever entry is there: the agent's own or one an installer put in a system folder.
    """
    if settings.autostart is not None:
        return settings.autostart
    try:
        return (autostart_for() if autostart is None else autostart).is_enabled()
    except OSError as error:
        log.warning("could not read the autostart entry: %s", error)
        return False


def login_start_wanted(settings_path: Path, env: Mapping[str, str] | None = None) -> bool:
    """False when the agent (or IT's lock) turned autostart off: a login start then ends.

    Entries the agent can't remove (``HKLM`` Run, ``/etc/xdg/autostart`` on a desktop that
    ignores ``Hidden=true``) still start ``companion --background``; this is where their
    choice holds. Read before anything else loads, so such a start costs a fraction of a second.
    """
    return load_effective_settings(settings_path, env).settings.autostart is not False


def sync_autostart(settings: Settings, command: Sequence[str] | None = None) -> str | None:
    """Make the login items match the setting, if anyone chose; a warning if that failed."""
    if settings.autostart is None:
        return None
    try:
        set_autostart(settings.autostart, autostart_command() if command is None else command)
    except OSError as error:
        log.warning("autostart could not be changed: %s", error)
        return _(
            "Companion could not change whether it starts with your computer ({reason}). "
            "Everything else works as usual."
        ).format(reason=error.strerror or error)
    return None


def _policy_notice(problems: list[str]) -> str:
    if len(problems) == 1:
        return problems[0]
    return ngettext(
        "Your IT department's settings for Companion have {count} problem; the details are "
        "in Companion's log. Everything else works as usual.",
        "Your IT department's settings for Companion have {count} problems; the details are "
        "in Companion's log. Everything else works as usual.",
        len(problems),
    ).format(count=len(problems))

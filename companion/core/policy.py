"""Admin policy: IT's defaults and locks laid over the agent's settings; never the journal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from companion.core.i18n import _, ngettext
from companion.core.journal_key import Encryption
from companion.core.policy_values import flatten, layer, loosen, nest
from companion.core.settings import Settings, settings_to_mapping

#: The only settings a policy may set or lock; a section's parts are named with a dot. An
#: allowlist, not "every setting but ...": a setting added later stays out of IT's reach until
#: someone decides it belongs here. Nothing that reads, exports or sends the journal may ever
#: be added (a test checks the names).
POLICY_SETTINGS = frozenset(
    {
        "pattern_key",
        "break_seconds",
        "mood_check",
        "global_shortcut",
        "reduced_motion",
        "autostart",
        "language",
        "reminders.enabled",
        "reminders.nudge_calls",
        "reminders.nudge_window_minutes",
        "reminders.rate_limit_minutes",
        "reminders.shift_start",
        "reminders.shift_end",
        "reminders.working_days",
        "reminders.reflection",
        "reminders.away_minutes",
        "reminders.sound",
    }
)
#: Top-level keys of a policy; anything else is ignored with a warning.
POLICY_KEYS = frozenset(
    {
        "defaults",
        "locked",
        "eap_contact",
        "limits_text",
        "phone_hint",
        "force_autostart",
        "journal_encryption",
    }
)
MAX_CONTACT_LENGTH = 200
#: IT's own words for the care pages (issue #10), shown as plain text: each key's longest.
TEXT_KEYS: Mapping[str, int] = MappingProxyType(
    {"eap_contact": MAX_CONTACT_LENGTH, "limits_text": 400, "phone_hint": 200}
)


@dataclass(frozen=True)
class Policy:
    """What IT decided. Empty (the default) means no policy: the agent decides everything."""

    defaults: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: Values IT enforces; their names are the settings shown as locked.
    locked_values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    eap_contact: str | None = None
    #: What the organisation lets an agent do with an abusive call (end it after a warning,
    #: pass it to a team lead), in IT's words; None: a neutral sentence stands in.
    limits_text: str | None = None
    #: How to go "not ready" in this centre's phone system before a break; None: not shown.
    phone_hint: str | None = None
    force_autostart: bool = False
    #: Whether the journal must, may or must not be encrypted (issue #9).
    journal_encryption: Encryption = Encryption.DEFAULT

    @property
    def locked(self) -> frozenset[str]:
        names = set(self.locked_values)
        if self.force_autostart:
            names.add("autostart")
        return frozenset(names)


@dataclass(frozen=True)
class PolicyProblem:
    """One part of a policy that is ignored, and why.

    ``key`` names the part as written (``defaults.reminders.sound``), so a reader can say
    where it is (a file's line); None when the problem is the whole source.
    """

    key: str | None
    text: str


def policy_from_mapping(data: Mapping[str, Any]) -> tuple[Policy, list[str]]:
    """A policy from parsed data (TOML, plist or registry), keeping every usable part.

    Unknown keys and unusable values are ignored, each with a warning for the log and for the
    agent, so one typo never takes the rest of IT's policy with it.
    """
    entries, problems = policy_entries(data)
    # Translators: {problem} is one of the policy's problems, a sentence of its own.
    said = _("IT policy: {problem}")
    return policy_from_entries(entries), [said.format(problem=p.text) for p in problems]


def policy_entries(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[PolicyProblem]]:
    """The usable parts of one source as flat entries, and the problems with the rest.

    Entries are what the source really says: ``eap_contact``, ``force_autostart``,
    ``journal_encryption``, ``defaults.<setting>`` and ``locked.<setting>``, so several
    sources can be laid one over the other part by part (``companion.core.policy_merge``).
    """
    problems = [
        PolicyProblem(
            str(name),
            _("“{key}” is not a policy key Companion knows; it is ignored.").format(key=name),
        )
        for name in data
        if name not in POLICY_KEYS
    ]
    entries: dict[str, Any] = {}
    for section in ("defaults", "locked"):
        if section in data:
            table = _settings_table(data[section], section, problems)
            entries.update({f"{section}.{name}": value for name, value in table.items()})
    for name in TEXT_KEYS:
        if name in data:
            _text(name, data[name], entries, problems)
    if "force_autostart" in data:
        force = loosen("autostart", data["force_autostart"])
        if isinstance(force, bool):
            entries["force_autostart"] = force
        else:
            problems.append(
                PolicyProblem(
                    "force_autostart",
                    _("“{key}” should be true or false; it is ignored.").format(
                        key="force_autostart"
                    ),
                )
            )
    if "journal_encryption" in data:
        _encryption(data["journal_encryption"], entries, problems)
    return entries, problems


def policy_from_entries(entries: Mapping[str, Any]) -> Policy:
    """The policy the flat entries of :func:`policy_entries` (perhaps merged) describe."""

    def table(section: str) -> Mapping[str, Any]:
        prefix = f"{section}."
        return MappingProxyType(
            {key.removeprefix(prefix): v for key, v in entries.items() if key.startswith(prefix)}
        )

    return Policy(
        defaults=table("defaults"),
        locked_values=table("locked"),
        eap_contact=entries.get("eap_contact"),
        limits_text=entries.get("limits_text"),
        phone_hint=entries.get("phone_hint"),
        force_autostart=entries.get("force_autostart", False),
        journal_encryption=entries.get("journal_encryption", Encryption.DEFAULT),
    )


def apply_policy(
    user: Mapping[str, Any], policy: Policy
) -> tuple[Settings, frozenset[str], list[str]]:
    """Built-in defaults < IT defaults < the agent's settings < IT locks.

    ``user`` is the settings file as loaded (sections nested). Locks are applied before the
    agent's values so that a lock always holds, even when an agent's value would clash with
    it; the agent's value for a locked setting is ignored. Returns the settings, the names of
    the locked ones (``reminders.shift_end`` for a section's part) and warnings.
    """
    locked_values = dict(policy.locked_values)
    if policy.force_autostart:
        locked_values["autostart"] = True
    base, admin_warnings = layer(Settings(), policy.defaults)
    base, lock_warnings = layer(base, locked_values)
    own = {name: value for name, value in flatten(user).items() if name not in policy.locked}
    settings, warnings = layer(base, own)
    return settings, policy.locked, [*admin_warnings, *lock_warnings, *warnings]


def settings_to_save(settings: Settings, policy: Policy) -> dict[str, Any]:
    """What the agent chose, for their settings file.

    Locked values and values equal to the defaults (built-in or IT's) are left out, so IT can
    unlock a setting or change a default later and the change reaches every agent who did not
    choose otherwise.
    """
    defaults = apply_policy({}, policy)[0]
    theirs = flatten(settings_to_mapping(defaults))
    mine = flatten(settings_to_mapping(settings))
    return nest(
        {
            name: value
            for name, value in mine.items()
            if name not in policy.locked and value != theirs.get(name)
        }
    )


def _encryption(value: Any, entries: dict[str, Any], problems: list[PolicyProblem]) -> None:
    try:
        entries["journal_encryption"] = Encryption(str(value).strip().lower())
    except ValueError:
        # Ignored, never read as "off": without another value the journal stays encrypted.
        problems.append(
            PolicyProblem(
                "journal_encryption",
                _(
                    "“{key}” should be required, default or off; it is ignored (the journal "
                    "stays encrypted unless IT says otherwise elsewhere)."
                ).format(key="journal_encryption"),
            )
        )


def _settings_table(table: Any, section: str, problems: list[PolicyProblem]) -> dict[str, Any]:
    if not isinstance(table, Mapping):
        problems.append(
            PolicyProblem(
                section,
                _("“{key}” should be a table of settings; it is ignored.").format(key=section),
            )
        )
        return {}
    allowed: dict[str, Any] = {}
    for name, raw in flatten(table).items():
        if name in POLICY_SETTINGS:
            allowed[name] = loosen(name, raw)
        else:
            problems.append(
                PolicyProblem(
                    f"{section}.{name}",
                    _("“{key}” is not a setting a policy may set; it is ignored.").format(
                        key=f"{section}.{name}"
                    ),
                )
            )
    if not layer(Settings(), allowed)[1]:
        return allowed  # all good together (a shift's start and end are checked as a pair)
    usable: dict[str, Any] = {}
    for name, value in allowed.items():
        trouble = layer(Settings(), {name: value})[1]
        if trouble:
            problems.append(PolicyProblem(f"{section}.{name}", _unusable(section, name, value)))
        else:
            usable[name] = value
    return usable


def _unusable(section: str, name: str, value: Any) -> str:
    return _("“{key}” has an unusable value ({value}); it is ignored.").format(
        key=f"{section}.{name}", value=repr(value)
    )


def _text(name: str, value: Any, entries: dict[str, Any], problems: list[PolicyProblem]) -> None:
    if not isinstance(value, str):
        problems.append(
            PolicyProblem(name, _("“{key}” should be text; it is ignored.").format(key=name))
        )
        return
    text = " ".join(value.split())
    longest = TEXT_KEYS[name]
    if len(text) > longest:
        too_long = ngettext(
            "“{key}” is longer than {count} character; it is ignored.",
            "“{key}” is longer than {count} characters; it is ignored.",
            longest,
        )
        problems.append(PolicyProblem(name, too_long.format(key=name, count=longest)))
        return
    entries[name] = text or None  # empty: none, even if another source had one

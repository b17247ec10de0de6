"""Writes Companion's Group Policy template: companion.admx and en-US/companion.adml.

Run `python packaging/windows/policy/make_templates.py` after changing a policy key; the
files it writes are committed, and tests/unit/test_policy_templates.py checks that they are
what this writes, that their ids all resolve, and that their registry names are what
companion.system.policy_registry reads.

Layout (as Firefox's template does): every policy is class "Both", so it can be set
for the computer (HKLM) or for users (HKCU); Companion reads both, HKLM winning. The three
top-level keys are values of Software\\Policies\\Companion; each setting appears twice, as a
starting value the agent may change (subkey "defaults") and as a locked value (subkey
"locked"). Syntax: Microsoft's "Group Policy ADMX Syntax Reference Guide" and the ADMX schema
(learn.microsoft.com/previous-versions/windows/desktop/policy/schema-root). No other template
is referenced (no "windows:" supportedOn), so Intune can import it on its own.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path

NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
KEY = r"Software\Policies\Companion"
REVISION = "1.0"
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Key:
    """One policy key: its registry value name, what kind of value, and its words."""

    name: str
    kind: str  # "bool", "number", "choice", "text"
    title: str
    explain: str
    low: int = 0
    high: int = 0
    default: int = 0
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    max_length: int = 0
    label: str = ""


TOP_LEVEL = (
    Key(
        "eap_contact",
        "text",
        "Support line shown after a break",
        'Shown after a break as "Need to talk? ...", as plain text (up to 200 characters), '
        "for example your Employee Assistance Programme's number.",
        max_length=200,
        label="Support line:",
    ),
    Key(
        "limits_text",
        "text",
        "What agents may do with an abusive call",
        "Shown after a break tagged abusive or angry, as plain text (up to 400 characters): "
        "what your organisation lets an agent do, for example end the call after one warning "
        "or pass it to a team lead. Not configured: a neutral sentence asks the agent to check "
        "with their team lead.",
        max_length=400,
        label="Limits:",
    ),
    Key(
        "phone_hint",
        "text",
        "Phone system: going not ready before a break",
        "Shown before each break, as plain text (up to 200 characters): how to set the phone "
        'system to "not ready", for example "Press Not Ready in the softphone first." Not '
        "configured: nothing is shown.",
        max_length=200,
        label="Hint:",
    ),
    Key(
        "force_autostart",
        "bool",
        "Always start Companion at login",
        "Enabled: Companion starts at login and the agent cannot turn that off (the same as "
        'locking "Start with my computer" on). Disabled or not configured: the agent decides.',
    ),
    Key(
        "journal_encryption",
        "choice",
        "Journal encryption",
        "Whether the journal, and everything else Companion stores about the agent, is "
        "encrypted. Default: encrypted, with the key in the account's credential store; where "
        "none answers, the agent chooses a passphrase, a key file or no encryption. Required: "
        'the same without "no encryption". Off: not encrypted, for computers whose disks IT '
        "encrypts and manages.",
        choices=(("default", "Default"), ("required", "Required"), ("off", "Off")),
        label="Encryption:",
    ),
)

SETTINGS = (
    Key(
        "pattern_key",
        "choice",
        "Breathing pattern",
        "The breathing pattern a break starts with.",
        choices=(
            ("sigh", "Cyclic sighing"),
            ("box", "Box breathing"),
            ("478", "4-7-8"),
            ("resonance", "Resonance breathing"),
        ),
        label="Pattern:",
    ),
    Key(
        "break_seconds",
        "number",
        "Length of a break",
        "How long a break lasts, in seconds (30 to 600; built in: 75).",
        low=30,
        high=600,
        default=75,
        label="Seconds:",
    ),
    Key(
        "mood_check",
        "bool",
        "Ask how the agent feels",
        'Enabled: ask "how are you feeling" before and after a break. Disabled: don\'t ask.',
    ),
    Key(
        "global_shortcut",
        "bool",
        "Shortcut from anywhere (Ctrl+Alt+H)",
        "Enabled (built in): Ctrl+Alt+H tags a hard call and starts a break from any "
        "application, where the desktop allows it. Disabled: no shortcut, for example when "
        "the softphone uses Ctrl+Alt+H.",
    ),
    Key(
        "reduced_motion",
        "bool",
        "Calm bar instead of moving shapes",
        "Enabled: a calm bar instead of the moving shape (useful on remote desktops). "
        "Disabled: the moving shape. Not configured: follows the desktop's setting.",
    ),
    Key(
        "autostart",
        "bool",
        "Start with the computer",
        "Enabled: Companion starts at login. Disabled: it does not. Not configured: as installed.",
    ),
    Key(
        "language",
        "text",
        "Language",
        "The language Companion speaks, as a language tag: en (English), es (Spanish), pt_BR "
        "(Portuguese, Brazil), fr (French), de (German). A language without a translation "
        "falls back to English. Not configured: follows the desktop's language. Applies from "
        "Companion's next start.",
        max_length=16,
        label="Language tag:",
    ),
    Key(
        "reminders.enabled",
        "bool",
        "Gentle reminders",
        "Enabled: Companion may suggest a break. Disabled: no reminders at all.",
    ),
    Key(
        "reminders.nudge_calls",
        "number",
        "Hard calls before a reminder",
        "Suggest a break after this many hard calls (2 to 10; built in: 3) within the window "
        'set by "Minutes the hard calls are counted in".',
        low=2,
        high=10,
        default=3,
        label="Hard calls:",
    ),
    Key(
        "reminders.nudge_window_minutes",
        "number",
        "Minutes the hard calls are counted in",
        "The hard calls that lead to a reminder are counted within this many minutes (10 to "
        "240; built in: 60).",
        low=10,
        high=240,
        default=60,
        label="Minutes:",
    ),
    Key(
        "reminders.rate_limit_minutes",
        "number",
        "Minutes between reminders",
        "At most one reminder this often, in minutes (5 to 120; built in: 20).",
        low=5,
        high=120,
        default=20,
        label="Minutes:",
    ),
    Key(
        "reminders.away_minutes",
        "number",
        "Idle minutes that count as away",
        "Idle this long, in minutes, counts as away and reminders wait (1 to 30; built in: 3).",
        low=1,
        high=30,
        default=3,
        label="Minutes:",
    ),
    Key(
        "reminders.shift_start",
        "text",
        "Start of working hours",
        "When working hours start, as HH:MM (built in: 09:00). Reminders are quiet outside "
        "working hours. Set it together with the end of working hours: they must differ.",
        max_length=5,
        label="Start (HH:MM):",
    ),
    Key(
        "reminders.shift_end",
        "text",
        "End of working hours",
        "When working hours end, as HH:MM (built in: 17:00). An end before the start is a "
        "night shift (22:00 to 06:00). Set it together with the start: they must differ.",
        max_length=5,
        label="End (HH:MM):",
    ),
    Key(
        "reminders.working_days",
        "text",
        "Working days",
        "The days with working hours, as numbers separated by commas: 0 is Monday, 6 is "
        "Sunday (built in: 0,1,2,3,4).",
        max_length=13,
        label="Days (0 = Monday):",
    ),
    Key(
        "reminders.reflection",
        "bool",
        "Invite reflection at the end of the shift",
        "Enabled: invite the agent to reflect when the shift ends. Disabled: don't.",
    ),
    Key(
        "reminders.sound",
        "bool",
        "Notification sound",
        "Enabled: let the desktop's notifications make a sound (Companion plays none itself). "
        "Disabled: ask them to stay silent.",
    ),
)

TABLES = (
    (
        "defaults",
        "Defaults",
        "Starting values (the agent may change them)",
        "A starting value: the agent may change it in Companion's settings.",
    ),
    (
        "locked",
        "Locked",
        "Locked values (the agent cannot change them)",
        "Locked: the agent cannot change it; Companion's settings window shows it as set by "
        "your IT department. A locked value wins over a starting value for the same setting.",
    ),
)


def _id(text: str) -> str:
    return text.replace(".", "_")


def _sub(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{NS}}}{tag}", attributes)


class Templates:
    """Builds the two documents side by side, so every id is defined where it is used."""

    def __init__(self) -> None:
        self.admx = ET.Element(f"{{{NS}}}policyDefinitions", revision=REVISION, schemaVersion="1.0")
        self.adml = ET.Element(
            f"{{{NS}}}policyDefinitionResources", revision=REVISION, schemaVersion="1.0"
        )
        _sub(self.adml, "displayName").text = "Companion"
        _sub(self.adml, "description").text = "Group Policy settings for Companion."
        resources = _sub(self.adml, "resources")
        self.strings = _sub(resources, "stringTable")
        self.presentations = _sub(resources, "presentationTable")
        namespaces = _sub(self.admx, "policyNamespaces")
        _sub(namespaces, "target", prefix="companion", namespace="Companion.Policies.Companion")
        _sub(self.admx, "resources", minRequiredRevision=REVISION)
        definitions = _sub(_sub(self.admx, "supportedOn"), "definitions")
        _sub(
            definitions,
            "definition",
            name="SUPPORTED_Companion",
            displayName=self.string("SUPPORTED_Companion", "Companion 0.1 and later"),
        )
        self.categories = _sub(self.admx, "categories")
        self.policies = _sub(self.admx, "policies")

    def string(self, name: str, text: str) -> str:
        _sub(self.strings, "string", id=name).text = text
        return f"$(string.{name})"

    def category(self, name: str, title: str, parent: str | None = None) -> None:
        category = _sub(
            self.categories, "category", name=name, displayName=self.string(name, title)
        )
        if parent is not None:
            _sub(category, "parentCategory", ref=parent)

    def policy(self, name: str, key: str, spec: Key, category: str, title: str) -> None:
        attributes = {
            "name": name,
            "class": "Both",
            "displayName": self.string(name, title),
            "explainText": self.string(f"{name}_Explain", spec.explain),
            "key": key,
        }
        if spec.kind != "bool":
            attributes["presentation"] = f"$(presentation.{name})"
        else:
            attributes["valueName"] = spec.name
        policy = _sub(self.policies, "policy", **attributes)
        _sub(policy, "parentCategory", ref=category)
        _sub(policy, "supportedOn", ref="SUPPORTED_Companion")
        if spec.kind == "bool":
            _sub(_sub(policy, "enabledValue"), "decimal", value="1")
            _sub(_sub(policy, "disabledValue"), "decimal", value="0")
            return
        self._element(_sub(policy, "elements"), name, spec)

    def _element(self, elements: ET.Element, name: str, spec: Key) -> None:
        element_id = f"{name}_Value"
        presentation = _sub(self.presentations, "presentation", id=name)
        if spec.kind == "number":
            _sub(
                elements,
                "decimal",
                id=element_id,
                valueName=spec.name,
                minValue=str(spec.low),
                maxValue=str(spec.high),
            )
            box = _sub(
                presentation, "decimalTextBox", refId=element_id, defaultValue=str(spec.default)
            )
            box.text = spec.label
        elif spec.kind == "text":
            _sub(
                elements, "text", id=element_id, valueName=spec.name, maxLength=str(spec.max_length)
            )
            _sub(_sub(presentation, "textBox", refId=element_id), "label").text = spec.label
        else:
            choice = _sub(elements, "enum", id=element_id, valueName=spec.name, required="true")
            for value, label in spec.choices:
                item_id = f"{name}_{value}"
                item = _sub(choice, "item", displayName=self.string(item_id, label))
                _sub(_sub(item, "value"), "string", value=value)
            down = _sub(
                presentation, "dropdownList", refId=element_id, noSort="true", defaultItem="0"
            )
            down.text = spec.label


def build() -> tuple[bytes, bytes]:
    """The ADMX and the en-US ADML, as bytes."""
    templates = Templates()
    templates.category("Companion", "Companion")
    for spec in TOP_LEVEL:
        templates.policy(_id(spec.name), KEY, spec, "Companion", spec.title)
    for table, prefix, title, note in TABLES:
        templates.category(f"Companion_{prefix}", title, parent="Companion")
        for spec in SETTINGS:
            name = f"{prefix}_{_id(spec.name)}"
            spec_here = replace(spec, explain=f"{spec.explain}\n\n{note}")
            templates.policy(name, f"{KEY}\\{table}", spec_here, f"Companion_{prefix}", spec.title)
    ET.register_namespace("", NS)
    documents = []
    for root in (templates.admx, templates.adml):
        ET.indent(root, space="  ")
        body = ET.tostring(root, encoding="unicode")
        documents.append(f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode())
    return documents[0], documents[1]


def main() -> int:
    admx, adml = build()
    (HERE / "companion.admx").write_bytes(admx)
    (HERE / "en-US").mkdir(exist_ok=True)
    (HERE / "en-US" / "companion.adml").write_bytes(adml)
    print(f"wrote {HERE / 'companion.admx'} and {HERE / 'en-US' / 'companion.adml'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

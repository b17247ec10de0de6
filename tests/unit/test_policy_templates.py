"""The Group Policy template (ADMX + en-US ADML) and the example .reg file, checked by shape.

Windows can't run here, so nothing is imported into a real Group Policy editor: these tests
parse both XML files and check what the ADMX schema requires of them (every string,
presentation, category and supportedOn id used is defined; each presentation control refers
to an element of its policy; the children of a policy come in the schema's order), that the
registry key and value names are the ones companion.system.policy_registry reads, that every
key in docs/policy-keys.md is covered, and that what each policy writes is accepted by
Companion's own reader (and a number one past either end of its range is not).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from companion.core.policy import POLICY_KEYS, POLICY_SETTINGS
from companion.system.policy_file import read_policy
from companion.system.policy_registry import WINDOWS_POLICY_KEY, WINDOWS_TABLES
from tests.fakes import FakeRegistry

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "packaging" / "windows" / "policy"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
TOP_LEVEL = POLICY_KEYS - {"defaults", "locked"}
#: The order the ADMX schema's PolicyDefinition sequence gives a policy's children.
POLICY_CHILDREN = [
    "parentCategory",
    "seeAlso",
    "keywords",
    "supportedOn",
    "enabledValue",
    "disabledValue",
    "enabledList",
    "disabledList",
    "elements",
]
ELEMENT_CONTROLS = {
    "decimal": {"decimalTextBox"},
    "text": {"textBox", "comboBox"},
    "enum": {"dropdownList"},
    "boolean": {"checkBox"},
}


def local(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_templates", FOLDER / "make_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def admx() -> ET.Element:
    return ET.parse(FOLDER / "companion.admx").getroot()


@pytest.fixture(scope="module")
def adml() -> ET.Element:
    return ET.parse(FOLDER / "en-US" / "companion.adml").getroot()


def policies(admx: ET.Element) -> list[ET.Element]:
    return admx.findall("p:policies/p:policy", NS)


def test_the_committed_files_are_what_the_generator_writes() -> None:
    made_admx, made_adml = generator().build()

    assert (FOLDER / "companion.admx").read_bytes() == made_admx
    assert (FOLDER / "en-US" / "companion.adml").read_bytes() == made_adml


def test_the_documents_are_what_group_policy_expects(admx: ET.Element, adml: ET.Element) -> None:
    assert admx.tag == f"{{{NS['p']}}}policyDefinitions"
    assert adml.tag == f"{{{NS['p']}}}policyDefinitionResources"
    assert admx.get("schemaVersion") == adml.get("schemaVersion") == "1.0"
    assert admx.get("revision") == adml.get("revision")
    target = admx.find("p:policyNamespaces/p:target", NS)
    assert target is not None and target.get("prefix") and target.get("namespace")
    # No "using": the template stands alone (Intune imports it without windows.admx).
    assert admx.findall("p:policyNamespaces/p:using", NS) == []
    resources = admx.find("p:resources", NS)
    assert resources is not None and resources.get("minRequiredRevision") == adml.get("revision")
    assert [local(child) for child in adml] == ["displayName", "description", "resources"]


def test_every_id_used_is_defined(admx: ET.Element, adml: ET.Element) -> None:
    strings = {s.get("id") for s in adml.iterfind("p:resources/p:stringTable/p:string", NS)}
    presentations = {
        p.get("id"): p for p in adml.iterfind("p:resources/p:presentationTable/p:presentation", NS)
    }
    categories = {c.get("name") for c in admx.iterfind("p:categories/p:category", NS)}
    supported = {d.get("name") for d in admx.iterfind("p:supportedOn/p:definitions/*", NS)}
    used_strings = [
        match.group(1)
        for element in admx.iter()
        for value in element.attrib.values()
        for match in re.finditer(r"\$\(string\.([^)]+)\)", value)
    ]
    assert used_strings and set(used_strings) <= strings
    assert len(strings) == len(list(adml.iterfind("p:resources/p:stringTable/p:string", NS)))
    for ref in admx.iterfind(".//p:parentCategory", NS):
        assert ref.get("ref") in categories
    names = [policy.get("name") for policy in policies(admx)]
    assert len(names) == len(set(names))
    used_presentations = set()
    for policy in policies(admx):
        assert policy.get("class") in {"Machine", "User", "Both"}
        supported_on = policy.find("p:supportedOn", NS)
        assert supported_on is not None and supported_on.get("ref") in supported
        children = [local(child) for child in policy]
        assert children == sorted(children, key=POLICY_CHILDREN.index), policy.get("name")
        elements = policy.findall("p:elements/*", NS)
        presentation = policy.get("presentation")
        if not elements:
            assert presentation is None
            continue
        match = re.fullmatch(r"\$\(presentation\.([^)]+)\)", presentation or "")
        assert match is not None and match.group(1) in presentations
        used_presentations.add(match.group(1))
        controls = {c.get("refId"): local(c) for c in presentations[match.group(1)]}
        assert set(controls) == {element.get("id") for element in elements}
        for element in elements:
            assert controls[element.get("id")] in ELEMENT_CONTROLS[local(element)]
    assert used_presentations == set(presentations)


def written(admx: ET.Element) -> Iterator[tuple[str, str, ET.Element, ET.Element | None]]:
    """(registry key, value name, policy, element or None) for every value the template sets."""
    for policy in policies(admx):
        key = policy.get("key", "")
        if policy.get("valueName"):
            yield key, policy.get("valueName", ""), policy, None
        for element in policy.findall("p:elements/*", NS):
            yield element.get("key", key), element.get("valueName", ""), policy, element


def test_registry_names_are_what_companion_reads(admx: ET.Element) -> None:
    by_key: dict[str, list[str]] = {}
    for key, name, _, _ in written(admx):
        by_key.setdefault(key, []).append(name)

    assert set(by_key) == {WINDOWS_POLICY_KEY} | {
        f"{WINDOWS_POLICY_KEY}\\{table}" for table in WINDOWS_TABLES
    }
    assert sorted(by_key[WINDOWS_POLICY_KEY]) == sorted(TOP_LEVEL)
    for table in WINDOWS_TABLES:
        assert sorted(by_key[f"{WINDOWS_POLICY_KEY}\\{table}"]) == sorted(POLICY_SETTINGS)


def test_every_documented_key_is_covered(admx: ET.Element) -> None:
    docs = (ROOT / "docs" / "policy-keys.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_.]+)` \|", docs, re.M)) - {"defaults", "locked"}
    covered = {name for _, name, _, _ in written(admx)}

    assert documented == TOP_LEVEL | POLICY_SETTINGS
    assert documented <= covered


def values_written(policy: ET.Element, element: ET.Element | None) -> list[Any]:
    """What the policy can write when enabled (or disabled, for a yes/no one)."""
    if element is None:
        return [int(value.get("value", "")) for value in policy.iterfind(".//p:decimal", NS)]
    kind = local(element)
    if kind == "decimal":
        return [int(element.get("minValue", "0")), int(element.get("maxValue", "9999"))]
    if kind == "enum":
        return [value.get("value") for value in element.iterfind(".//p:string", NS)]
    return []  # text: checked with the examples below


EXAMPLE_TEXT = {
    "eap_contact": "Employee Assistance: 0800 123 456",
    "limits_text": "You may end an abusive call after one warning.",
    "phone_hint": "Press Not Ready first.",
    "language": "pt_BR",
    "reminders.shift_start": "08:00",
    "reminders.shift_end": "16:30",
    "reminders.working_days": "0,1,2,3,4,5",
}


def read_one(key: str, name: str, value: Any) -> tuple[Any, tuple[str, ...]]:
    registry = FakeRegistry({("HKLM", WINDOWS_POLICY_KEY): {}})
    registry.keys.setdefault(("HKLM", key), {})[name] = value
    loaded = read_policy({}, "win32", registry)
    entry = name if key == WINDOWS_POLICY_KEY else f"{key.rpartition(chr(92))[2]}.{name}"
    return loaded.merged.origins.get(entry), loaded.problems


def test_what_each_policy_writes_is_accepted_by_companion(admx: ET.Element) -> None:
    checked = 0
    for key, name, policy, element in written(admx):
        values = values_written(policy, element) or [EXAMPLE_TEXT[name]]
        for value in values:
            origin, problems = read_one(key, name, value)
            assert problems == () and origin == f"HKLM\\{WINDOWS_POLICY_KEY}", (name, value)
            checked += 1
        if element is not None and local(element) == "decimal":
            low, high = values
            for outside in (low - 1, high + 1):
                assert read_one(key, name, outside)[1], (name, outside)  # the ranges agree
        if element is not None and local(element) == "text" and name in EXAMPLE_TEXT:
            assert len(EXAMPLE_TEXT[name]) <= int(element.get("maxLength", "1023"))
    assert checked > 2 * len(POLICY_SETTINGS)


def parse_reg(text: str) -> FakeRegistry:
    """A .reg file's keys and values (REG_SZ and REG_DWORD, the kinds the example uses)."""
    hives = {"HKEY_LOCAL_MACHINE": "HKLM", "HKEY_CURRENT_USER": "HKCU"}
    registry = FakeRegistry()
    current: dict[str, object] | None = None
    lines = text.splitlines()
    assert lines[0] == "Windows Registry Editor Version 5.00"
    for line in lines[1:]:
        if not line.strip() or line.startswith(";"):
            continue
        section = re.fullmatch(r"\[(HKEY_[A-Z_]+)\\(.+)\]", line)
        if section:
            current = registry.keys.setdefault((hives[section.group(1)], section.group(2)), {})
            continue
        value = re.fullmatch(r'"([^"]+)"=(?:"([^"]*)"|dword:([0-9a-f]{8}))', line)
        assert value is not None and current is not None, line
        name, text_value, dword = value.groups()
        current[name] = text_value if dword is None else int(dword, 16)
    return registry


def test_the_example_reg_file_sets_every_key_and_companion_reads_it_all() -> None:
    registry = parse_reg((FOLDER / "companion-example.reg").read_text(encoding="ascii"))

    loaded = read_policy({}, "win32", registry)

    assert loaded.problems == ()
    set_here = {
        entry.partition(".")[2] if "." in entry else entry for entry in loaded.merged.origins
    }
    assert set_here >= TOP_LEVEL | POLICY_SETTINGS

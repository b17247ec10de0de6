"""The example macOS configuration profile, parsed with plistlib and read as macOS would leave it.

macOS can't run here, so no profile is installed. The test checks the profile's shape against
Apple's documented keys (Configuration profile top level; a ManagedPreferences payload,
``com.apple.ManagedClient.preferences``, whose PayloadContent maps the preference domain to
``Forced`` ``mcx_preference_settings``), then writes those settings where macOS puts a managed
domain (``/Library/Managed Preferences/<domain>.plist``, binary) under a temporary folder and
reads them with Companion's own macOS reader: every key, no problem.
"""

from __future__ import annotations

import plistlib
import re
import uuid
from pathlib import Path
from typing import Any

import pytest

from companion.core.policy import POLICY_KEYS, POLICY_SETTINGS
from companion.system import policy_file
from companion.system.policy_file import MAC_POLICY_DOMAIN, read_policy

PROFILE = (
    Path(__file__).resolve().parents[2] / "packaging" / "macos" / "companion-policy.mobileconfig"
)
COMMON = {
    "PayloadType": str,
    "PayloadVersion": int,
    "PayloadIdentifier": str,
    "PayloadUUID": str,
    "PayloadDisplayName": str,
}


@pytest.fixture(scope="module")
def profile() -> dict[str, Any]:
    with PROFILE.open("rb") as file:
        data = plistlib.load(file)
    assert isinstance(data, dict)
    return data


def payloads(profile: dict[str, Any]) -> list[dict[str, Any]]:
    content = profile["PayloadContent"]
    assert isinstance(content, list) and content
    return content


def test_the_profile_has_apples_required_keys(profile: dict[str, Any]) -> None:
    for payload in [profile, *payloads(profile)]:
        for key, kind in COMMON.items():
            assert isinstance(payload.get(key), kind), key
        assert payload["PayloadVersion"] == 1
        assert str(uuid.UUID(payload["PayloadUUID"])).upper() == payload["PayloadUUID"]
    assert profile["PayloadType"] == "Configuration"
    assert profile.get("PayloadScope") in {"System", "User"}
    everything = [profile, *payloads(profile)]
    assert len({p["PayloadUUID"] for p in everything}) == len(everything)
    assert len({p["PayloadIdentifier"] for p in everything}) == len(everything)


def managed_settings(profile: dict[str, Any]) -> dict[str, Any]:
    (payload,) = [
        p for p in payloads(profile) if p["PayloadType"] == "com.apple.ManagedClient.preferences"
    ]
    domains = payload["PayloadContent"]
    assert list(domains) == [MAC_POLICY_DOMAIN]  # the domain Companion reads
    (forced,) = domains[MAC_POLICY_DOMAIN]["Forced"]
    settings = forced["mcx_preference_settings"]
    assert isinstance(settings, dict)
    return settings


def test_companion_reads_every_key_of_the_profile(
    profile: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    managed = tmp_path / f"{MAC_POLICY_DOMAIN}.plist"
    managed.write_bytes(plistlib.dumps(managed_settings(profile), fmt=plistlib.FMT_BINARY))
    monkeypatch.setattr(policy_file, "MAC_MANAGED_PREFERENCES", tmp_path)

    loaded = read_policy({"USER": "sam"}, platform="darwin")

    assert loaded.problems == ()
    assert loaded.read == (f"profile {managed}",)
    covered = {re.sub(r"^(defaults|locked)\.", "", entry) for entry in loaded.merged.origins}
    assert covered == (POLICY_KEYS - {"defaults", "locked"}) | POLICY_SETTINGS

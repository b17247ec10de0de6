"""The winget manifest: the three files of the multi-file 1.6.0 schema, the fields each must
have (microsoft/winget-cli, schemas/JSON/manifests/v1.6.0), and the version of pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from companion import __version__

ROOT = Path(__file__).resolve().parents[3]
WINGET = ROOT / "packaging" / "windows" / "winget"
IDENTIFIER = "Companion.Companion"
#: Required by each manifest type's schema (1.6.0), besides ManifestType and ManifestVersion.
REQUIRED = {
    "version": {"PackageIdentifier", "PackageVersion", "DefaultLocale"},
    "installer": {"PackageIdentifier", "PackageVersion", "Installers"},
    "defaultLocale": {
        "PackageIdentifier", "PackageVersion", "PackageLocale", "Publisher", "PackageName",
        "License", "ShortDescription",
    },
}  # fmt: skip
FILES = {
    "version": f"{IDENTIFIER}.yaml",
    "installer": f"{IDENTIFIER}.installer.yaml",
    "defaultLocale": f"{IDENTIFIER}.locale.en-US.yaml",
}


def manifest(kind: str) -> dict[str, Any]:
    text = (WINGET / FILES[kind]).read_text(encoding="utf-8")
    assert f"winget-manifest.{kind}.1.6.0.schema.json" in text
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def test_each_file_has_its_schemas_required_fields_and_the_projects_version() -> None:
    version = pyproject_version()
    assert version == __version__
    assert sorted(p.name for p in WINGET.glob("*.yaml")) == sorted(FILES.values())
    for kind, required in REQUIRED.items():
        found = manifest(kind)
        assert required <= found.keys(), kind
        assert found["ManifestType"] == kind and found["ManifestVersion"] == "1.6.0"
        assert found["PackageIdentifier"] == IDENTIFIER
        assert str(found["PackageVersion"]) == version, kind
    assert manifest("version")["DefaultLocale"] == manifest("defaultLocale")["PackageLocale"]


def test_installers_name_the_inno_setup_program_of_this_version_per_user_and_per_machine() -> None:
    found = manifest("installer")
    version = pyproject_version()
    assert found["InstallerType"] == "inno"
    scopes = {}
    for installer in found["Installers"]:
        assert {"Architecture", "InstallerUrl", "InstallerSha256"} <= installer.keys()
        assert installer["Architecture"] == "x64"
        assert installer["InstallerUrl"].endswith(f"/v{version}/companion-setup-{version}.exe")
        assert re.fullmatch(r"[0-9A-Fa-f]{64}", installer["InstallerSha256"])
        scopes[installer["Scope"]] = installer["InstallerSwitches"]["Custom"]
    assert scopes == {"user": "/CURRENTUSER", "machine": "/ALLUSERS"}
    iss = (ROOT / "packaging" / "windows" / "companion.iss").read_text(encoding="utf-8")
    app_id = re.search(r"^AppId=\{(\{[0-9A-F-]+\})$", iss, re.MULTILINE)
    assert app_id is not None and found["ProductCode"] == f"{app_id.group(1)}_is1"


def test_the_licence_matches_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        licence = tomllib.load(file)["project"]["license"]
    assert licence == "MIT"  # an SPDX expression, not the deprecated table
    assert manifest("defaultLocale")["License"] == licence

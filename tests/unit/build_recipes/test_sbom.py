"""packaging/sbom.py names each distribution the bundle took files from, with its version and
licence, Python itself, and the app's version and commit, as CycloneDX 1.6 JSON. Here on a
made-up environment; tests/e2e/test_package.py reads the real one beside the .deb."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SBOM = ROOT / "packaging" / "sbom.py"


def fake_distribution(site: Path, name: str, version: str, licence: str) -> Path:
    """An installed distribution with one module, as pip leaves it (RECORD lists the files)."""
    module = site / name.replace("-", "_") / "__init__.py"
    module.parent.mkdir(parents=True)
    module.write_text("", encoding="utf-8")
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    meta = f"Metadata-Version: 2.4\nName: {name}\nVersion: {version}\n"
    (info / "METADATA").write_text(meta + f"License-Expression: {licence}\n", encoding="utf-8")
    record = f"{module.relative_to(site).as_posix()},,\n{info.name}/METADATA,,\n"
    (info / "RECORD").write_text(record, encoding="utf-8")
    return module


def write_sbom(
    tmp_path: Path, sources: list[str], site: Path
) -> tuple[subprocess.CompletedProcess[str], Path]:
    work = tmp_path / "work"
    work.mkdir(parents=True)
    (work / "bundle-sources.json").write_text(json.dumps(sources), encoding="utf-8")
    info = {"version": "0.1.0", "commit": "0123456789ab"}
    (work / "build-info.json").write_text(json.dumps(info), encoding="utf-8")
    out = tmp_path / "companion_0.1.0_amd64.deb.cdx.json"
    env = os.environ | {"PYTHONPATH": str(site), "SOURCE_DATE_EPOCH": "1796611309"}
    done = subprocess.run(
        [sys.executable, str(SBOM), str(work), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done, out


def test_lists_what_the_bundle_took_with_versions_and_licences(tmp_path: Path) -> None:
    site = tmp_path / "site"
    taken = fake_distribution(site, "demo-lib", "1.2.3", "MIT")
    fake_distribution(site, "left-out", "9.9", "MIT")  # installed, but not in the bundle
    stdlib = Path(json.__file__)
    done, out = write_sbom(tmp_path, [str(taken), str(stdlib), "/elsewhere/unknown.so"], site)
    assert done.returncode == 0, done.stderr
    bom = json.loads(out.read_text(encoding="utf-8"))
    assert (bom["bomFormat"], bom["specVersion"]) == ("CycloneDX", "1.6")
    assert bom["serialNumber"].startswith("urn:uuid:")
    assert bom["metadata"]["timestamp"] == "2026-12-07T02:41:49Z"
    app = bom["metadata"]["component"]
    assert (app["name"], app["version"]) == ("companion", "0.1.0")
    properties = {p["name"]: p["value"] for p in app["properties"]}
    assert properties == {
        "companion:git-commit": "0123456789ab",
        "companion:unattributed-files": "1",
    }
    by_name = {c["name"]: c for c in bom["components"]}
    assert set(by_name) == {"demo-lib", "CPython"}
    demo = by_name["demo-lib"]
    assert (demo["version"], demo["purl"]) == ("1.2.3", "pkg:pypi/demo-lib@1.2.3")
    assert demo["licenses"] == [{"expression": "MIT"}]
    python = by_name["CPython"]
    assert python["version"] == ".".join(map(str, sys.version_info[:3]))
    assert bom["dependencies"] == [
        {"ref": "companion", "dependsOn": [demo["bom-ref"], python["bom-ref"]]}
    ]


def test_the_same_build_gives_the_same_document(tmp_path: Path) -> None:
    site = tmp_path / "site"
    taken = fake_distribution(site, "demo-lib", "1.2.3", "MIT")
    first, out = write_sbom(tmp_path / "a", [str(taken)], site)
    again, out_again = write_sbom(tmp_path / "b", [str(taken)], site)
    assert first.returncode == again.returncode == 0
    assert out.read_text(encoding="utf-8") == out_again.read_text(encoding="utf-8")


def test_missing_build_records_are_a_clear_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SBOM), str(tmp_path), str(tmp_path / "out.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "can't read the build's records" in done.stderr and "Traceback" not in done.stderr

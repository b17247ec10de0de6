"""Writes the SBOM (CycloneDX 1.6 JSON) of a frozen build from what the bundle actually holds.

    python packaging/sbom.py WORK_DIR OUTPUT.cdx.json [OUTPUT.cdx.json ...]

Run it with the Python that ran PyInstaller (the build's locked environment). WORK_DIR is
PyInstaller's work folder for build.spec: ``bundle-sources.json`` there lists the source of every
file the bundle took; each one is matched to the installed distribution whose RECORD lists it,
so the SBOM names exactly the distributions (with their versions and licences) that ended up in
the bundle, and the Python it was built with. ``build-info.json`` there gives the version and
commit. Files of the project itself and of Python's standard library go under those two.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import sysconfig
import uuid
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC_VERSION = "1.6"
#: Longer "License" fields are the licence's whole text, not its name.
MAX_LICENSE_NAME = 80


def purl_name(name: str) -> str:
    """PyPI's normalised name (PEP 503), as the package URL spec wants it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def owners() -> dict[Path, metadata.Distribution]:
    """Every file an installed distribution's RECORD lists, to that distribution."""
    found: dict[Path, metadata.Distribution] = {}
    for dist in metadata.distributions():
        for file in dist.files or []:
            found.setdefault(Path(str(dist.locate_file(file))).resolve(), dist)
    return found


def licenses(dist: metadata.Distribution) -> list[dict[str, object]]:
    """The licence as the distribution's metadata states it: an SPDX expression when it gives
    one, else the short License field, else the licence classifiers."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return [{"expression": expression}]
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= MAX_LICENSE_NAME:
        return [{"license": {"name": text}}]
    classifiers = meta.get_all("Classifier") or []
    names = [c.rsplit(" :: ", 1)[-1] for c in classifiers if c.startswith("License ::")]
    return [{"license": {"name": name}} for name in names]


def library(dist: metadata.Distribution, files: int) -> dict[str, object]:
    name, version = dist.metadata["Name"], dist.version
    purl = f"pkg:pypi/{purl_name(name)}@{version}"
    component: dict[str, object] = {
        "type": "library",
        "bom-ref": purl,
        "name": name,
        "version": version,
        "purl": purl,
        "properties": [{"name": "companion:bundled-files", "value": str(files)}],
    }
    found = licenses(dist)
    if found:
        component["licenses"] = found
    return component


def python_component(files: int) -> dict[str, object]:
    version = platform.python_version()
    return {
        "type": "platform",
        "bom-ref": f"pkg:generic/cpython@{version}",
        "name": "CPython",
        "version": version,
        "purl": f"pkg:generic/cpython@{version}",
        "licenses": [{"expression": "Python-2.0"}],
        "properties": [{"name": "companion:bundled-files", "value": str(files)}],
    }


def sort_sources(
    sources: list[str], work: Path
) -> tuple[dict[str, tuple[metadata.Distribution, int]], int, int]:
    """Count the bundle's files by the distribution they came from, and those of Python itself
    (its standard library and libpython); the count of files that are neither, nor the
    project's own, is returned too (the SBOM states it)."""
    owner_of = owners()
    python_dirs = {Path(sysconfig.get_paths()[key]).resolve() for key in ("stdlib", "platstdlib")}
    python_dirs.add(Path(sys.base_prefix).resolve())
    own_dirs = [(ROOT / name).resolve() for name in ("companion", "resources", "packaging")]
    own_dirs.append(work.resolve())
    by_name: dict[str, tuple[metadata.Distribution, int]] = {}
    python_files = unattributed = 0
    for source in sources:
        path = Path(source).resolve()
        dist = owner_of.get(path)
        if dist is not None:
            name = purl_name(dist.metadata["Name"])
            by_name[name] = (dist, by_name.get(name, (dist, 0))[1] + 1)
        elif any(path.is_relative_to(folder) for folder in own_dirs):
            continue
        elif path.name.startswith("libpython") or any(path.is_relative_to(d) for d in python_dirs):
            python_files += 1
        else:
            unattributed += 1
    return by_name, python_files, unattributed


def bom(work: Path) -> dict[str, object]:
    sources = json.loads((work / "bundle-sources.json").read_text(encoding="utf-8"))
    info = json.loads((work / "build-info.json").read_text(encoding="utf-8"))
    by_name, python_files, unattributed = sort_sources(sources, work)
    components = [library(dist, files) for _, (dist, files) in sorted(by_name.items())]
    components.append(python_component(python_files))
    version, commit = str(info["version"]), str(info["commit"])
    app = {
        "type": "application",
        "bom-ref": "companion",
        "name": "companion",
        "version": version,
        "licenses": [{"expression": "MIT"}],
        "properties": [
            {"name": "companion:git-commit", "value": commit},
            {"name": "companion:unattributed-files", "value": str(unattributed)},
        ],
    }
    # Reproducible: the same bundle from the same commit gives the same document.
    when = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    stamp = datetime.fromtimestamp(when, UTC) if when else datetime.now(UTC)
    identity = f"companion {version} {commit} {sys.platform} {platform.machine()}"
    return {
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "serialNumber": uuid.uuid5(uuid.NAMESPACE_URL, identity).urn,
        "version": 1,
        "metadata": {
            "timestamp": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tools": {"components": [{"type": "application", "name": "packaging/sbom.py"}]},
            "component": app,
        },
        "components": components,
        "dependencies": [
            {"ref": "companion", "dependsOn": [str(c["bom-ref"]) for c in components]},
        ],
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    work, outputs = Path(argv[0]), [Path(a) for a in argv[1:]]
    try:
        document = json.dumps(bom(work), indent=1) + "\n"
    except (OSError, ValueError, KeyError) as error:
        print(f"sbom.py: can't read the build's records in {work}: {error}", file=sys.stderr)
        return 1
    for output in outputs:
        output.write_text(document, encoding="utf-8")
        print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

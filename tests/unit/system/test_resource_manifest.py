"""The build's list of resources/, and the check of installed files against it."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from companion.system.resource_manifest import listing, resource_problems, write_manifest
from companion.system.resources import resources_dir

PACKAGE = Path(__file__).resolve().parents[3] / "companion"


def test_installed_files_are_checked_against_the_manifest(tmp_path: Path) -> None:
    source, installed = tmp_path / "source", tmp_path / "installed"
    for folder in (source, installed):
        (folder / "sounds").mkdir(parents=True)
        (folder / "icon.svg").write_text("<svg/>", encoding="utf-8")
    (source / "sounds" / "chime.ogg").write_bytes(b"ogg")
    manifest = json.loads(write_manifest(source, tmp_path / "m.json").read_text("utf-8"))
    assert set(manifest) == {"icon.svg", "sounds/chime.ogg"}

    assert resource_problems(manifest, installed) == ["sounds/chime.ogg is missing"]

    (installed / "sounds" / "chime.ogg").write_bytes(b"og")
    (installed / "extra.txt").write_text("not listed, not a problem", encoding="utf-8")
    assert resource_problems(manifest, installed) == [
        "sounds/chime.ogg differs from the build's copy"
    ]

    (installed / "sounds" / "chime.ogg").write_bytes(b"ogg")
    assert resource_problems(manifest, installed) == []
    assert resource_problems(manifest, tmp_path / "nowhere") == [
        "icon.svg is missing",
        "sounds/chime.ogg is missing",
    ]


def resource_names_in_code() -> set[str]:
    """Every literal passed to resource(...) anywhere in companion/."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "resource"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def test_every_resource_the_code_asks_for_is_in_resources() -> None:
    """So the manifest of resources/ that build.spec takes covers everything the code loads."""
    asked = resource_names_in_code()

    assert "companion.svg" in asked
    assert asked <= set(listing(resources_dir()))

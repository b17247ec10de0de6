"""requirements-build.txt, the build's lock: every pin carries hashes, and it pins each of the
app's and the build's own requirements at a version pyproject.toml accepts (a changed
requirement without `make lock` fails here)."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.unit.build_recipes.lock_file import ROOT, pins


def test_every_pin_has_sha256_hashes() -> None:
    locked = pins()
    assert len(locked) > 20
    for name, (_, hashes) in locked.items():
        assert hashes, name
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), name


def test_the_lock_pins_every_requirement_at_a_version_pyproject_accepts() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    wanted += [Requirement(r) for r in project["optional-dependencies"]["package"]]
    locked = pins()
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in the lock: run make lock"
        version = locked[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (name, version)

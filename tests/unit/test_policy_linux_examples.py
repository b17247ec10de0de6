"""The Linux policy examples docs/deploying.md uses: the drop-in, and the Ansible and Puppet
recipes that install it.

The drop-in is read by Companion's own reader. Ansible and Puppet are not run here (neither is
installed, and the dev environment has no YAML parser): the recipes are checked for the source
and destination they name, and the validation command each runs before installing a file is
run for real, here, on the example and on a broken copy.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from companion.core.policy import POLICY_KEYS, POLICY_SETTINGS
from companion.system.policy_file import POLICY_FILE_ENV, read_policy

FOLDER = Path(__file__).resolve().parents[2] / "packaging" / "linux" / "policy"
DROP_IN = FOLDER / "50-site.toml"
DEST = "/etc/companion/policy.d/50-site.toml"


def test_the_drop_in_sets_every_key_without_a_problem(tmp_path: Path) -> None:
    (tmp_path / "policy.d").mkdir()
    (tmp_path / "policy.d" / DROP_IN.name).write_bytes(DROP_IN.read_bytes())

    loaded = read_policy({POLICY_FILE_ENV: str(tmp_path)})

    assert loaded.problems == ()
    covered = {re.sub(r"^(defaults|locked)\.", "", entry) for entry in loaded.merged.origins}
    assert covered == (POLICY_KEYS - {"defaults", "locked"}) | POLICY_SETTINGS


def recipe_command(name: str, pattern: str) -> list[str]:
    text = (FOLDER / name).read_text(encoding="utf-8")
    assert DROP_IN.name in text and DEST in text
    match = re.search(pattern, text, re.M)
    assert match is not None
    return shlex.split(match.group(1))


RECIPES = {
    "ansible": ("ansible-companion-policy.yml", r"^\s+validate: (.+)$", "%s"),
    "puppet": ("puppet-companion-policy.pp", r"validate_cmd\s*=> '([^']+)'", "%"),
}


def run_as_the_recipe_would(command: list[str], placeholder: str, path: Path) -> int:
    """``env COMPANION_POLICY_FILE=<file> companion policy``, with this checkout's companion."""
    assert command[0] == "env" and command[-2:] == ["companion", "policy"]
    assignment = command[1].replace(placeholder, str(path))
    name, _, value = assignment.partition("=")
    assert name == POLICY_FILE_ENV
    done = subprocess.run(
        [sys.executable, "-m", "companion", "policy"],
        env={**os.environ, name: value, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.returncode


@pytest.mark.parametrize("recipe", sorted(RECIPES))
def test_each_recipe_installs_the_drop_in_only_when_it_is_sound(
    recipe: str, tmp_path: Path
) -> None:
    name, pattern, placeholder = RECIPES[recipe]
    command = recipe_command(name, pattern)
    broken = tmp_path / "source"  # the tools validate a temporary copy without a suffix
    broken.write_text(DROP_IN.read_text(encoding="utf-8") + "\nbreak_seconds = [\n")

    assert run_as_the_recipe_would(command, placeholder, DROP_IN) == 0
    assert run_as_the_recipe_would(command, placeholder, broken) == 1

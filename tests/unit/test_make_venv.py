"""packaging/make_venv.sh on a fresh Debian: Python without its venv module (python3-venv)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "make_venv.sh"

#: A Python whose venv module (with ensurepip) is there only once apt-get has installed it.
FAKE_PYTHON = """#!/usr/bin/env bash
case "$*" in
  *ensurepip*) [ -e "$FAKES/installed" ] ;;
  *version_info*) echo 3.11 ;;
  "-m venv "*) echo "$*" >> "$FAKES/python.log"; mkdir -p "$3" ;;
  *) exit 2 ;;
esac
"""
FAKE_APT = """#!/usr/bin/env bash
echo "$*" >> "$FAKES/apt.log"
case "$*" in *install*) touch "$FAKES/installed" ;; esac
"""


def fake(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


def run(tmp_path: Path, *, uid: int, venv_module: bool) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake(bin_dir, "python3", FAKE_PYTHON)
    fake(bin_dir, "apt-get", FAKE_APT)
    fake(bin_dir, "id", f"#!/usr/bin/env bash\necho {uid}\n")
    if venv_module:
        (tmp_path / "installed").touch()
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FAKES": str(tmp_path)}
    return subprocess.run(
        ["bash", str(SCRIPT), "python3", str(tmp_path / "venv")],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def log(tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / name
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_as_root_on_debian_the_missing_venv_module_is_installed(tmp_path: Path) -> None:
    done = run(tmp_path, uid=0, venv_module=False)
    assert done.returncode == 0, done.stderr
    assert log(tmp_path, "apt.log") == [
        "update -qq",
        "install -y -qq --no-install-recommends python3.11-venv",
    ]
    assert log(tmp_path, "python.log") == [f"-m venv {tmp_path / 'venv'}"]


def test_otherwise_one_sentence_says_what_to_install(tmp_path: Path) -> None:
    done = run(tmp_path, uid=1000, venv_module=False)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "Python's venv module is missing: install python3.11-venv "
        "(sudo apt-get install python3.11-venv), then run make again."
    )
    assert log(tmp_path, "apt.log") == []
    assert log(tmp_path, "python.log") == []


@pytest.mark.parametrize("uid", [0, 1000])
def test_with_the_venv_module_nothing_is_installed(tmp_path: Path, uid: int) -> None:
    done = run(tmp_path, uid=uid, venv_module=True)
    assert done.returncode == 0, done.stderr
    assert log(tmp_path, "apt.log") == []
    assert log(tmp_path, "python.log") == [f"-m venv {tmp_path / 'venv'}"]


def test_the_makefile_makes_its_venv_with_this_script() -> None:
    makefile = (SCRIPT.parents[1] / "Makefile").read_text(encoding="utf-8")
    rule = makefile.split("$(STAMP): pyproject.toml\n", 1)[1].split("\n\n", 1)[0]
    assert "packaging/make_venv.sh $(PYTHON) $(VENV)" in rule
    assert "-m venv" not in rule

"""companion --version names the commit: from the bundle's record when frozen, from git when run
from a source checkout, and "unknown" (never a guess) when neither can say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from companion import __version__
from companion.system import build_info

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args],
        env=os.environ | GIT_ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    root = tmp_path / "checkout"
    root.mkdir()
    git(root, "init", "--quiet")
    (root / "README.md").write_text("hello\n", encoding="utf-8")
    git(root, "add", "README.md")
    git(root, "commit", "--quiet", "-m", "first")
    git(root, "tag", "v9.9.9")  # a tag must not replace the commit's name
    return root


def test_from_source_the_commit_comes_from_git(checkout: Path) -> None:
    assert build_info.source_commit(checkout) == git(checkout, "rev-parse", "--short=12", "HEAD")


def test_from_source_a_changed_file_marks_the_commit_dirty(checkout: Path) -> None:
    (checkout / "README.md").write_text("changed\n", encoding="utf-8")
    head = git(checkout, "rev-parse", "--short=12", "HEAD")
    assert build_info.source_commit(checkout) == f"{head}-dirty"


def test_outside_a_checkout_the_commit_is_unknown(tmp_path: Path) -> None:
    """An installed wheel's folder may sit inside someone else's repository: no .git beside
    the package, no answer from git."""
    assert build_info.source_commit(tmp_path) == "unknown"


def test_without_git_the_commit_is_unknown(
    checkout: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert build_info.source_commit(checkout) == "unknown"


def test_frozen_the_commit_is_the_one_recorded_at_build_time(
    checkout: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "bundle"
    build_info.write_build_info(bundle / build_info.BUILD_INFO_NAME, "0123456789ab")
    assert json.loads((bundle / "build-info.json").read_text(encoding="utf-8")) == {
        "commit": "0123456789ab",
        "version": __version__,
    }
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    # The frozen answer never asks git, even when a checkout is around.
    monkeypatch.setattr(build_info, "SOURCE_ROOT", checkout)
    assert build_info.version_text() == f"Companion {__version__} (commit 0123456789ab)"


@pytest.mark.parametrize("record", [None, "not json", '["a list"]', '{"commit": 7}'])
def test_frozen_without_a_readable_record_the_commit_is_unknown(
    record: str | None, tmp_path: Path
) -> None:
    if record is not None:
        (tmp_path / build_info.BUILD_INFO_NAME).write_text(record, encoding="utf-8")
    assert build_info.frozen_commit(tmp_path) == "unknown"


def test_version_from_this_checkout_names_its_commit() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "companion", "--version"], capture_output=True, text=True, check=True
    )
    expected = build_info.source_commit()
    assert out.stdout == f"Companion {__version__} (commit {expected})\n"
    assert out.stderr == ""

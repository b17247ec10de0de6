"""Which build this is, for ``companion --version``: the version and the git commit.

A frozen build carries ``build-info.json``, written by build.spec from the checkout it was built
from. Run from a source checkout, git answers; anywhere else (an installed wheel, no git) the
commit is "unknown" rather than a guess.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from companion import __version__
from companion.core.i18n import _

BUILD_INFO_NAME = "build-info.json"
#: The checkout this module lives in, when it is run from source.
SOURCE_ROOT = Path(__file__).resolve().parents[2]
UNKNOWN = "unknown"


def source_commit(root: Path | None = None) -> str:
    """The checkout's commit (12 hex digits, "-dirty" after it when files differ from it), or
    "unknown" when ``root`` (this checkout by default) is no git checkout or git can't answer."""
    root = SOURCE_ROOT if root is None else root
    if not (root / ".git").exists():
        return UNKNOWN
    try:
        # --exclude='*' leaves out every tag, so the answer is always the commit's own name.
        describe = ["describe", "--always", "--dirty", "--abbrev=12", "--exclude=*"]
        done = subprocess.run(
            ["git", "-C", str(root), *describe],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit else UNKNOWN


def write_build_info(target: Path, commit: str) -> Path:
    """For build.spec: record the commit the frozen build is made from."""
    target.parent.mkdir(parents=True, exist_ok=True)
    info = {"version": __version__, "commit": commit}
    target.write_text(json.dumps(info, indent=1, sort_keys=True), encoding="utf-8")
    return target


def frozen_commit(frozen_root: Path) -> str:
    """The commit build.spec recorded in the bundle, or "unknown" when the record is missing
    or unreadable."""
    try:
        info = json.loads((frozen_root / BUILD_INFO_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UNKNOWN
    commit = info.get("commit") if isinstance(info, dict) else None
    return commit if isinstance(commit, str) and commit else UNKNOWN


def version_text() -> str:
    """``Companion 0.1.0 (commit 4fe56e2abc12)``: from the bundle when frozen, else from git."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    commit = source_commit() if frozen_root is None else frozen_commit(Path(frozen_root))
    return _("Companion {version} (commit {commit})").format(version=__version__, commit=commit)

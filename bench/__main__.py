"""`python -m bench [--quick]`: every benchmark in turn, each in its own process."""

from __future__ import annotations

import subprocess
import sys

SCRIPTS = (
    "idle",
    "idle_imports",
    "startup",
    "click_to_calm",
    "breathing",
    "journal_scale",
    "insights",
    "insights_window",
    "key_helper",
)


def main(argv: list[str]) -> int:
    failed = []
    for name in SCRIPTS:
        done = subprocess.run([sys.executable, "-m", f"bench.{name}", *argv], check=False)
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nbench failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

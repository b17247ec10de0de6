"""Each benchmark runs once in its tiny --quick configuration, so none of them can rot.

Only that they run and print their figures is checked: timings belong in `make bench`, and a
shared test machine would make any timing assertion flaky.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.desktop import missing_tools

REPO = Path(__file__).resolve().parent.parent


def run_bench(name: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{name}", "--quick"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture
def desktop_tools() -> None:
    missing = missing_tools(tray=True)
    if missing:
        pytest.skip(f"desktop tools missing: {', '.join(missing)} (run `make desktop-tools`)")


@pytest.mark.e2e
@pytest.mark.usefixtures("desktop_tools")
@pytest.mark.parametrize(
    ("name", "figures"),
    [
        (
            "idle",
            [
                "PSS, whole process tree",
                "first start PSS",
                "CPU per minute",
                "context switches per second",
                "stack floor PSS",
                "Companion over the stack floor",
            ],
        ),
        (
            "startup",
            [
                "floor: tray icon ready",
                "tray icon ready",
                "journal and reminders loaded",
                "`tag`: break window shown",
            ],
        ),
        ("click_to_calm", ["activation -> first frame, p95", "click -> window visible, p50"]),
        (
            "breathing",
            [
                "floor: bare 60 fps disc",
                "normal: CPU, app",
                "normal: frames (clock ticks)",
                "normal: repaints",
                "reduced motion: CPU, app",
            ],
        ),
    ],
)
def test_desktop_bench_runs_and_prints_its_figures(name: str, figures: list[str]) -> None:
    out = run_bench(name)
    for figure in figures:
        assert figure in out
    assert "ratio" in out


def test_journal_bench_runs_and_prints_its_figures() -> None:
    out = run_bench("journal_scale")
    for figure in (
        "insert, one save each",
        "search p95: rare word",
        "journal window open",
        "file size",
        "export, Markdown",
        "export, JSON Lines",
    ):
        assert figure in out


def test_insights_bench_runs_and_prints_its_figures_and_plans() -> None:
    out = run_bench("insights")
    for figure in ("read_insights, whole", "compute: pointer", "Query plans", "USING INDEX"):
        assert figure in out


def test_insights_window_bench_runs_and_prints_its_figures() -> None:
    out = run_bench("insights_window")
    for figure in ("window: first open, painted", "window: open again", "window: switch period"):
        assert figure in out


@pytest.mark.e2e
@pytest.mark.usefixtures("desktop_tools")
def test_idle_imports_bench_charges_every_module_group() -> None:
    out = run_bench("idle_imports")
    groups = ("Python stdlib", "sqlcipher3 (SQLCipher", "our code: companion.store", "all imports")
    for group in groups:
        assert group in out
    assert "sqlite_utils" not in out  # the idle tray opens its journal without it
    assert "QtNetwork" not in out  # it listens on a Unix socket through the standard library
    assert "Svg" not in out  # its icon is PNGs


def test_key_helper_bench_runs_and_loads_nothing_heavy() -> None:
    out = run_bench("key_helper")
    if "skipped" in out:
        pytest.skip(out.strip())
    assert "key helper get, from the tray" in out and "the helper alone" in out
    assert "heavy modules loaded: none" in out

"""Idle footprint: memory, CPU and wake-ups of Companion waiting in the tray, against the floor.

    python -m bench.idle [--quick] [--compare CHECKOUT]

Each app (the bare PySide6 tray icon first, then Companion) starts on the same Xvfb desktop
with trayer, settles, and is then watched for a while through /proc: PSS and RSS of its whole
process tree (smaps_rollup), CPU seconds per minute (its CPU-time clock, and utime+stime from
/proc/<pid>/stat), and context switches per second (voluntary + involuntary, every thread).
A third run, the "stack floor", is the bare tray icon holding what Companion's fixed choices
hold while idle (an SQLite database with an FTS index and a QLocalServer): it splits the
difference to the floor into the stack's part and Companion's own.

Companion is measured as it runs on every day but its first: on a journal that is already
there and up to date (made before, as a first start would). A last run measures that first
start on a new journal, which applies the migrations and so also holds sqlite-utils.

`--compare CHECKOUT` also runs another checkout of Companion (`git archive COMMIT | tar -xC DIR`)
on the same desktop and journal, right after this one, for a before/after in one run.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from bench import harness
from bench.harness import APP, FLOOR, Usage
from tests.e2e.desktop import Desktop

SETTLE_S = 15.0
WINDOW_S = 60.0
QUICK_SETTLE_S = 0.3
QUICK_WINDOW_S = 0.5
TARGET_PSS_ABOVE_FLOOR_MB = 10.0
TARGET_CPU_S_PER_MIN = 0.005
TARGET_WAKEUPS_PER_S = 0.5


@dataclass(frozen=True)
class Idle:
    pss_mb: float
    rss_mb: float
    uss_mb: float
    usage: Usage


def measure(
    on: Desktop, cmd: Sequence[str], name: str, settle: float, window: float, **env: str
) -> Idle:
    child = harness.spawn(on, cmd, name, **(harness.UNTRACED | env))
    on.wait_tray_icon(timeout=30)
    time.sleep(settle)
    before = harness.read_tree(child.pid)
    time.sleep(window)
    after = harness.read_tree(child.pid)
    harness.stop(on, child)
    usage = harness.usage_between(before, after)
    return Idle(after.pss_kb / 1024, after.rss_kb / 1024, after.uss_kb / 1024, usage)


def report(floor: Idle, app: Idle) -> None:
    harness.title("Idle footprint (in the tray, after a settle)")
    above = app.pss_mb - floor.pss_mb
    harness.figure(
        "PSS, whole process tree",
        f"{app.pss_mb:.1f} MB",
        floor=f"floor {floor.pss_mb:.1f} MB, ratio {app.pss_mb / floor.pss_mb:.2f}x"
        f", +{above:.1f} MB",
        target=f"<= floor + {TARGET_PSS_ABOVE_FLOOR_MB:.0f} MB: "
        + harness.verdict(above <= TARGET_PSS_ABOVE_FLOOR_MB),
    )
    harness.figure(
        "USS (private), whole process tree",
        f"{app.uss_mb:.1f} MB",
        floor=f"floor {floor.uss_mb:.1f} MB, ratio {app.uss_mb / floor.uss_mb:.2f}x"
        f", +{app.uss_mb - floor.uss_mb:.1f} MB",
    )
    harness.figure(
        "RSS, whole process tree",
        f"{app.rss_mb:.1f} MB",
        floor=f"floor {floor.rss_mb:.1f} MB, ratio {app.rss_mb / floor.rss_mb:.2f}x",
    )
    cpu, floor_cpu = app.usage.cpu_per_minute, floor.usage.cpu_per_minute
    harness.figure(
        "CPU per minute (CPU-time clock)",
        f"{cpu:.4f} s",
        floor=f"floor {floor_cpu:.4f} s{_ratio(cpu, floor_cpu)}",
        target=f"< {TARGET_CPU_S_PER_MIN} s: " + harness.verdict(cpu < TARGET_CPU_S_PER_MIN),
    )
    harness.figure(
        "CPU per minute (/proc stat ticks)",
        f"{app.usage.tick_s * 60 / app.usage.seconds:.3f} s",
        floor=f"floor {floor.usage.tick_s * 60 / floor.usage.seconds:.3f} s",
    )
    wakeups, floor_wakeups = app.usage.switches_per_second, floor.usage.switches_per_second
    harness.figure(
        "context switches per second",
        f"{wakeups:.2f}",
        floor=f"floor {floor_wakeups:.2f}{_ratio(wakeups, floor_wakeups)}",
        target=f"< {TARGET_WAKEUPS_PER_S}: " + harness.verdict(wakeups < TARGET_WAKEUPS_PER_S),
    )
    harness.figure("watched for", f"{app.usage.seconds:.1f} s")


def report_first_start(floor: Idle, first: Idle) -> None:
    harness.title("Idle memory after the first start (a new journal, migrations applied)")
    harness.figure(
        "first start PSS, whole process tree",
        f"{first.pss_mb:.1f} MB",
        floor=f"+{first.pss_mb - floor.pss_mb:.1f} MB over the bare floor, "
        f"RSS {first.rss_mb:.1f} MB",
    )


def report_stack(floor: Idle, stack: Idle, app: Idle) -> None:
    """How much of the difference is the fixed stack: the floor plus an open SQLite database
    with an FTS index and a QLocalServer, the two things any Companion must hold."""
    harness.title("Idle memory: the floor with Companion's fixed stack")
    harness.figure(
        "stack floor PSS",
        f"{stack.pss_mb:.1f} MB",
        floor=f"+{stack.pss_mb - floor.pss_mb:.1f} MB over the bare floor "
        f"(USS +{stack.uss_mb - floor.uss_mb:.1f} MB)",
    )
    harness.figure(
        "Companion over the stack floor",
        f"+{app.pss_mb - stack.pss_mb:.1f} MB PSS",
        floor=f"USS +{app.uss_mb - stack.uss_mb:.1f} MB",
    )


def report_compared(floor: Idle, app: Idle, other: Idle, checkout: Path) -> None:
    harness.title(f"Idle memory: this code and {checkout}, same desktop and journal")
    for name, idle in (("this code", app), (str(checkout), other)):
        harness.figure(
            f"{name}: PSS / RSS / USS",
            f"{idle.pss_mb:.1f} / {idle.rss_mb:.1f} / {idle.uss_mb:.1f} MB",
            floor=f"+{idle.pss_mb - floor.pss_mb:.1f} / +{idle.rss_mb - floor.rss_mb:.1f}"
            f" / +{idle.uss_mb - floor.uss_mb:.1f} MB over the bare floor",
        )


#: ``python -m companion`` from the checkout in argv[1]: ahead of the current folder on the path,
#: which ``-m`` would put first (and which is this checkout under ``make bench``).
_RUN_CHECKOUT = (
    "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); sys.argv[0] = 'companion'; "
    "runpy.run_module('companion', run_name='__main__', alter_sys=True)"
)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="a tiny run that only checks the bench works"
    )
    parser.add_argument(
        "--compare", type=Path, metavar="CHECKOUT", help="another checkout to run beside this"
    )
    return parser.parse_args(argv)


def _ratio(value: float, floor: float) -> str:
    return f", ratio {value / floor:.2f}x" if floor > 0 else ", ratio n/a (floor 0)"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settle = QUICK_SETTLE_S if args.quick else SETTLE_S
    window = QUICK_WINDOW_S if args.quick else WINDOW_S
    with harness.desktop() as on, TemporaryDirectory(prefix="companion-stack-") as folder:
        floor = measure(on, FLOOR, "floor", settle, window)
        stack = measure(on, [*FLOOR, "--with-stack", folder], "stack floor", settle, window)
        harness.existing_journal(on.data_dir)  # the journal an earlier day's start left
        app = measure(on, APP, "companion", settle, window)
        if args.compare is not None:
            cmd = [sys.executable, "-c", _RUN_CHECKOUT, str(args.compare.resolve())]
            other = measure(on, cmd, "compared", settle, window)
        for path in on.data_dir.glob("journal.db*"):  # with its -wal and -shm
            path.unlink()
        first = measure(on, APP, "companion, first start", settle, window)
    report(floor, app)
    report_first_start(floor, first)
    report_stack(floor, stack, app)
    if args.compare is not None:
        report_compared(floor, app, other, args.compare)
    print(harness.load_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Start-up: process start to a tray icon ready, and to the break window with `tag`.

    python -m bench.startup [--quick]

"Ready" means embedded in trayer's panel and viewable, seen by polling `xwininfo` from outside,
the same way for Companion and for the floor (a bare PySide6 tray icon), runs alternating on
one desktop. The first run of each is a warm-up (page cache, the journal's creation) and is
not counted. `tag` is measured to the first visible break window; its ratio is to the floor's
tray icon, the nearest thing the floor has.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from tempfile import TemporaryDirectory

from bench import harness
from bench.harness import APP, BREAK_TITLE, FLOOR
from bench.trace import environment, events
from tests.e2e.desktop import Desktop

RUNS = 9
QUICK_RUNS = 1
TARGET_RATIO = 1.3


def time_to_icon(on: Desktop, cmd: Sequence[str], name: str) -> float:
    started = time.monotonic()
    child = harness.spawn(on, cmd, name)
    ready = harness.fast_wait(lambda: on.tray_icons(), "a tray icon")
    harness.stop(on, child)
    return ready - started


def time_to_icon_and_loaded(on: Desktop) -> tuple[float, float]:
    """Companion's tray icon, and the moment the rest (journal, reminders, server) is loaded:
    the milestone ``app_ready``, reached when `companion.app_start.start` has built the app,
    in the trace."""
    with TemporaryDirectory(prefix="companion-startup-") as folder:
        trace = Path(folder) / "trace"
        started = time.monotonic()
        child = harness.spawn(on, APP, "companion", **environment(trace))
        ready = harness.fast_wait(lambda: on.tray_icons(), "a tray icon")
        harness.fast_wait(lambda: events(trace, "app_ready"), "app_ready")
        loaded = events(trace, "app_ready")[0].when
        harness.stop(on, child)
    return ready - started, loaded - started


def time_to_break_window(on: Desktop) -> float:
    started = time.monotonic()
    child = harness.spawn(on, [*APP, "tag"], "companion-tag")
    shown = harness.fast_wait(lambda: on.search(BREAK_TITLE), "the break window")
    harness.stop(on, child)
    return shown - started


def main(argv: Sequence[str] | None = None) -> int:
    args = harness.parse_args(__doc__ or "", argv)
    runs = QUICK_RUNS if args.quick else RUNS
    floor: list[float] = []
    app: list[float] = []
    loaded: list[float] = []
    tag: list[float] = []
    with harness.desktop() as on:
        warm_up = 0 if args.quick else 1
        for run in range(warm_up + runs):
            floor_time = time_to_icon(on, FLOOR, "floor")
            icon_time, loaded_time = time_to_icon_and_loaded(on)
            tagged = time_to_break_window(on)
            if run >= warm_up:
                floor.append(floor_time)
                app.append(icon_time)
                loaded.append(loaded_time)
                tag.append(tagged)
    report(floor, app, loaded, tag)
    print(harness.load_note())
    return 0


def report(floor: list[float], app: list[float], loaded: list[float], tag: list[float]) -> None:
    harness.title(f"Start-up (median of {len(app)} runs, process start to ready)")
    base = harness.median(floor)
    ratio = harness.median(app) / base
    harness.figure("floor: tray icon ready", f"{base * 1000:.0f} ms")
    harness.figure(
        "tray icon ready",
        f"{harness.median(app) * 1000:.0f} ms",
        floor=f"ratio {ratio:.2f}x",
        target=f"<= {TARGET_RATIO}x: " + harness.verdict(ratio <= TARGET_RATIO),
    )
    loaded_ratio = harness.median(loaded) / base
    harness.figure(
        "journal and reminders loaded",
        f"{harness.median(loaded) * 1000:.0f} ms",
        floor=f"ratio {loaded_ratio:.2f}x to the floor's tray icon",
    )
    tag_ratio = harness.median(tag) / base
    harness.figure(
        "`tag`: break window shown",
        f"{harness.median(tag) * 1000:.0f} ms",
        floor=f"ratio {tag_ratio:.2f}x to the floor's tray icon",
    )
    spread = ", ".join(f"{t * 1000:.0f}" for t in app)
    print(f"companion runs (ms): {spread}")
    print(f"floor runs (ms):     {', '.join(f'{t * 1000:.0f}' for t in floor)}")


if __name__ == "__main__":
    raise SystemExit(main())

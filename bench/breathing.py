"""Breathing animation: CPU share and frames painted during a break, normal and reduced motion.

    python -m bench.breathing [--quick]

Companion starts with `break` and its milestones traced (bench/trace.py); a "3" on the mood
check starts the breathing, which is watched for a minute through /proc (the app's process tree,
and Xvfb, which stands in for the X server's share of the work), then Escape ends it. The trace
gives the frame timer's ticks and the pacer's `frames_painted` when breathing started and
stopped, so frames per second come from the app itself: ticks are the animation's clock (every
one draws the moment it stands for, if the picture changed), repaints the frames actually drawn.
The frame timer asks for a frame every 16 ms (62.5 a second) in normal mode and every 100 ms in
reduced motion. The floor, bench/bare_animation.py, draws the same disc with the same gradients
at the same rate and nothing else, on the same desktop.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import harness
from bench.bare_animation import TITLE as FLOOR_TITLE
from bench.harness import APP, BREAK_TITLE, Usage
from bench.trace import environment, events
from tests.e2e.desktop import Desktop

FLOOR_SCRIPT = Path(__file__).with_name("bare_animation.py")
WINDOW_S = 60.0
QUICK_WINDOW_S = 1.0
#: Mirrors companion.ui.breathing.breathing_window's frame intervals (ms).
FRAME_INTERVAL_MS = {False: 16, True: 100}
TARGET_CPU_SHARE = 0.03
TARGET_FPS = 60.0


@dataclass(frozen=True)
class Animation:
    usage: Usage
    xvfb: Usage
    frames: int
    ticks: int
    seconds: float

    @property
    def fps(self) -> float:
        """Frames the animation's clock handled a second: each one draws if the picture moved."""
        return self.ticks / self.seconds

    @property
    def repaints(self) -> float:
        return self.frames / self.seconds


def measure(on: Desktop, reduced: bool, window: float, trace: Path) -> Animation:
    env = {**environment(trace), "COMPANION_REDUCED_MOTION": "1" if reduced else "0"}
    child = harness.spawn(on, [*APP, "break"], "companion", **env)
    on.wait_tray_icon(timeout=30)
    harness.press(on, BREAK_TITLE, "3")  # "Okay" on the mood check starts the breathing
    on.wait_for(lambda: events(trace, "breathing_started"), "breathing to start", 10)
    time.sleep(0.5)  # let the first frames and layout pass
    xvfb = on.processes[0].pid
    before, x_before = harness.read_tree(child.pid), harness.read_tree(xvfb)
    time.sleep(window)
    after, x_after = harness.read_tree(child.pid), harness.read_tree(xvfb)
    harness.press(on, BREAK_TITLE, "Escape")
    on.wait_for(lambda: events(trace, "breathing_stopped"), "breathing to stop", 10)
    harness.stop(on, child)
    started = events(trace, "breathing_started")[-1]
    stopped = events(trace, "breathing_stopped")[-1]
    frames = int(stopped.fields["frames"]) - int(started.fields["frames"])
    ticks = int(stopped.fields["ticks"]) - int(started.fields["ticks"])
    return Animation(
        harness.usage_between(before, after),
        harness.usage_between(x_before, x_after),
        frames,
        ticks,
        stopped.when - started.when,
    )


def measure_floor(on: Desktop, window: float) -> tuple[Usage, Usage]:
    """The bare animation (bench/bare_animation.py) for the same time: (its usage, Xvfb's).

    It gets the app's QT_NO_GUI_THREADPOOL too, so the two differ only in what they draw.
    """
    cmd = [sys.executable, str(FLOOR_SCRIPT)]
    child = harness.spawn(on, cmd, "floor-animation", QT_NO_GUI_THREADPOOL="1")
    on.find_window(FLOOR_TITLE, timeout=30)
    time.sleep(0.5)
    xvfb = on.processes[0].pid
    before, x_before = harness.read_tree(child.pid), harness.read_tree(xvfb)
    time.sleep(window)
    after, x_after = harness.read_tree(child.pid), harness.read_tree(xvfb)
    on.unwatch(child)
    child.stop()
    return harness.usage_between(before, after), harness.usage_between(x_before, x_after)


def report(normal: Animation, reduced: Animation, floor: tuple[Usage, Usage]) -> None:
    harness.title(f"Breathing animation ({normal.usage.seconds:.0f} s of a break)")
    floor_share = floor[0].cpu_share
    harness.figure(
        "floor: bare 60 fps disc, CPU",
        f"{floor_share * 100:.2f} %",
        floor=f"Xvfb {floor[1].cpu_share * 100:.2f} %",
    )
    for label, run in (("normal", normal), ("reduced motion", reduced)):
        share = run.usage.cpu_share
        expected = run.seconds * 1000 / FRAME_INTERVAL_MS[label != "normal"]
        harness.figure(
            f"{label}: CPU, app",
            f"{share * 100:.2f} %",
            floor=f"ratio {share / floor_share:.2f}x the floor" if floor_share > 0 else "",
            target=f"<= {TARGET_CPU_SHARE * 100:.0f}% of a core: "
            + harness.verdict(share <= TARGET_CPU_SHARE),
        )
        harness.figure(f"{label}: CPU, Xvfb", f"{run.xvfb.cpu_share * 100:.2f} %")
        harness.figure(
            f"{label}: frames (clock ticks)",
            f"{run.fps:.1f} /s",
            floor=f"{run.ticks} of {expected:.0f} expected, "
            f"{max(0.0, expected - run.ticks):.0f} dropped",
            target=(
                f">= {TARGET_FPS:.0f} fps: " + harness.verdict(run.fps >= TARGET_FPS - 0.5)
                if label == "normal"
                else ""
            ),
        )
        harness.figure(
            f"{label}: repaints",
            f"{run.repaints:.1f} /s",
            floor="only frames where the picture moved (half a pixel or more) or the words changed",
        )
        harness.figure(f"{label}: wake-ups per second", f"{run.usage.switches_per_second:.1f}")


def main(argv: Sequence[str] | None = None) -> int:
    args = harness.parse_args(__doc__ or "", argv)
    window = QUICK_WINDOW_S if args.quick else WINDOW_S
    with harness.desktop() as on:
        normal = measure(on, False, window, on.root / "trace-normal.txt")
        reduced = measure(on, True, window, on.root / "trace-reduced.txt")
        floor = measure_floor(on, window)
    report(normal, reduced, floor)
    print(harness.load_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

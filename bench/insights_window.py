"""The Insights window at a year of heavy use (issue #16): from the request to the window
painted, on the journal bench/insights.py fills (100,000 calls, 20,000 breaks, 5,000
callbacks), offscreen.

    python -m bench.insights_window [--quick] [--only plain|encrypted]

"first open" is the first request in a fresh process, as the agent's first click in the tray
meets it: the window's modules imported, the window built, ``read_insights`` on a journal just
opened, the report drawn and painted once. "open again" is a later request: read again and
drawn again into the same window. "four weeks" is the period toggle (no read).
"""

from __future__ import annotations

import os
import time as clock
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from bench import harness
from bench.insights import (
    BREAKS,
    CALLBACKS,
    CALLS,
    NOW,
    QUICK_BREAKS,
    QUICK_CALLBACKS,
    QUICK_CALLS,
    QUICK_REPEATS,
    REPEATS,
    TARGET_MS,
    parse_args,  # the same options: --quick, --only plain|encrypted
    year_of,
)
from companion.core.journal_key import JournalKey
from companion.store.storage import Storage, open_storage


class StillClock:
    """The bench's moment: the year of data ends at ``NOW``."""

    def now(self) -> datetime:
        return NOW

    def monotonic(self) -> float:
        return clock.monotonic()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sizes = (
        (QUICK_CALLS, QUICK_BREAKS, QUICK_CALLBACKS) if args.quick else (CALLS, BREAKS, CALLBACKS)
    )
    repeats = QUICK_REPEATS if args.quick else REPEATS
    # One kind per process: "first open" must be the first in its process (imports included).
    kinds = [args.only] if args.only else ["plain", "encrypted"]
    if len(kinds) > 1:
        import subprocess
        import sys

        for kind in kinds:
            extra = ["--quick"] if args.quick else []
            command = [sys.executable, "-m", "bench.insights_window", "--only", kind, *extra]
            subprocess.run(command, check=True)
        return 0
    key = JournalKey.from_random(os.urandom(32)) if kinds[0] == "encrypted" else None
    with TemporaryDirectory(prefix="companion-bench-insights-window-") as folder:
        year_of(Path(folder), *sizes, key=key).close()
        storage = open_storage(Path(folder), key=key)  # nothing in memory yet
        try:
            calls, breaks, callbacks = sizes
            harness.title(
                f"Insights window, a year of heavy use ({calls:,} calls, {breaks:,} breaks,"
                f" {callbacks:,} callbacks; {kinds[0]}; offscreen)"
            )
            measure(storage, repeats)
        finally:
            storage.close()
    print(harness.load_note())
    return 0


def measure(storage: Storage, repeats: int) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    began = clock.perf_counter()
    from companion.core.insights_report import read_insights
    from companion.flows.insights import InsightsFlow
    from companion.ui.insights.insights_window import InsightsWindow
    from companion.ui.insights.insights_windows import InsightsWindows

    flow = InsightsFlow(
        lambda now: read_insights(storage.calls, storage.breaks, storage.reminders, now),
        StillClock(),
        InsightsWindows(),
    )

    def open_and_paint() -> None:
        flow.show()
        window = flow.window
        assert isinstance(window, InsightsWindow)
        window.repaint()  # every chart painted, at once
        app.processEvents()

    open_and_paint()
    first = (clock.perf_counter() - began) * 1000
    target = f"< {TARGET_MS:.0f} ms: " + harness.verdict(first < TARGET_MS)
    harness.figure("window: first open, painted", f"{first:.0f} ms", target=target)
    again = []
    for _ in range(repeats):
        began = clock.perf_counter()
        open_and_paint()
        again.append((clock.perf_counter() - began) * 1000)
    harness.figure("window: open again, painted", f"{harness.median(again):.0f} ms")
    window = flow.window
    assert isinstance(window, InsightsWindow)
    toggles = []
    for _ in range(repeats):
        for button in reversed(window.period_buttons):  # four weeks, then this week
            began = clock.perf_counter()
            button.click()
            window.repaint()
            toggles.append((clock.perf_counter() - began) * 1000)
    harness.figure("window: switch period, painted", f"{harness.median(toggles):.0f} ms")
    window.close()


if __name__ == "__main__":
    raise SystemExit(main())

"""Insights at a year of heavy use (issue #16): 100,000 hard calls, 20,000 breaks and 5,000
callbacks through the app's own repositories, then what the Insights window asks for.

    python -m bench.insights [--quick] [--only plain|encrypted]

Timed, each the median of several runs after one cold run (the first read after opening):
the store's reads for this week and the last four (calls, breaks, callbacks), the pointer's
per-day counts of eight weeks, the computation of both reports and the pointer, and
``read_insights`` whole (the one call the window makes). The query plans of the reads are
printed as SQLite gives them. The window's own open time is the window's to add: ``year_of``
builds the filled journal and ``timed`` measures any step, so a ``--window`` step is a few
lines (see ``run``).
"""

from __future__ import annotations

import argparse
import os
import random
import time as clock
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from zoneinfo import ZoneInfo

from bench import harness
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.insights import recent_weeks, this_week
from companion.core.insights_pointer import gentle_pointer, pointer_bounds
from companion.core.insights_report import build_report, read_insights
from companion.core.journal_key import JournalKey
from companion.core.moods import Mood
from companion.core.reminders import Callback
from companion.store.storage import Storage, open_storage

CALLS, BREAKS, CALLBACKS = 100_000, 20_000, 5_000
QUICK_CALLS, QUICK_BREAKS, QUICK_CALLBACKS = 500, 100, 25
REPEATS, QUICK_REPEATS = 9, 2
TARGET_MS = 300.0
ZONE = ZoneInfo("Europe/Berlin")
#: Thursday afternoon, at the end of the year of data.
NOW = datetime(2026, 12, 3, 15, 0, tzinfo=ZONE)
#: What the agent might tag, weighted as a heavy queue might be.
REASONS = (*[Reason.ANGRY] * 4, *[Reason.ABUSIVE] * 2, Reason.UNRESOLVED, Reason.ESCALATED,
           Reason.DISTRESSING, Reason.OTHER, *[None] * 3)  # fmt: skip


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a tiny run that checks it works")
    parser.add_argument("--only", choices=("plain", "encrypted"), help="one kind of journal")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = (
        (QUICK_CALLS, QUICK_BREAKS, QUICK_CALLBACKS) if args.quick else (CALLS, BREAKS, CALLBACKS)
    )
    repeats = QUICK_REPEATS if args.quick else REPEATS
    keys = {"plain": None, "encrypted": JournalKey.from_random(os.urandom(32))}
    for label, key in keys.items():
        if args.only in (None, label):
            with TemporaryDirectory(prefix="companion-bench-insights-") as folder:
                run(Path(folder), sizes, repeats, label, key)
    print(harness.load_note())
    return 0


def run(
    folder: Path, sizes: tuple[int, int, int], repeats: int, label: str, key: JournalKey | None
) -> None:
    started = clock.perf_counter()
    storage = year_of(folder, *sizes, key=key)
    storage.close()
    filled = clock.perf_counter() - started
    storage = open_storage(folder, key=key)  # as the app finds it: nothing in memory yet
    try:
        calls, breaks, callbacks = sizes
        harness.title(
            f"Insights, a year of heavy use ({calls:,} calls, {breaks:,} breaks,"
            f" {callbacks:,} callbacks; {label})"
        )
        harness.figure("filled in (one transaction)", f"{filled:.1f} s")
        measure(storage, repeats)
        print_plans(storage)
    finally:
        storage.close()


def year_of(
    folder: Path, calls: int, breaks: int, callbacks: int, *, key: JournalKey | None = None
) -> Storage:
    """A journal with a year of heavy use up to ``NOW``: calls on working days (a few in the
    evening and at night), every fifth or so followed by a break with moods, callbacks."""
    storage = open_storage(folder, key=key)
    rng = random.Random(16)
    first_day = (NOW - timedelta(days=365)).date()
    days = [first_day + timedelta(days=n) for n in range(366)]
    working = [day for day in days if day.weekday() < 5 and day <= NOW.date()]
    moments = sorted(_call_moment(rng, rng.choice(working)) for _ in range(calls))
    moments = [m for m in moments if m <= NOW] or [NOW]
    with storage.db.atomic():
        stored = [
            storage.calls.add(DifficultCall(m, reason=rng.choice(REASONS), intensity=3))
            for m in moments
        ]
        for call in rng.sample(stored, min(breaks, len(stored))):
            storage.breaks.add(_break_after(rng, call))
        for _ in range(callbacks):
            due = _call_moment(rng, rng.choice(working)) + timedelta(days=1)
            done = due + timedelta(minutes=20) if rng.random() < 0.8 else None
            callback = Callback(due, "Call back", due - timedelta(days=1), done_at=done)
            storage.reminders.add_callback(callback)
    return storage


def _call_moment(rng: random.Random, day: date) -> datetime:
    """Mostly office hours; some evenings and a night shift's first hours."""
    hour = rng.choice([*range(8, 18)] * 8 + [18, 19, 20, 21, 22, 23, 0, 1])
    wall = time(hour, rng.randrange(60), rng.randrange(60))
    return datetime.combine(day, wall, tzinfo=ZONE)


def _break_after(rng: random.Random, call: DifficultCall) -> BreakRecord:
    outcome = rng.choice([*[BreakOutcome.COMPLETED] * 6, BreakOutcome.ENDED_EARLY,
                          BreakOutcome.SKIPPED])  # fmt: skip
    rated = rng.random() < 0.7
    before = Mood(rng.randint(1, 4)) if rated else None
    after = None if before is None else Mood(max(1, min(5, int(before) + rng.randint(-1, 2))))
    planned = 75.0 + 30 * (rng.random() < 0.2)
    return BreakRecord(
        call.tagged_at + timedelta(minutes=rng.expovariate(1 / 6)),
        "sigh",
        planned,
        planned if outcome is BreakOutcome.COMPLETED else 30.0,
        outcome,
        call.id,
        before,
        after,
        75.0,
    )


def timed(step: Callable[[], object], repeats: int) -> tuple[float, float]:
    """(the first run, the median of ``repeats`` more), in milliseconds."""
    times = []
    for _ in range(repeats + 1):
        started = clock.perf_counter()
        step()
        times.append((clock.perf_counter() - started) * 1000)
    return times[0], harness.median(times[1:])


def measure(storage: Storage, repeats: int) -> None:
    week, recent = this_week(NOW), recent_weeks(NOW)
    start, end = recent.bounds()
    first, last = pointer_bounds(NOW.date())
    # First the whole read, on a journal just opened: its first run is the window's cold one.
    whole = lambda: read_insights(storage.calls, storage.breaks, storage.reminders, NOW)  # noqa: E731
    cold, warm = timed(whole, repeats)
    target = f"< {TARGET_MS:.0f} ms for the window: " + harness.verdict(cold < TARGET_MS)
    harness.figure("read_insights, whole", f"{warm:.1f} ms", floor=f"first {cold:.1f} ms",
                   target=target)  # fmt: skip
    calls = storage.calls.between(start, end)
    breaks = storage.breaks.between(min(first, start), max(last, end))
    callbacks = storage.reminders.callbacks_between(start, end)
    counts = storage.calls.count_by_day(first, last)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("read: calls, last four weeks", lambda: storage.calls.between(start, end)),
        ("read: breaks, eight weeks", lambda: storage.breaks.between(first, last)),
        ("read: callbacks, four weeks", lambda: storage.reminders.callbacks_between(start, end)),
        ("read: calls per day, eight weeks", lambda: storage.calls.count_by_day(first, last)),
        ("compute: this week", lambda: build_report(calls, breaks, callbacks, week, NOW)),
        ("compute: last four weeks", lambda: build_report(calls, breaks, callbacks, recent, NOW)),
        ("compute: pointer", lambda: gentle_pointer(counts, breaks, NOW.date())),
    ]  # fmt: skip
    for name, step in steps:
        cold, warm = timed(step, repeats)
        harness.figure(name, f"{warm:.1f} ms", floor=f"first {cold:.1f} ms")
    harness.figure("rows read (4 weeks)", f"{len(calls):,} calls",
                   floor=f"{len(breaks):,} breaks, {len(callbacks):,} callbacks")  # fmt: skip


def print_plans(storage: Storage) -> None:
    """EXPLAIN QUERY PLAN for the SQL each read really sends (sqlite3's trace)."""
    start, end = recent_weeks(NOW).bounds()
    reads: list[tuple[str, Callable[[], object]]] = [
        ("calls.between", lambda: storage.calls.between(start, end)),
        ("calls.count_by_day", lambda: storage.calls.count_by_day(start, end)),
        ("breaks.between", lambda: storage.breaks.between(start, end)),
        ("reminders.callbacks_between", lambda: storage.reminders.callbacks_between(start, end)),
    ]
    harness.title("Query plans")
    for name, read in reads:
        sent: list[str] = []
        storage.db.conn.set_trace_callback(sent.append)
        try:
            read()
        finally:
            storage.db.conn.set_trace_callback(None)
        sql = next(s for s in sent if s.lstrip().upper().startswith("SELECT"))
        plan = storage.db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        print(f"{name}: " + "; ".join(str(row[3]) for row in plan), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())

"""Journal at scale: 100,000 generated entries through the app's own repository and window.

    python -m bench.journal_scale [--quick] [--export-only] [--only plain|encrypted]

Insert rate is measured twice: one entry per save (each its own transaction, fsync'd, as when
the agent presses Save) and in bulk (the same save() inside one transaction, as an import
would). Search runs the journal window's query for words every entry has, words a few have,
and a word being typed (4 letters, or 1), each many times. The window is opened on the offscreen Qt
platform, first (cold: its modules load then) and again (warm). Export is the journal
window's "Export journal…" (the store's export, as `companion export` runs it too), once as
Markdown and once as JSON Lines, after every fourth entry has been linked to a tagged call
with a break and its moods, so the Markdown carries call lines as a real journal would.
--export-only fills the journal (in one transaction) and measures only the export.

Every figure is taken twice, on a plain journal and on one encrypted with SQLCipher and a raw
key (issue #9), plus the time to open the filled journal again (open_storage: header, quick
check of every page, migrations, first search) and what one connection costs when the key is
a passphrase (SQLCipher's PBKDF2) rather than a raw key. The window's "cold" open is cold only
in the first (plain) run: its modules are loaded by then.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory

from bench import harness
from companion.core.breaks import BreakOutcome, BreakRecord
from companion.core.calls import DifficultCall, Reason
from companion.core.journal import JournalEntry
from companion.core.journal_export import ExportFormat
from companion.core.journal_key import JournalKey
from companion.core.moods import Mood
from companion.store.storage import Storage, open_storage

ENTRIES = 100_000
QUICK_ENTRIES = 200
SINGLE_SAVES = 500
QUICK_SINGLE_SAVES = 20
SEARCH_REPEATS = 50
QUICK_SEARCH_REPEATS = 3
RARE_WORD = "zephyrine"
RARE_COUNT = 12
TARGET_SEARCH_P95_MS = 10.0
TARGET_OPEN_MS = 300.0
TARGET_EXPORT_S = 3.0
#: (label, query as typed in the search box)
QUERIES = (
    ("common word", "customer"),
    ("common, two words", "customer call"),
    ("common prefix (typing)", "cust"),
    ("first letter (typing)", "c"),
    ("mid-frequency word", "refund"),
    ("rare word", RARE_WORD),
    ("no match", "xylophonic"),
)
COMMON = ("customer", "call", "today", "felt", "after", "the", "and", "was")
_PARAGRAPH = (
    "angry shouting escalated manager waited hold queue refund billing invoice contract "
    "cancel broken delivery late again sorry listened breathe calm tired proud helped "
    "colleague lunch headset supervisor ticket case unresolved policy password account "
    "upgrade downgrade outage router engineer appointment missed promise apology"
)
WORDS = _PARAGRAPH.split()


def entry_text(rng: random.Random, index: int, rare: set[int]) -> str:
    words = [rng.choice(COMMON) if rng.random() < 0.3 else rng.choice(WORDS) for _ in range(60)]
    words[:3] = ["The", "customer", "call"]
    if index in rare:
        words.insert(rng.randrange(len(words)), RARE_WORD)
    return " ".join(words) + "."


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """harness.parse_args's --quick, plus --export-only, which only this bench has."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="a tiny run that only checks the bench works"
    )
    parser.add_argument(
        "--export-only", action="store_true", help="fill the journal, then time only the export"
    )
    parser.add_argument(
        "--only", choices=("plain", "encrypted"), help="one journal instead of both"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    total = QUICK_ENTRIES if args.quick else ENTRIES
    singles = 0 if args.export_only else QUICK_SINGLE_SAVES if args.quick else SINGLE_SAVES
    repeats = QUICK_SEARCH_REPEATS if args.quick else SEARCH_REPEATS
    keys = {"plain": None, "encrypted": JournalKey.from_random(os.urandom(32))}
    for label, key in keys.items():
        if args.only not in (None, label):
            continue
        with TemporaryDirectory(prefix="companion-bench-journal-", dir=_disk_tmp()) as folder:
            run(Path(folder), total, singles, repeats, export_only=args.export_only, key=key)
    if args.only != "plain":
        with TemporaryDirectory(prefix="companion-bench-key-", dir=_disk_tmp()) as folder:
            measure_key_cost(Path(folder))
    print(harness.load_note())
    return 0


def _disk_tmp() -> str | None:
    """A folder on a real disk, so fsync costs what it costs on an agent's PC (not tmpfs)."""
    return os.environ.get("BENCH_TMPDIR")


def run(
    folder: Path,
    total: int,
    singles: int,
    repeats: int,
    *,
    export_only: bool = False,
    key: JournalKey | None = None,
) -> None:
    storage = open_storage(folder, key=key)
    rng = random.Random(5)
    rare = set(rng.sample(range(total), min(RARE_COUNT, total)))
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)

    def entry(index: int) -> JournalEntry:
        moment = start + timedelta(minutes=7 * index)
        return JournalEntry(entry_text(rng, index, rare), moment, moment, tags=("hard call",))

    kind = "plain" if key is None else "encrypted, raw key"
    harness.title(f"Journal at scale ({total:,} entries, {kind})")
    if singles:
        began = time.perf_counter()
        for index in range(singles):
            storage.journal.save(entry(index))
        single_rate = singles / (time.perf_counter() - began)
        harness.figure("insert, one save each (fsync'd)", f"{single_rate:,.0f} /s")
    began = time.perf_counter()
    with storage.db.atomic():
        for index in range(singles, total):
            storage.journal.save(entry(index))
    bulk_rate = (total - singles) / (time.perf_counter() - began)
    harness.figure("insert, in one transaction", f"{bulk_rate:,.0f} /s")
    storage.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(p.stat().st_size for p in folder.iterdir() if p.name.startswith("journal.db"))
    harness.figure("file size", f"{size / 2**20:.1f} MB", floor=f"{size / total:,.0f} B/entry")
    if not export_only:
        measure_search(storage.journal.search, repeats)
        measure_window(storage)
    link_calls(storage, total)
    measure_export(storage, folder, total)
    storage.close()
    measure_open(folder, key)


def measure_open(folder: Path, key: JournalKey | None) -> None:
    """open_storage on the filled journal, then the first search: what a start pays."""
    times = []
    for _ in range(3):
        began = time.perf_counter()
        storage = open_storage(folder, key=key)
        storage.journal.search("customer")
        times.append(time.perf_counter() - began)
        storage.close()
    harness.figure(
        "journal open again + first search",
        f"{harness.median(times) * 1000:.0f} ms",
        floor=f"median of {len(times)}; includes the quick check of every page",
    )


def measure_key_cost(folder: Path) -> None:
    """One connection and its first read, keyed with a raw key and with a passphrase."""
    from companion.store import driver

    harness.title("What one connection costs, by key (a small encrypted journal)")
    for label, key in (
        ("raw key", JournalKey.from_random(os.urandom(32))),
        ("passphrase (PBKDF2)", JournalKey.passphrase("correct horse battery")),
    ):
        data = folder / label.split()[0]
        open_storage(data, key=key).close()
        path = data / "journal.db"
        times = []
        for _ in range(5):
            began = time.perf_counter()
            conn = driver.connect(path, key)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            times.append(time.perf_counter() - began)
            conn.close()
        harness.figure(
            f"open + first read, {label}",
            f"{harness.median(times) * 1000:.2f} ms",
            floor="median of 5",
        )


def measure_search(search: Callable[[str], object], repeats: int) -> None:
    for label, query in QUERIES:
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            found = search(query)
            times.append(time.perf_counter() - began)
        p95 = harness.percentile(times, 0.95) * 1000
        count = len(found) if isinstance(found, list) else 0
        harness.figure(
            f"search p95: {label}",
            f"{p95:.2f} ms",
            floor=f"p50 {harness.median(times) * 1000:.2f} ms, {count} shown",
            target=f"< {TARGET_SEARCH_P95_MS:.0f} ms: "
            + harness.verdict(p95 < TARGET_SEARCH_P95_MS),
        )


def measure_window(storage: Storage) -> None:
    from PySide6.QtWidgets import QApplication

    from companion.system.clock import SystemClock

    app = QApplication.instance() or QApplication([])
    for label in ("cold", "warm"):
        began = time.perf_counter()
        from companion.flows.journaling import JournalFlow
        from companion.ui.journal.journal_windows import JournalWindows

        flow = JournalFlow(
            JournalWindows(storage.journal, storage.drafts, storage.calls, SystemClock())
        )
        flow.show_journal()
        app.processEvents()
        elapsed = (time.perf_counter() - began) * 1000
        harness.figure(
            f"journal window open ({label})",
            f"{elapsed:.0f} ms",
            target=f"< {TARGET_OPEN_MS:.0f} ms: " + harness.verdict(elapsed < TARGET_OPEN_MS),
        )
        window = flow.window
        assert window is not None
        window.close()
        window.deleteLater()
        app.processEvents()


def link_calls(storage: Storage, total: int) -> None:
    """Every fourth entry about a tagged call with one break and moods (not timed)."""
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    reasons = list(Reason)
    with storage.db.atomic():
        for number in range(1, total // 4 + 1):
            moment = start + timedelta(minutes=28 * number - 3)
            call = storage.calls.add(
                DifficultCall(moment, reason=reasons[number % len(reasons)], intensity=3)
            )
            storage.breaks.add(
                BreakRecord(
                    moment,
                    "cyclic_sighing",
                    120,
                    120,
                    BreakOutcome.COMPLETED,
                    call.id,
                    Mood.LOW,
                    Mood.CALM,
                )
            )
        storage.db.execute("UPDATE journal SET call_id = id / 4 WHERE id % 4 = 0")


def measure_export(storage: Storage, folder: Path, total: int) -> None:
    now = datetime.now().astimezone()
    for fmt, label in (
        (ExportFormat.MARKDOWN, "Markdown"),
        (ExportFormat.JSON_LINES, "JSON Lines"),
    ):
        began = time.perf_counter()
        result = storage.journal.export(folder / f"export{fmt.suffix}", fmt, now)
        elapsed = time.perf_counter() - began
        assert result.entries == total
        harness.figure(
            f"export, {label}",
            f"{elapsed:.2f} s",
            floor=f"{result.size_bytes / 2**20:.1f} MB, {result.size_bytes / total:,.0f} B/entry",
            target=f"< {TARGET_EXPORT_S:.0f} s: " + harness.verdict(elapsed < TARGET_EXPORT_S),
        )


if __name__ == "__main__":
    raise SystemExit(main())

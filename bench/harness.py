"""What every benchmark shares: the desktop, the floor app, /proc readings and figures."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from companion.system import milestones
from tests.e2e.desktop import ChildProcess, Desktop, DesktopError, missing_tools

REPO = Path(__file__).resolve().parent.parent
APP = (sys.executable, "-m", "companion")
#: A bare PySide6 tray icon that does nothing: the floor for our stack.
FLOOR = (sys.executable, str(REPO / "tests" / "e2e" / "bare_tray.py"))
BREAK_TITLE = "Companion — Breathing break"
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")
#: Between two tray-presence probes; each probe runs xwininfo, so not much shorter.
FAST_POLL = 0.005


def parse_args(description: str, argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--quick", action="store_true", help="a tiny run that only checks the bench works"
    )
    return parser.parse_args(argv)


def require_desktop_tools() -> None:
    missing = missing_tools(tray=True)
    if missing:
        sys.exit(f"bench needs {', '.join(missing)} (run `make desktop-tools`)")


@contextmanager
def desktop() -> Iterator[Desktop]:
    """A fresh Xvfb + private D-Bus + trayer desktop in a temporary folder."""
    require_desktop_tools()
    with TemporaryDirectory(prefix="companion-bench-") as root, Desktop(Path(root)) as started:
        write_quiet_settings(Path(started.env["COMPANION_DATA_DIR"]))
        yield started


#: Nothing falls due while a bench watches. A fresh journal has no calls or callbacks, but a run
#: started after the shift's end still owes that day's reflection and sends it at start-up: a
#: notification whose D-Bus round trips and expiry timer would be counted as idle work.
#: The journal's key in a key file (a bench desktop has no keyring): measured encrypted, as
#: agents run it.
QUIET_SETTINGS = {"reminders": {"reflection": False}, "journal_protection": "key_file"}


def write_quiet_settings(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(json.dumps(QUIET_SETTINGS), encoding="utf-8")


def existing_journal(data_dir: Path) -> None:
    """The encrypted journal an earlier day's start left, with its key file beside the data."""
    from companion.store.storage import open_storage
    from companion.system.key_file import key_file_path, read_or_create_key_file
    from companion.system.paths import DATA_DIR_ENV

    key = read_or_create_key_file(key_file_path({DATA_DIR_ENV: str(data_dir)})).key
    open_storage(data_dir, key=key).close()


#: Idle memory is measured as shipped: the e2e desktop turns the milestone trace on for every
#: program, which would load bench.trace (0.7 MB) into the app being measured.
UNTRACED = {milestones.ENV: ""}


def spawn(on: Desktop, cmd: Sequence[str], name: str, **env: str) -> ChildProcess:
    """Start ``cmd`` on the desktop, with extra environment variables."""
    saved = on.env
    on.env = {**saved, **env}
    try:
        return on.spawn(cmd, name=name)
    finally:
        on.env = saved


def stop(on: Desktop, child: ChildProcess) -> None:
    """End a program and wait until its tray icon has left the panel."""
    on.unwatch(child)
    child.stop()
    on.wait_for(lambda: not on.tray_icons(), "the tray icon to go", 10.0)


def wait_icon_ready(on: Desktop, timeout: float = 30.0) -> float:
    """Poll tightly for an embedded, viewable tray icon; return the monotonic time it was seen."""
    return on.wait_for(
        lambda: time.monotonic() if on.tray_icons() else None, "a tray icon", timeout
    )


def fast_wait(probe: Callable[[], object], what: str, timeout: float = 30.0) -> float:
    """Poll ``probe`` every FAST_POLL seconds; return the monotonic time it first succeeded."""
    deadline = time.monotonic() + timeout
    while True:
        if probe():
            return time.monotonic()
        if time.monotonic() > deadline:
            raise DesktopError(f"timed out waiting for {what}")
        time.sleep(FAST_POLL)


def press(on: Desktop, title: str, key: str) -> None:
    """Press a key in the window titled ``title``, finding it afresh each try: Qt may replace
    a new window's X window once while it settles, and a key sent to the old one fails."""
    for attempt in range(5):
        try:
            on.key(key, window=on.find_window(title))
            return
        except DesktopError:
            if attempt == 4:
                raise
            time.sleep(0.2)


# -- /proc readings of a process tree ------------------------------------------------------


def session_pids(leader: int) -> list[int]:
    """Every process in ``leader``'s session (programs are spawned with their own session)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[3]) == leader:  # field 6 of stat: the session id
            pids.append(int(entry.name))
    return pids


def _smaps_kb(pid: int) -> tuple[int, int, int]:
    """(PSS, RSS, USS) in kB; USS is the private part, what this process alone costs."""
    values = dict.fromkeys(("Pss", "Rss", "Private_Clean", "Private_Dirty"), 0)
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in values:
            values[key] = int(rest.split()[0])
    return values["Pss"], values["Rss"], values["Private_Clean"] + values["Private_Dirty"]


def cpu_seconds(pid: int) -> float:
    """CPU time of all the process's threads, in nanosecond resolution (its CPU-time clock)."""
    return time.clock_gettime(((~pid) << 3) | 2)  # MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED)


def cpu_ticks(pid: int) -> int:
    """utime + stime from /proc/<pid>/stat, in clock ticks (coarse: 1/SC_CLK_TCK s)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def context_switches(pid: int) -> dict[int, int]:
    """Voluntary + involuntary context switches of each thread, by thread id."""
    counts: dict[int, int] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        total = 0
        try:
            for line in (task / "status").read_text().splitlines():
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
        counts[int(task.name)] = total
    return counts


@dataclass(frozen=True)
class Reading:
    """One look at a process tree: memory now, and counters to subtract from a later look."""

    when: float
    pss_kb: int
    rss_kb: int
    uss_kb: int
    cpu_s: dict[int, float]
    ticks: dict[int, int]
    switches: dict[tuple[int, int], int]


def read_tree(leader: int) -> Reading:
    when = time.monotonic()
    pss = rss = uss = 0
    cpu: dict[int, float] = {}
    ticks: dict[int, int] = {}
    switches: dict[tuple[int, int], int] = {}
    for pid in session_pids(leader):
        try:
            p, r, u = _smaps_kb(pid)
            cpu[pid] = cpu_seconds(pid)
            ticks[pid] = cpu_ticks(pid)
            switches |= {(pid, tid): n for tid, n in context_switches(pid).items()}
        except (FileNotFoundError, ProcessLookupError, OSError):
            continue
        pss += p
        rss += r
        uss += u
    return Reading(when, pss, rss, uss, cpu, ticks, switches)


@dataclass(frozen=True)
class Usage:
    seconds: float
    cpu_s: float
    tick_s: float
    switches: int

    @property
    def cpu_per_minute(self) -> float:
        return self.cpu_s * 60.0 / self.seconds

    @property
    def cpu_share(self) -> float:
        """Of one core, 0..1."""
        return self.cpu_s / self.seconds

    @property
    def switches_per_second(self) -> float:
        return self.switches / self.seconds


def usage_between(before: Reading, after: Reading) -> Usage:
    """What the processes (and threads) present at both readings used in between."""
    cpu = sum(after.cpu_s[p] - before.cpu_s[p] for p in after.cpu_s if p in before.cpu_s)
    ticks = sum(after.ticks[p] - before.ticks[p] for p in after.ticks if p in before.ticks)
    switches = sum(
        after.switches[k] - before.switches[k] for k in after.switches if k in before.switches
    )
    return Usage(after.when - before.when, cpu, ticks / TICKS, switches)


# -- figures ------------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share 0..1) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def title(text: str) -> None:
    print(f"\n== {text} ==", flush=True)


def figure(name: str, value: str, *, floor: str = "", target: str = "") -> None:
    """One line of results: the figure, then the floor comparison and the target when any."""
    parts = [f"{name:<34} {value:>14}"]
    if floor:
        parts.append(f"  {floor}")
    if target:
        parts.append(f"  [{target}]")
    print("".join(parts), flush=True)


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"

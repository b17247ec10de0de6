"""Where idle memory goes: the modules the idle tray holds, and what each group of them costs.

    python -m bench.idle_imports [--quick]

1. The bare tray and Companion run on one Xvfb desktop with trayer, each under a small wrapper
   that, once the program has settled in the tray, writes the names of the modules it holds
   (`sys.modules`) to a file. Companion's extra modules are the difference. As in bench.idle,
   Companion starts on a journal that is already there and up to date. At the same moment
   /proc/<pid>/smaps of each is read and summed by mapping (each shared library, the heap,
   anonymous memory): the running app's difference from the bare tray, by where it lies.
2. A fresh offscreen process builds what the bare tray builds (a QApplication and a tray icon),
   then imports Companion's extra modules one group at a time (standard library, sqlite3,
   each further Qt module, third-party packages, our own packages, each window package) and
   reads its own PSS, RSS and USS (/proc/self/smaps_rollup) after each group.
The groups are imported in dependency order, so each is charged only for what it adds.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench import harness
from bench.harness import APP, FLOOR
from tests.e2e.desktop import Desktop

SETTLE_S = 10.0
QUICK_SETTLE_S = 1.0

#: Runs a program as ``__main__`` (a script path, or ``-m module``) and, once ``TRIGGER`` exists,
#: writes the modules it holds to ``OUT``.
_WRAPPER = """
import _thread, os, runpy, sys, time
out, trigger, *target = sys.argv[1:]
def dump():
    while not os.path.exists(trigger):
        time.sleep(0.05)
    with open(out + ".tmp", "w") as f:
        f.write("\\n".join(sorted(sys.modules)))
    os.replace(out + ".tmp", out)
_thread.start_new_thread(dump, ())
if target[0] == "-m":
    sys.argv = [target[1], *target[2:]]
    runpy.run_module(target[1], run_name="__main__", alter_sys=True)
else:
    sys.argv = target
    runpy.run_path(target[0], run_name="__main__")
"""


Mappings = dict[str, tuple[int, int]]


def held_modules(
    on: Desktop, cmd: Sequence[str], name: str, settle: float
) -> tuple[list[str], Mappings]:
    """The modules ``cmd`` holds once settled in the tray, and its memory by mapping."""
    folder = Path(on.root)
    out, trigger = folder / f"{name}.modules.json", folder / f"{name}.trigger"
    target = list(cmd[1:])
    wrapped = [sys.executable, "-c", _WRAPPER, str(out), str(trigger), *target]
    child = harness.spawn(on, wrapped, name, **harness.UNTRACED)
    on.wait_tray_icon(timeout=30)
    time.sleep(settle)
    trigger.touch()
    on.wait_for(out.exists, f"{name}'s module list", 10.0)
    modules = out.read_text().splitlines()
    mappings = read_mappings(child.pid)
    harness.stop(on, child)
    return modules, mappings


def read_mappings(pid: int) -> Mappings:
    """(PSS, RSS) in kB by mapping: a library's file name, [heap], or [anon] for the rest."""
    sums: dict[str, list[int]] = {}
    name = "[anon]"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if fields and not fields[0].endswith(":"):  # a mapping's header line
            name = fields[5].rsplit("/", 1)[-1] if len(fields) > 5 else "[anon]"
        elif fields and fields[0] in ("Pss:", "Rss:"):
            sums.setdefault(name, [0, 0])[fields[0] == "Rss:"] += int(fields[1])
    return {key: (pss, rss) for key, (pss, rss) in sums.items()}


def report_mappings(bare: Mappings, app: Mappings) -> None:
    harness.title("Idle memory: where the running app's difference lies (smaps, MB)")
    rows = []
    for key in set(bare) | set(app):
        pss = app.get(key, (0, 0))[0] - bare.get(key, (0, 0))[0]
        rss = app.get(key, (0, 0))[1] - bare.get(key, (0, 0))[1]
        rows.append((pss, rss, key))
    shown = [row for row in rows if abs(row[0]) >= 50 or abs(row[1]) >= 50]
    rest = [row for row in rows if row not in shown]
    print(f"{'mapping':44} {'PSS':>8} {'RSS':>8}")
    for pss, rss, key in sorted(shown, reverse=True):
        print(f"{key:44} {pss / 1024:8.2f} {rss / 1024:8.2f}")
    print(
        f"{'others (each under 50 kB)':44} {sum(r[0] for r in rest) / 1024:8.2f}"
        f" {sum(r[1] for r in rest) / 1024:8.2f}"
    )
    print(f"{'all':44} {sum(r[0] for r in rows) / 1024:8.2f} {sum(r[1] for r in rows) / 1024:8.2f}")


# -- the second step, in a fresh process --------------------------------------------------


def group_of(module: str) -> str:
    """The group a module is charged to."""
    top = module.split(".")[0]
    if top in ("sqlite3", "_sqlite3"):
        return "sqlite3 (stdlib)"
    if top == "sqlcipher3":
        return "sqlcipher3 (SQLCipher, the encrypted journal)"
    if top in ("PySide6", "shiboken6"):
        return f"Qt: {module.split('.')[1]}" if "." in module else "Qt"
    if top == "companion":
        parts = module.split(".")
        if len(parts) > 2 and parts[1] == "ui":
            return f"our code: companion.ui.{parts[2]}"
        if len(parts) > 1 and parts[1] in ("core", "store", "system", "notify", "flows", "ui"):
            return f"our code: companion.{parts[1]}"
        return "our code: companion (top level)"
    if top in sys.stdlib_module_names or top.startswith("_"):
        return "Python stdlib"
    return f"third-party: {top}"


def _order(group: str) -> tuple[int, str]:
    rank = (
        "Python stdlib",
        "sqlite3 (stdlib)",
        "sqlcipher3 (SQLCipher, the encrypted journal)",
        "Qt",
        "third-party",
        "our code: companion.core",
        "our code: companion.store",
        "our code: companion.system",
        "our code: companion.notify",
        "our code: companion.ui",
        "our code: companion.ui.",
        "our code: companion.flows",
        "our code: companion (top level)",
    )
    best = max((i for i, prefix in enumerate(rank) if group.startswith(prefix)), default=99)
    return best, group


_MEASURE = """
import importlib, json, sys
from pathlib import Path
def reading():
    values = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Pss", "Rss", "Private_Clean", "Private_Dirty"):
            values[key] = int(rest.split()[0])
    return values["Pss"], values["Rss"], values["Private_Clean"] + values["Private_Dirty"]
groups = json.loads(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from bare_tray import BareTray
from PySide6.QtWidgets import QApplication
app = QApplication([])
tray = BareTray(app)
app.processEvents()
rows = [["bare tray (in this process)", *reading()]]
for name, modules in groups:
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception as error:
            print(f"cannot import {module}: {error}", file=sys.stderr)
    app.processEvents()
    rows.append([name, *reading()])
print(json.dumps(rows))
"""


def import_costs(extra: Sequence[str]) -> list[tuple[str, int, int, int]]:
    """(group, PSS, RSS, USS in kB) after the bare tray and after each group, cumulative."""
    groups: dict[str, list[str]] = {}
    for module in extra:
        if module == "__main__":
            continue
        groups.setdefault(group_of(module), []).append(module)
    ordered = sorted(groups.items(), key=lambda item: _order(item[0]))
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, json.dumps(ordered), str(FLOOR[1].rsplit("/", 1)[0])],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=harness.REPO,
    )
    if done.stderr.strip():
        print(done.stderr.strip(), file=sys.stderr)
    rows = json.loads(done.stdout)
    return [(str(name), int(pss), int(rss), int(uss)) for name, pss, rss, uss in rows]


def report(extra: Sequence[str], rows: Sequence[tuple[str, int, int, int]]) -> None:
    harness.title("Idle memory: the modules Companion holds beyond the bare tray")
    counts: dict[str, int] = {}
    for module in extra:
        counts[group_of(module)] = counts.get(group_of(module), 0) + 1
    print(f"{'group':44} {'modules':>7} {'PSS':>8} {'RSS':>8} {'USS':>8}  (MB added)")
    for (_, *before), (name, *after) in itertools.pairwise(rows):
        pss, rss, uss = ((a - b) / 1024 for a, b in zip(after, before, strict=True))
        print(f"{name:44} {counts.get(name, 0):7} {pss:8.2f} {rss:8.2f} {uss:8.2f}")
    first, last = rows[0], rows[-1]
    total = [(a - b) / 1024 for a, b in zip(last[1:], first[1:], strict=True)]
    print(f"{'all imports':44} {len(extra):7} {total[0]:8.2f} {total[1]:8.2f} {total[2]:8.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    args = harness.parse_args(__doc__ or "", argv)
    settle = QUICK_SETTLE_S if args.quick else SETTLE_S
    with harness.desktop() as on:
        bare, bare_mappings = held_modules(on, FLOOR, "floor", settle)
        harness.existing_journal(on.data_dir)
        app, app_mappings = held_modules(on, APP, "companion", settle)
    extra = sorted(set(app) - set(bare))
    for module in extra:
        print(f"  {group_of(module):40} {module}")
    report_mappings(bare_mappings, app_mappings)
    report(extra, import_costs(extra))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`companion --self-test`: proves a build can run here, without touching the agent's journal.

IT runs it after an install (and CI after a frozen build): it opens a database in a temporary
folder, checks every shipped resource against the build's manifest, loads the Qt plugins the
app needs and builds the notifier chain (sending nothing), then prints one line a check and
exits 0 only when all passed. ``--report PATH`` writes the same lines to a file: the Windows
build has no console, so there print() goes nowhere.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from companion.system.build_info import version_text

Check = Callable[[], str]


def _check_resources() -> str:
    from companion.system.resource_manifest import expected_resources, resource_problems
    from companion.system.resources import resources_dir

    expected = expected_resources()
    if not expected:
        raise RuntimeError(
            "the build's list of its resources (resources-manifest.json) is missing or empty"
        )
    problems = resource_problems(expected, resources_dir())
    if problems:
        raise RuntimeError("; ".join(problems))
    source = "the build's manifest" if getattr(sys, "frozen", False) else "the source tree"
    return f"all {len(expected)} listed by {source} are intact: {', '.join(sorted(expected))}"


def _check_database() -> str:
    from datetime import datetime

    from companion.core.calls import DifficultCall
    from companion.core.journal import JournalEntry
    from companion.store.storage import open_storage

    with tempfile.TemporaryDirectory(prefix="companion-self-test-") as folder:
        storage = open_storage(Path(folder))
        if storage.warnings:
            raise RuntimeError(storage.warnings[0])
        now = datetime.now().astimezone()
        storage.calls.add(DifficultCall(tagged_at=now))
        storage.journal.save(
            JournalEntry(body="self test breathing", created_at=now, updated_at=now)
        )
        found = storage.journal.search("breath")
        storage.close()
        if len(found) != 1:
            raise RuntimeError("full-text search did not find the test entry")
    return "SQLite with FTS5, migrations, search"


def _check_qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication, QImage

    from companion.system.resources import resource
    from companion.ui.shell.app_icon import SIZES, icon_file

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    unreadable = [
        icon_file(size) for size in SIZES if QImage(str(resource(icon_file(size)))).isNull()
    ]
    if unreadable:
        raise RuntimeError(f"the icon did not load: {', '.join(unreadable)}")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    wanted = {"linux": "libqxcb.so", "win32": "qwindows.dll", "darwin": "libqcocoa.dylib"}
    name = wanted.get(sys.platform)
    if name is not None and not (plugins / name).exists():
        raise RuntimeError(f"Qt's desktop platform plugin {name} is missing from {plugins}")
    del app
    return f"Qt {QLibraryInfo.version().toString()}, icon loads, platform plugin present"


def _check_instance_socket() -> str:
    from companion.system.single_instance import InstanceServer, server_name

    with tempfile.TemporaryDirectory(prefix="companion-self-test-") as folder:
        server = InstanceServer(server_name(Path(folder)))
        if not server.listen():
            raise RuntimeError("could not open the single-instance socket")
        server.close()
    return "local socket"


def _check_notifications() -> str:
    from companion.notify.readiness import describe_notifications
    from companion.system.resources import resource

    return describe_notifications(resource("companion.svg"))


CHECKS: tuple[tuple[str, Check], ...] = (
    ("resources", _check_resources),
    ("database", _check_database),
    ("qt", _check_qt),
    ("single instance", _check_instance_socket),
    ("notifications", _check_notifications),
)


def run_self_test(report: Path | None = None, checks: Sequence[tuple[str, Check]] = CHECKS) -> int:
    """Print one line a check (and write them to ``report``); 0 only when every check passed."""
    kind = "frozen build" if getattr(sys, "frozen", False) else "source"
    # "Companion 0.1.0 (commit ...)": the Windows build has no console for --version.
    lines = [f"{version_text()} self-test ({kind})"]
    print(lines[0])
    failures = 0
    for name, check in checks:
        try:
            line = f"ok   {name}: {check()}"
        except Exception as error:  # any failure is a line of the report, never a crash
            failures += 1
            line = f"FAIL {name}: {error}"
        lines.append(line)
        print(line)
    lines.append("all checks passed" if failures == 0 else f"{failures} check(s) failed")
    print(lines[-1])
    if report is not None and not _write_report(report, lines):
        return 1
    return 0 if failures == 0 else 1


def _write_report(report: Path, lines: list[str]) -> bool:
    try:
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as error:
        print(f"The self-test report could not be written to {report} ({error}).", file=sys.stderr)
        return False
    return True

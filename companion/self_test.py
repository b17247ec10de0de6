"""`companion --self-test`: proves a build can run here, without touching the agent's journal.

IT runs it after an install (and CI after a frozen build): it opens a database in a temporary
folder, resolves every shipped resource, loads the Qt plugins the app needs and checks the
notification backend, then prints one line a check and exits 0 only when all passed.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from companion import __version__

RESOURCES = ("companion.svg",)

Check = Callable[[], str]


def _check_resources() -> str:
    from companion.system.resources import resource

    return ", ".join(resource(name).name for name in RESOURCES)


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
    from PySide6.QtGui import QGuiApplication, QIcon

    from companion.system.resources import resource

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pixmap = QIcon(str(resource("companion.svg"))).pixmap(32, 32)
    if pixmap.isNull():
        raise RuntimeError("the SVG icon did not render (Qt's svg image plugin is missing)")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    wanted = {"linux": "libqxcb.so", "win32": "qwindows.dll", "darwin": "libqcocoa.dylib"}
    name = wanted.get(sys.platform)
    if name is not None and not (plugins / name).exists():
        raise RuntimeError(f"Qt's desktop platform plugin {name} is missing from {plugins}")
    del app
    return f"Qt {QLibraryInfo.version().toString()}, icon renders, platform plugin present"


def _check_instance_socket() -> str:
    from companion.system.single_instance import InstanceServer, server_name

    with tempfile.TemporaryDirectory(prefix="companion-self-test-") as folder:
        server = InstanceServer(server_name(Path(folder)))
        if not server.listen():
            raise RuntimeError("could not open the single-instance socket")
        server.close()
    return "local socket"


def _check_notifications() -> str:
    platform = {"linux": "linux", "win32": "win", "darwin": "macosx"}.get(sys.platform)
    if platform is None:
        return f"no desktop notifications known for {sys.platform}; the tray fallback is used"
    importlib.import_module(f"plyer.platforms.{platform}.notification")
    return f"plyer backend plyer.platforms.{platform}.notification"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("resources", _check_resources),
    ("database", _check_database),
    ("qt", _check_qt),
    ("single instance", _check_instance_socket),
    ("notifications", _check_notifications),
)


def run_self_test() -> int:
    kind = "frozen build" if getattr(sys, "frozen", False) else "source"
    print(f"Companion {__version__} self-test ({kind})")
    failures = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as error:
            failures += 1
            print(f"FAIL {name}: {error}")
        else:
            print(f"ok   {name}: {detail}")
    print("all checks passed" if failures == 0 else f"{failures} check(s) failed")
    return 0 if failures == 0 else 1

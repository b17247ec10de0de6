"""Keeps the layering true: plain-Python core, adapters that know nothing of the app, flows
without widgets, Qt widgets only in ui and app, no network code."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "companion"
NETWORK_MODULES = {"socket", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib"}
NETWORK_QT_NAMES = {"QNetworkAccessManager", "QTcpSocket", "QUdpSocket", "QSslSocket"}


def module_name(path: Path) -> str:
    """``companion.core.calls`` for companion/core/calls.py (``companion.core`` for its
    __init__.py)."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    return imports_of_text(path.read_text(encoding="utf-8"), path)


def imports_of_text(text: str, path: Path) -> set[str]:
    """Every module ``text`` (the source of ``path``) imports, relative imports resolved."""
    tree = ast.parse(text)
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            if node.module:
                found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


#: Plain-Python libraries the core may use: Babel writes dates and numbers as each language
#: does (core/formatting.py), with no Qt, no SQL and no I/O of the app's own.
CORE_LIBRARIES = {"babel"}


def outside_core(names: set[str]) -> set[str]:
    """What a core module may not import: anything but the standard library, Babel and core."""
    allowed = set(sys.stdlib_module_names) | CORE_LIBRARIES
    return {
        n
        for n in names
        if n.split(".")[0] not in allowed
        and not (n == "companion.core" or n.startswith("companion.core."))
    }


def modules_in(subpackage: str) -> list[Path]:
    return sorted((PACKAGE / subpackage).rglob("*.py"))


def roots(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("path", modules_in("core"), ids=lambda p: p.name)
def test_core_uses_only_the_standard_library_and_itself(path: Path) -> None:
    assert not outside_core(imports_of(path)), (
        f"{path.name} imports {outside_core(imports_of(path))}"
    )
    # SQL is in the standard library, and still the store's alone.
    assert not roots(imports_of(path)) & {"sqlite3"}, path.name


SNEAKY = """
from __future__ import annotations
import json, os.path
from . import breaks
from .moods import Mood
from .. import store
from ..ui.tray import TrayController
import numpy
from PySide6 import QtCore
"""


def test_the_check_sees_relative_and_third_party_imports() -> None:
    names = imports_of_text(SNEAKY, PACKAGE / "core" / "probe.py")  # as if it lived in core
    assert {"companion.core.breaks", "companion.core.moods.Mood"} <= names
    assert outside_core(names) == {
        "companion.store",
        "companion.ui.tray",
        "companion.ui.tray.TrayController",
        "numpy",
        "PySide6",
        "PySide6.QtCore",
    }


@pytest.mark.parametrize("sub", ["store", "notify", "system"])
def test_adapters_never_import_ui_or_each_other(sub: str) -> None:
    others = {"store", "notify", "system", "flows", "ui"} - {sub}
    for path in modules_in(sub):
        for name in imports_of(path):
            for other in others:
                assert not name.startswith(f"companion.{other}"), f"{path} imports {name}"


def test_only_store_speaks_sql() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        assert not roots(imports_of(path)) & {"sqlite3", "sqlcipher3", "sqlite_utils"}, path


def widgets_or_ui(path: Path) -> set[str]:
    ui = ("companion.ui", "PySide6.QtWidgets", "PySide6.QtGui")
    return {n for n in imports_of(path) if n.startswith(ui)}


def test_flows_never_import_ui_or_widgets() -> None:
    offenders = {path.name for path in modules_in("flows") if widgets_or_ui(path)}
    assert not offenders


def test_qt_widgets_only_in_ui_and_app() -> None:
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in ("ui", "app.py", "app_start.py", "launch.py", "self_test.py"):
            continue
        widgets = {
            n for n in imports_of(path) if n.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))
        }
        assert not widgets, f"{path} imports {widgets}"


#: The single-instance listener: a Unix-domain socket in the private data folder, no network.
LOCAL_SOCKET_ONLY = PACKAGE / "system" / "local_listeners.py"


def test_no_network_code_anywhere() -> None:
    for path in PACKAGE.rglob("*.py"):
        names = imports_of(path)
        if path == LOCAL_SOCKET_ONLY:
            names -= {"socket"}
            uses = set(re.findall(r"\bAF_[A-Z0-9]+", path.read_text(encoding="utf-8")))
            assert uses == {"AF_UNIX"}, f"{path} may open Unix-domain sockets only: {uses}"
        assert not roots(names) & NETWORK_MODULES, f"{path} imports network modules"
        text = path.read_text(encoding="utf-8")
        assert not any(q in text for q in NETWORK_QT_NAMES), f"{path} uses Qt network sockets"


def test_the_product_never_imports_bench() -> None:
    """bench/ listens through companion.system.milestones, loaded by name only when asked for:
    the packaged build ships without it."""
    for path in PACKAGE.rglob("*.py"):
        assert "bench" not in roots(imports_of(path)), path

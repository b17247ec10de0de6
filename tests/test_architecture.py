"""Keeps the layering true: plain-Python core, Qt widgets only in ui and app, no network code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "companion"
NETWORK_MODULES = {"socket", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib"}
NETWORK_QT_NAMES = {"QNetworkAccessManager", "QTcpSocket", "QUdpSocket", "QSslSocket"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules_in(subpackage: str) -> list[Path]:
    return sorted((PACKAGE / subpackage).rglob("*.py"))


def roots(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("path", modules_in("core"), ids=lambda p: p.name)
def test_core_uses_only_the_standard_library_and_itself(path: Path) -> None:
    names = imports_of(path)
    ours = {n for n in names if n.startswith("companion") and not n.startswith("companion.core")}
    assert not ours, f"{path.name} imports {ours}"
    forbidden = roots(names) & {"PySide6", "sqlite3", "sqlite_utils", "plyer", "platformdirs"}
    assert not forbidden, f"{path.name} imports {forbidden}"


@pytest.mark.parametrize("sub", ["store", "notify", "system"])
def test_adapters_never_import_ui_or_each_other(sub: str) -> None:
    others = {"store", "notify", "system", "ui"} - {sub}
    for path in modules_in(sub):
        for name in imports_of(path):
            for other in others:
                assert not name.startswith(f"companion.{other}"), f"{path} imports {name}"


def test_only_store_speaks_sql() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        assert not roots(imports_of(path)) & {"sqlite3", "sqlite_utils"}, path


def test_qt_widgets_only_in_ui_and_app() -> None:
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in ("ui", "app.py", "launch.py", "self_test.py"):
            continue
        widgets = {
            n for n in imports_of(path) if n.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))
        }
        assert not widgets, f"{path} imports {widgets}"


def test_no_network_code_anywhere() -> None:
    for path in PACKAGE.rglob("*.py"):
        names = imports_of(path)
        assert not roots(names) & NETWORK_MODULES, f"{path} imports network modules"
        text = path.read_text(encoding="utf-8")
        assert not any(q in text for q in NETWORK_QT_NAMES), f"{path} uses Qt network sockets"

"""The whole app in-process (no tray: its fallback window), over a journal in tmp_path.

Messages the app tells the agent are recorded instead of shown in a modal box.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from companion.app import CompanionApp
from companion.store.storage import Storage, open_storage
from companion.system.single_instance import InstanceServer, server_name
from tests.fakes import FakeClock


class Told:
    """Stands in for QMessageBox in companion.app: what the agent would have read."""

    texts: ClassVar[list[str]] = []

    @classmethod
    def information(cls, parent: QWidget | None, title: str, text: str) -> None:
        cls.texts.append(text)


@pytest.fixture
def data_dir(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Companion's folders, settings and autostart entry all under tmp_path."""
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr("companion.app.QMessageBox", Told)
    # A fixed Tuesday morning: on the wall clock an evening run would owe the day's reflection
    # and send it to the desktop, holding the app's "notice with buttons" open.
    monkeypatch.setattr("companion.app.SystemClock", FakeClock)
    Told.texts = []
    return tmp_path / "data"


def start_app(storage: Storage, data_dir: Path) -> CompanionApp:
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    server = InstanceServer(server_name(data_dir))
    return CompanionApp(qt_app, server, storage, None, QIcon())


@pytest.fixture
def companion(data_dir: Path) -> Iterator[CompanionApp]:
    app = start_app(open_storage(data_dir), data_dir)
    yield app
    close_everything(app)


def close_everything(app: CompanionApp) -> None:
    QApplication.processEvents()  # the start-up's zero-delay timers (the daily backup)
    app.quit()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.hide()  # the fallback window only minimizes on closing
    app.shut_down()
    app.deleteLater()  # and its timers with it: none may fire over a closed journal
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

"""Suite-wide setup: Qt widgets render offscreen unless a test starts its own X server, and each
test is marked by where it lives (``-m "not e2e"``, ``-m gui``)."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: A fake notification server on a private bus, for any test that needs one.
pytest_plugins = ("tests.notification_fixtures",)

HERE = Path(__file__).parent
#: Folder under tests/ -> the marker every test in it gets.
MARKED_FOLDERS = {HERE / "gui": pytest.mark.gui, HERE / "e2e": pytest.mark.e2e}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for folder, marker in MARKED_FOLDERS.items():
            if folder in item.path.parents:
                item.add_marker(marker)

"""Suite-wide setup: Qt widgets render offscreen unless a test starts its own X server, and each
test is marked by where it lives (``-m "not e2e"``, ``-m gui``)."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: CI runs the same examples every time, with no time limit per example: a property test must not
#: pass on one run and fail on the next because the random draw (or the machine's load) differed.
#: Run locally, hypothesis keeps drawing new examples, which is where it finds new edges (a spring-
#: gap time in tests/unit/store/test_insights_reads.py was found that way).
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

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

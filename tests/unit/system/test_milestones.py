"""The one hook bench/ listens on: silent and import-free unless a listener is asked for."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest

from companion.system import milestones
from tests.unit.system import milestone_listener

LISTENER = milestone_listener.__name__


@pytest.fixture(autouse=True)
def fresh_hook(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No listener asked for, none remembered, nothing heard."""
    monkeypatch.delenv(milestones.ENV, raising=False)
    milestones._listener.cache_clear()
    milestone_listener.heard.clear()
    yield
    milestones._listener.cache_clear()


def test_without_the_variable_no_listener_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, LISTENER)
    milestones.reached("app_ready")
    assert LISTENER not in sys.modules


def test_the_listener_hears_the_name_the_subject_and_the_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(milestones.ENV, LISTENER)
    window = object()
    milestones.reached("break_window_built", window)
    milestones.reached("breathing_started", frames=3, ticks=4)
    assert milestone_listener.heard == [
        ("break_window_built", window, {}),
        ("breathing_started", None, {"frames": 3, "ticks": 4}),
    ]


def test_a_listener_that_cant_be_imported_is_logged_once_and_left_alone(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(milestones.ENV, "bench_is_not_shipped.trace")  # as in the frozen build
    with caplog.at_level(logging.INFO, logger=milestones.__name__):
        milestones.reached("tray_activated")
        milestones.reached("tray_activated")
    assert [r.getMessage() for r in caplog.records] == [
        "milestones go nowhere: bench_is_not_shipped.trace can't be imported here "
        "(No module named 'bench_is_not_shipped')"
    ]

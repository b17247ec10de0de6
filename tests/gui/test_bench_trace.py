"""bench/trace.py, the listener the benchmarks and the end-to-end tests start the app with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from bench import trace
from companion.system import milestones


@pytest.fixture
def traced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The trace file of an app started with ``trace.environment``."""
    path = tmp_path / "trace.txt"
    for name, value in trace.environment(path).items():
        monkeypatch.setenv(name, value)
    milestones._listener.cache_clear()
    yield path
    milestones._listener.cache_clear()


def test_each_milestone_is_a_line_with_its_time_and_figures(traced: Path) -> None:
    milestones.reached("tray_activated")
    milestones.reached("breathing_started", frames=3, ticks=4)
    lines = trace.read(traced)
    assert [line.event for line in lines] == ["tray_activated", "breathing_started"]
    assert lines[1].fields == {"frames": "3", "ticks": "4"}
    assert lines[0].when <= lines[1].when


def test_the_break_window_s_first_paint_is_traced_once(qtbot: QtBot, traced: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    milestones.reached("break_window_built", window)
    assert trace.events(traced, "first_frame_painted") == []
    window.show()
    qtbot.waitUntil(lambda: bool(trace.events(traced, "first_frame_painted")))
    window.repaint()
    assert len(trace.events(traced, "first_frame_painted")) == 1
    assert [line.event for line in trace.read(traced)] == [
        "break_window_built",
        "first_frame_painted",
    ]


def test_a_line_still_being_written_is_left_for_later(tmp_path: Path) -> None:
    path = tmp_path / "trace.txt"
    path.write_text("1.000000 tray_activated\n2.0000", encoding="utf-8")
    assert [line.event for line in trace.read(path)] == ["tray_activated"]
    assert trace.read(tmp_path / "never-written.txt") == []

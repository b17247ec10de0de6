"""The break speaks to screen readers and, when asked, chimes: each new step once, politely.

``accessible.announce`` is where Companion hands a sentence to the platform's accessibility
layer (Qt has no hook to read it back); these tests stand in for that layer there. The e2e
test tests/e2e/test_announcements.py hears the real events through AT-SPI.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from companion.core.breathing import Movement
from companion.core.settings import Settings
from companion.system.paths import DATA_DIR_ENV
from companion.ui.breathing import accessible
from companion.ui.breathing.pacer import PacerWidget
from companion.ui.breathing.phase_sound import PhaseSound
from tests.gui.breathing_helpers import Break, MakeBreak, break_opener

NEVER_MS = 3_600_000


@pytest.fixture
def make_break(qtbot: QtBot) -> MakeBreak:
    return break_opener(qtbot)


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QObject, str]]:
    heard: list[tuple[QObject, str]] = []
    monkeypatch.setattr(accessible, "announce", lambda source, text: heard.append((source, text)))
    return heard


def start(b: Break) -> None:
    b.click("Start breathing")
    assert b.window.current_page == "breathing"


def test_breathing_announces_each_step_from_the_pacer(
    make_break: MakeBreak, announced: list[tuple[QObject, str]]
) -> None:
    b = make_break(auto_start_seconds=0)
    assert announced == [], "the mood check says nothing of its own"
    start(b)
    b.breathe_for(20.0)
    assert {type(source) for source, _ in announced} == {PacerWidget}
    assert [text for _, text in announced] == [
        "Breathe in, then in again. 1 minute 12 seconds left",
        "Breathe out",
        "Breathe in, then in again",
        "Breathe out",
        "Breathe in, then in again",
    ]


def test_a_paused_break_says_nothing_until_it_resumes(
    make_break: MakeBreak, announced: list[tuple[QObject, str]]
) -> None:
    b = make_break(Settings(pattern_key="box"), auto_start_seconds=0)
    start(b)
    b.breathe_for(1.0)
    b.click("Pause")
    before = list(announced)
    b.breathe_for(20.0)
    assert announced == before == [(b.window.pacer, "Breathe in. 1 minute 20 seconds left")]
    b.click("Resume")
    b.breathe_for(3.0)
    assert [text for _, text in announced[1:]] == ["Hold"]


def test_reduced_motion_says_the_same(
    make_break: MakeBreak, announced: list[tuple[QObject, str]]
) -> None:
    spoken = []
    for reduced in (False, True):
        announced.clear()
        b = make_break(reduced_motion=reduced, auto_start_seconds=0)
        start(b)
        b.breathe_for(31.0, step=0.1 if reduced else 1 / 60)
        spoken.append([text for _, text in announced])
        b.window.close()
    assert spoken[0] == spoken[1]
    assert len(spoken[0]) == 8
    assert spoken[0][-1] == "Breathe out. 42 seconds left"


def test_the_countdown_reads_and_says_when_breathing_starts(
    make_break: MakeBreak, announced: list[tuple[QObject, str]]
) -> None:
    b = make_break(countdown_step_ms=NEVER_MS)
    [label] = [
        label
        for label in b.window.findChildren(QLabel)
        if label.isVisible() and label.text().startswith("Starting in")
    ]
    assert label.accessibleName() == "Starting in 5 s"
    assert announced == [(label, "Starting in 5 s")], "said once, when it starts"
    b.countdown_step()
    assert label.accessibleName() == "Starting in 4 s"
    assert len(announced) == 1, "not every second"
    b.press(Qt.Key.Key_Tab)
    assert label.accessibleName() == "Start whenever you're ready."


def test_the_settings_set_the_countdown_or_turn_it_off(make_break: MakeBreak) -> None:
    b = make_break(Settings(auto_start_seconds=12), auto_start_seconds=None)
    assert "Starting in 12 s" in b.visible_text()
    b.window.close()
    off = make_break(Settings(auto_start_seconds=0), auto_start_seconds=None)
    assert not off.window.counting_down
    assert not any(text.startswith("Starting in") for text in off.visible_text())


@pytest.fixture
def player(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for paplay on an otherwise empty PATH: it writes down what it was given."""
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "played.txt"
    script = folder / "paplay"
    script.write_text(f'#!/bin/sh\necho "$1" >> {log}\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    return log


def played(log: Path) -> list[str]:
    return log.read_text().split() if log.exists() else []


def test_no_tone_unless_the_agent_turns_it_on(make_break: MakeBreak, player: Path) -> None:
    b = make_break(auto_start_seconds=0)
    start(b)
    b.breathe_for(10.0)
    assert b.window.findChildren(PhaseSound) == []
    assert played(player) == []


def test_with_the_tone_on_each_step_plays_its_tone(
    make_break: MakeBreak, player: Path, qtbot: QtBot
) -> None:
    b = make_break(Settings(phase_sound=True), auto_start_seconds=0)
    start(b)
    b.breathe_for(9.5)
    [sound] = b.window.findChildren(PhaseSound)
    expected = [Movement.INHALE, Movement.INHALE, Movement.EXHALE, Movement.INHALE]
    assert sound.asked == sound.played == expected
    qtbot.waitUntil(lambda: len(played(player)) == 4)
    # The players run side by side here (the fake clock breathed 9.5 s at once), so they may
    # finish writing in any order: the order they were started in is ``sound.played``'s.
    files = [Path(name).name for name in played(player)]
    assert sorted(name.split("-")[1] for name in files) == sorted(m.value for m in expected)
    assert all((Path(name)).parent == player.parent / "data" / "tones" for name in played(player))


def test_without_a_player_the_tone_is_silent(
    make_break: MakeBreak, player: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    b = make_break(Settings(phase_sound=True), auto_start_seconds=0)
    start(b)
    b.breathe_for(10.0)
    [sound] = b.window.findChildren(PhaseSound)
    assert len(sound.asked) == 4 and sound.played == []
    b.click("Done")
    assert b.window.current_page == "after"

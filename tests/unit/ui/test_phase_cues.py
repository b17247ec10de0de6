"""When the pacer speaks: each new step once, short steps said with the one before, the time
left now and then, and never two announcements closer than the gap."""

from __future__ import annotations

import io
import itertools
import wave
from pathlib import Path

import pytest

from companion.core.breathing import (
    BOX,
    CYCLIC_SIGHING,
    FOUR_SEVEN_EIGHT,
    RESONANCE,
    Movement,
    Pattern,
    phase_at,
    whole_cycles_length,
)
from companion.ui.breathing.phase_cues import (
    MIN_GAP_S,
    TIME_LEFT_EVERY_S,
    Cue,
    PhaseCues,
)
from companion.ui.breathing.phase_sound import find_player, tone_wav, write_tones

FRAME_S = 1 / 60


def follow(pattern: Pattern, seconds: float, frame: float = FRAME_S) -> list[tuple[float, Cue]]:
    """Every cue of a break of ``seconds`` breathed at ``frame`` a frame, with when it came."""
    cues = PhaseCues(pattern)
    heard = []
    for index in range(round(seconds / frame)):
        elapsed = index * frame
        cue = cues.follow(phase_at(pattern, elapsed), seconds - elapsed)
        if cue is not None:
            heard.append((elapsed, cue))
    return heard


def said(heard: list[tuple[float, Cue]]) -> list[tuple[float, str]]:
    return [(round(at, 1), cue.words) for at, cue in heard if cue.words]


def test_cyclic_sighing_says_its_one_second_breath_with_the_first() -> None:
    length = whole_cycles_length(CYCLIC_SIGHING, 75)
    heard = follow(CYCLIC_SIGHING, length)
    assert said(heard)[:4] == [
        (0.0, "Breathe in, then in again. 1 minute 12 seconds left"),
        (3.0, "Breathe out"),
        (9.0, "Breathe in, then in again"),
        (12.0, "Breathe out"),
    ]
    # The tone marks every step, the short one too.
    assert [cue.movement for _, cue in heard[:3]] == [
        Movement.INHALE,
        Movement.INHALE,
        Movement.EXHALE,
    ]
    assert len(heard) == 3 * 8


@pytest.mark.parametrize("pattern", [CYCLIC_SIGHING, BOX, FOUR_SEVEN_EIGHT, RESONANCE])
def test_never_a_flood(pattern: Pattern) -> None:
    """Every pattern, breathed at 60 and at 10 frames a second (reduced motion): no two
    announcements closer than the gap, at most one per step, and the time left now and then."""
    for frame in (FRAME_S, 0.1):
        times = [at for at, _ in said(follow(pattern, 180, frame))]
        gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
        assert min(gaps) >= MIN_GAP_S - 1e-6
        with_time = [words for _, words in said(follow(pattern, 180, frame)) if "left" in words]
        assert 180 / TIME_LEFT_EVERY_S - 2 <= len(with_time) <= 180 / TIME_LEFT_EVERY_S


def test_box_says_every_step() -> None:
    words = [words.split(".")[0] for _, words in said(follow(BOX, 32))]
    assert words == ["Breathe in", "Hold", "Breathe out", "Hold"] * 2


def test_four_seven_eight_says_breathe_normally_after_its_four_breaths() -> None:
    """Not every breath: once, then with the time left."""
    heard = said(follow(FOUR_SEVEN_EIGHT, 76 + 70))
    words = [words.split(".")[0] for _, words in heard]
    assert words == ["Breathe in", "Hold", "Breathe out"] * 4 + ["Breathe normally"] * 3
    assert heard[-3:] == [
        (76.0, "Breathe normally"),
        (93.0, "Breathe normally. 53 seconds left"),
        (125.0, "Breathe normally. 21 seconds left"),
    ]


def test_a_frame_that_arrives_late_still_says_the_step_it_finds() -> None:
    cues = PhaseCues(BOX)
    assert cues.follow(phase_at(BOX, 0.0), 64.0) == Cue(
        Movement.INHALE, "Breathe in. 1 minute 4 seconds left"
    )
    # A loaded machine skipped the whole hold: the exhale is said, not the hold.
    assert cues.follow(phase_at(BOX, 8.5), 55.5) == Cue(Movement.EXHALE, "Breathe out")
    assert cues.follow(phase_at(BOX, 9.0), 55.0) is None


def test_extra_time_counts_the_gaps_from_when_it_was_added() -> None:
    cues = PhaseCues(BOX)
    cues.follow(phase_at(BOX, 0.0), 40.0)
    cues.follow(phase_at(BOX, 3.9), 36.1)
    # "+32 s" just before the next step: the time left is not said again yet, only 4 s on.
    assert cues.follow(phase_at(BOX, 4.0), 68.0) == Cue(Movement.HOLD, "Hold")


def test_a_tone_is_a_short_soft_wav() -> None:
    data = tone_wav(392.0, 494.0)
    with wave.open(io.BytesIO(data)) as read:
        assert (read.getnchannels(), read.getsampwidth()) == (1, 2)
        seconds = read.getnframes() / read.getframerate()
        frames = read.readframes(read.getnframes())
    assert 0.2 < seconds < 0.5
    assert len(data) < 20_000
    samples = [int.from_bytes(frames[i : i + 2], "little", signed=True) for i in (0, 2, 4)]
    assert max(abs(sample) for sample in samples) < 50, "it starts from silence: no click"


def test_the_tones_are_written_once(tmp_path: Path) -> None:
    folder = tmp_path / "tones"
    paths = write_tones(folder)
    assert set(paths) == set(Movement)
    written = {path: path.stat().st_mtime_ns for path in paths.values()}
    assert write_tones(folder) == paths
    assert {path: path.stat().st_mtime_ns for path in paths.values()} == written


def test_the_player_is_the_platforms_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert find_player("win32") == "winsound"
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_player("linux") is None
    assert find_player("darwin") is None

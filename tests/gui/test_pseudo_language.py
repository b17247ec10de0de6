"""Room for longer languages: every window, its sentences 40% longer (a pseudo-language built
from the template), at the normal text size and at twice it, clips no label and no button."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.pseudo_language import ROOT, pseudo

#: The windows bench/look_shots.py opens (the break's three pages count three), then Insights
#: (a week, four weeks) and the debrief summary.
WINDOWS = 18


def test_the_pseudo_language_is_longer_and_keeps_placeholders_and_lines() -> None:
    english = "Call tagged at {time} ·\nStart whenever you're ready."
    made = pseudo(english)
    assert "{time}" in made and "\n" in made
    assert len(made) >= 1.3 * len(english)
    assert made.startswith("[Çåll") and made.endswith("]")


@pytest.mark.parametrize("text_size", ["1", "2"])
def test_no_window_clips_a_language_a_third_longer(tmp_path: Path, text_size: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.pseudo_language", str(tmp_path), "--text", text_size],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"speaking: {pseudo('Breathing break')}" in done.stdout
    shown = [line for line in done.stdout.splitlines() if line.startswith("light-")]
    assert len(shown) == WINDOWS, done.stdout
    # Settings was wider than the 800-px screen (1003 px, 1889 at twice the text) until its
    # check boxes wrapped and its form rows put a field under its label (WrappingCheckBox).
    assert [line for line in shown if not line.endswith(" ok")] == []

"""What a blind agent hears from Orca (43.1, Debian 12's) while taking a break with the keyboard.

Read from Orca's own debug log on the test desktop (tests/e2e/orca.py). Orca 43 doesn't speak
AT-SPI announcements (object:announcement came in Orca 45), so the breathing steps are not heard
here: README says so and suggests the soft tone. What it does say is checked: the window, the
question before the faces, the face in focus with its key, and where the focus goes next.
"""

from __future__ import annotations

import pytest

from companion.core.moods import Mood
from companion.ui.breathing import messages as break_text
from tests.e2e import atspi, screen_reader
from tests.e2e.desktop import Desktop, Spawn
from tests.e2e.screen_reader import Orca
from tests.e2e.test_app import BREAK_TITLE, breathing_started, start_app
from tests.e2e.timing import patience


@pytest.fixture(autouse=True)
def _needs_orca() -> None:
    reason = atspi.missing() or screen_reader.missing()
    if reason is not None:
        pytest.skip(f"can't run Orca here ({reason}; run `make desktop-tools`)")


def test_orca_reads_the_break_question_first_then_the_face_in_focus(
    desktop: Desktop, spawn: Spawn
) -> None:
    atspi.accessible(desktop)
    reader = Orca.start(desktop)
    start_app(desktop, spawn)
    assert desktop.run_app("tag").returncode == 0
    window = desktop.find_window(BREAK_TITLE, timeout=patience(20))

    face = f"{break_text.mood_name(Mood.OKAY)} push button."
    heard = reader.wait_said(face)
    assert heard[-3:] == [f"{BREAK_TITLE}.", f"{break_text.MOOD_BEFORE} panel.", face], heard

    desktop.until(
        lambda: desktop.key("3", window=window),
        lambda: breathing_started(desktop) or None,
        "breathing to start after the mood key",
        patience(20),
    )
    pause = f"{break_text.PAUSE} push button."
    heard = reader.wait_said(pause, since=len(heard))
    assert break_text.MOOD_BEFORE + " panel." not in heard  # the question is gone with its page

    heard_so_far = len(reader.said())
    desktop.key("Escape", window=window)
    heard = reader.wait_said(face, since=heard_so_far)  # the same face, after the break
    assert heard[-2:] == [f"{break_text.MOOD_AFTER} panel.", face], heard

"""What Companion tells the agent: through the tray balloon when it takes it, else a box."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from companion.flows.notices import Messages


class Balloon:
    def __init__(self, shows: bool) -> None:
        self.shows = shows
        self.told: list[tuple[str, str]] = []

    def tell(self, title: str, text: str) -> bool:
        self.told.append((title, text))
        return self.shows


def test_without_a_balloon_the_box_comes_from_the_event_loop(qtbot: QtBot) -> None:
    boxes: list[str] = []
    messages = Messages(boxes.append)
    messages.tell("Your journal file opens again.")
    assert boxes == [], "never a modal box in the middle of what is being built"
    qtbot.waitUntil(lambda: boxes == ["Your journal file opens again."])


def test_a_balloon_that_shows_it_is_enough(qtbot: QtBot) -> None:
    boxes: list[str] = []
    messages = Messages(boxes.append)
    balloon = Balloon(shows=True)
    messages.use_balloon(balloon)
    messages.tell("Settings saved.")
    later: list[bool] = []
    QTimer.singleShot(0, lambda: later.append(True))  # after any box the tell had queued
    qtbot.waitUntil(lambda: later == [True])
    assert balloon.told == [("Companion", "Settings saved.")] and boxes == []


def test_a_balloon_that_cannot_show_it_falls_back_to_the_box(qtbot: QtBot) -> None:
    boxes: list[str] = []
    messages = Messages(boxes.append)
    messages.use_balloon(Balloon(shows=False))
    messages.tell("Settings not saved.")
    qtbot.waitUntil(lambda: boxes == ["Settings not saved."])

"""The bench's trace: the app's milestones, each appended to a file with the time it was reached.

A program started with ``environment(path)`` loads this module as its milestone listener
(companion.system.milestones) and appends a line to ``path`` per milestone:
``<time.monotonic()> <event> [key=value ...]``. The monotonic clock is shared by every process
on the machine, so a benchmark or a test compares these lines with its own clock. One moment
the app doesn't name itself: ``first_frame_painted``, when the break window it just built
starts painting, is watched for here.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from companion.system import milestones

#: The file the lines go to.
ENV = "COMPANION_BENCH_TRACE"
#: Milestone -> the event traced when its subject first paints.
FIRST_PAINT = {"break_window_built": "first_frame_painted"}


def environment(path: Path) -> dict[str, str]:
    """The variables that make the app trace its milestones into ``path``."""
    return {milestones.ENV: __name__, ENV: str(path)}


# -- in the app ---------------------------------------------------------------------------


def milestone(name: str, subject: object, fields: Mapping[str, object]) -> None:
    """The listener: trace ``name`` now, and the first paint of the window it is about."""
    mark(name, **fields)
    if name in FIRST_PAINT and isinstance(subject, QObject):
        subject.installEventFilter(_FirstPaint(FIRST_PAINT[name], subject))


def mark(event: str, **fields: object) -> None:
    """Append one timestamped event to the trace file, if one was given."""
    path = os.environ.get(ENV)
    if not path:
        return
    now = time.monotonic()
    extra = "".join(f" {key}={value}" for key, value in fields.items())
    with open(path, "a", encoding="utf-8") as trace:
        trace.write(f"{now:.6f} {event}{extra}\n")


class _FirstPaint(QObject):
    def __init__(self, event: str, parent: QObject) -> None:
        super().__init__(parent)
        self._event = event

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            mark(self._event)
        return False


# -- in the bench and the tests -----------------------------------------------------------


@dataclass(frozen=True)
class TraceLine:
    when: float
    event: str
    fields: dict[str, str]


def read(path: Path) -> list[TraceLine]:
    """The lines traced so far, oldest first; one the app is still writing is left for later."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    lines = []
    for complete in text.split("\n")[:-1]:
        when, event, *rest = complete.split()
        fields = dict(part.split("=", 1) for part in rest)
        lines.append(TraceLine(float(when), event, fields))
    return lines


def events(path: Path, name: str) -> list[TraceLine]:
    """The lines of event ``name``, oldest first."""
    return [line for line in read(path) if line.event == name]

"""Off by default: with COMPANION_BENCH_TRACE=<file> the app appends the moments bench/ times.

Each line is ``<time.monotonic()> <event> [key=value ...]``. The monotonic clock is shared by
every process on the machine, so a benchmark can compare these lines with its own clock.
Nothing is written, and no event filter is installed, unless the variable is set.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject

ENV = "COMPANION_BENCH_TRACE"


def mark(event: str, **fields: object) -> None:
    """Append one timestamped event to the trace file, when tracing is on."""
    path = os.environ.get(ENV)
    if not path:
        return
    now = time.monotonic()
    extra = "".join(f" {key}={value}" for key, value in fields.items())
    with open(path, "a", encoding="utf-8") as trace:
        trace.write(f"{now:.6f} {event}{extra}\n")


def mark_first_paint(widget: QObject, event: str) -> None:
    """Mark ``event`` when ``widget`` starts painting for the first time (tracing only)."""
    if os.environ.get(ENV):
        widget.installEventFilter(_FirstPaint(event, widget))


class _FirstPaint(QObject):
    def __init__(self, event: str, parent: QObject) -> None:
        super().__init__(parent)
        self._event = event

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            mark(self._event)
        return False

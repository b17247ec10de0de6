"""Orca, the GNOME screen reader, on the test desktop: what it would say, read from its debug log.

Debian 12's Orca 43.1 runs without speech here (no speech-dispatcher); it still writes each
sentence it would speak to its debug log as ``SPEECH OUTPUT: '...'``, which is what a blind
agent would hear. Started after the accessibility bus (tests/e2e/atspi.py), with preferences
of its own, so nothing of this machine's is read.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.e2e.desktop import Desktop
from tests.e2e.processes import ChildProcess
from tests.e2e.timing import patience

SYSTEM_PYTHON = "/usr/bin/python3"
LINE_BUFFERED = Path(__file__).with_name("orca_line_buffered.py")
#: ``SPEECH OUTPUT: 'Screen reader on.'{'established': False}``: the sentence, then its voice.
_SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*?)' ?\{")
READY = "Screen reader on."


def missing() -> str | None:
    return None if shutil.which("orca") else "missing: orca"


class Orca:
    """One Orca on ``desktop``; ``said()`` lists its sentences, oldest first."""

    def __init__(self, desktop: Desktop, child: ChildProcess, log: Path) -> None:
        self._desktop, self.child, self._log = desktop, child, log

    @classmethod
    def start(cls, desktop: Desktop) -> Orca:
        prefs = desktop.root / "orca-prefs"
        prefs.mkdir(exist_ok=True)
        log = desktop.root / "orca-debug.log"
        command = [SYSTEM_PYTHON, str(LINE_BUFFERED), "--debug-file", str(log), "-u", str(prefs)]
        child = desktop.spawn(command, name="orca")
        orca = cls(desktop, child, log)
        desktop.wait_for(lambda: READY in orca.said() or None, "Orca to start", patience(30))
        return orca

    def said(self) -> list[str]:
        if not self._log.exists():
            return []
        text = self._log.read_text(encoding="utf-8", errors="replace")
        return [match.group(1) for match in _SPOKEN.finditer(text)]

    def wait_said(self, sentence: str, *, since: int = 0, timeout: float = 20) -> list[str]:
        """What Orca said from its ``since``-th sentence up to ``sentence``, once it said it."""

        def up_to() -> list[str] | None:
            said = self.said()[since:]
            return said[: said.index(sentence) + 1] if sentence in said else None

        return self._desktop.wait_for(up_to, f"Orca to say {sentence!r}", patience(timeout))

"""The optional soft tone at each step of the breath, played by the platform, never waited for.

Why this way: QSoundEffect is QtMultimedia, which is in PySide6-Addons (hundreds of MB), not
in Essentials. The three tones are made here with the standard library (a sine with a soft
attack and release, about 17 kB each as WAV) and written once to the cache folder, so the
package grows by no file at all. They are played by what the platform already has: winsound
(standard library, asynchronous) on Windows, ``afplay`` on macOS, and on Linux the first of
``paplay`` (PulseAudio, and PipeWire's pulse layer), ``pw-play`` (PipeWire) and ``aplay``
(ALSA), started with QProcess and never waited for. Without any of them the tone is silent;
Settings says so once, beside the checkbox.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import struct
import sys
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QProcess

from companion.core.breathing import Movement

RATE = 22050
TONE_SECONDS = 0.35
#: Quiet: a fifth of full scale, for a sound heard in an open-plan office.
VOLUME = 0.2
#: Rising for a breath in, falling for a breath out, steady and low for a hold (Hz).
TONES: dict[Movement, tuple[float, float]] = {
    Movement.INHALE: (392.0, 494.0),
    Movement.HOLD: (440.0, 440.0),
    Movement.EXHALE: (494.0, 392.0),
}
LINUX_PLAYERS = ("paplay", "pw-play", "aplay")


def tone_wav(start_hz: float, end_hz: float, seconds: float = TONE_SECONDS) -> bytes:
    """A mono 16-bit WAV gliding from ``start_hz`` to ``end_hz``, faded in and out (no click)."""
    count = int(RATE * seconds)
    frames = bytearray()
    phase = 0.0
    for index in range(count):
        share = index / count
        phase += 2.0 * math.pi * (start_hz + (end_hz - start_hz) * share) / RATE
        envelope = math.sin(math.pi * share) ** 2  # a soft swell, zero at both ends
        frames += struct.pack("<h", int(32767 * VOLUME * envelope * math.sin(phase)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def find_player(platform: str = sys.platform) -> str | None:
    """The program that plays the tones here ("winsound" on Windows), or None: silent."""
    if platform == "win32":
        return "winsound"
    candidates = ("afplay",) if platform == "darwin" else LINUX_PLAYERS
    for name in candidates:
        path = shutil.which(name)
        if path is not None:
            return path
    return None


def write_tones(folder: Path) -> dict[Movement, Path]:
    """The tone files in ``folder``, written (atomically) when missing."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for movement, (start, end) in TONES.items():
        path = folder / f"breath-{movement.value}-{int(start)}-{int(end)}.wav"
        if not path.exists():
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(tone_wav(start, end))
            os.replace(temporary, path)
        paths[movement] = path
    return paths


class PhaseSound(QObject):
    """Plays a movement's tone without waiting; a missing player or sound server is silence.

    ``player`` is a program's path, "winsound", or None; ``folder`` holds the tone files.
    """

    def __init__(self, player: str | None, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._folder = folder
        self._tones: dict[Movement, Path] | None = None
        #: Tones asked for, and those started (tests read them; players report nothing back).
        self.asked: list[Movement] = []
        self.played: list[Movement] = []

    def play(self, movement: Movement) -> None:
        self.asked.append(movement)
        if self._player is None:
            return
        if self._tones is None:
            try:
                self._tones = write_tones(self._folder)
            except OSError:
                self._player = None  # a full or read-only cache: the break goes on, silent
                return
        path = self._tones[movement]
        self.played.append(movement)
        if self._player == "winsound":
            _play_on_windows(path)
            return
        process = QProcess(self)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.setStandardErrorFile(QProcess.nullDevice())
        process.finished.connect(process.deleteLater)
        process.errorOccurred.connect(process.deleteLater)
        process.start(self._player, [str(path)])


def _play_on_windows(path: Path) -> None:
    """Asynchronous: PlaySound returns at once and the tone plays on (standard library)."""
    if sys.platform == "win32":
        import winsound

        flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
        winsound.PlaySound(str(path), flags)


def phase_sound_for(enabled: bool, parent: QObject | None = None) -> PhaseSound | None:
    """The tones for a break when the agent turned them on, in Companion's own folder."""
    if not enabled:
        return None
    from companion.system.paths import data_dir

    return PhaseSound(find_player(), data_dir() / "tones", parent)

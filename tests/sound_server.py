"""A PulseAudio sound server of the test's own, and recording streams on it: a call, or not.

The daemon (Debian's pulseaudio, installed by tests/e2e/install_desktop_tools.sh) runs with
no configuration of the machine's: a private XDG_RUNTIME_DIR, HOME and XDG_CONFIG_HOME, its
socket at ``$XDG_RUNTIME_DIR/pulse/native`` (where libpulse looks by default), anonymous
access (no cookie), a null speaker (whose monitor is a source that is no microphone) and a
null microphone called "headset". ``record`` starts ``pacat --record`` on a source: a program
recording from it, as a softphone does during a call.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path

TOOLS = ("pulseaudio", "pactl", "pacat")
MICROPHONE = "headset"
MONITOR = "speaker.monitor"
#: Limits, not delays: each wait ends as soon as its condition holds.
START_TIMEOUT_S = 30.0


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class SoundServer:
    """``env`` is what a client needs (and what the daemon runs with); ``stop`` ends it all."""

    def __init__(self, root: Path, env: Mapping[str, str] | None = None) -> None:
        self.root = root
        base = dict(os.environ if env is None else env)
        for name, relative in (("HOME", "home"), ("XDG_CONFIG_HOME", "home/.config")):
            base.setdefault(name, str(root / relative))
        base.setdefault("XDG_RUNTIME_DIR", str(root / "run"))
        self.runtime = Path(base["XDG_RUNTIME_DIR"])
        self.env = base
        self._processes: list[subprocess.Popen[bytes]] = []

    @property
    def socket(self) -> Path:
        return self.runtime / "pulse" / "native"

    @property
    def address(self) -> str:
        return f"unix:{self.socket}"

    def start(self) -> SoundServer:
        for path in (self.root, self.runtime / "pulse", Path(self.env["XDG_CONFIG_HOME"])):
            path.mkdir(parents=True, exist_ok=True)
        self.runtime.chmod(0o700)
        modules = [
            f"module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
            "module-null-sink sink_name=speaker",
            f"module-null-source source_name={MICROPHONE}",
        ]
        command = ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n"]
        command += ["--use-pid-file=no", "--system=no", *[f"--load={m}" for m in modules]]
        self._spawn(command, "pulseaudio")
        self.wait_until(lambda: self._pactl("info") is not None, "the sound server")
        return self

    def record(self, source: str = MICROPHONE, application_id: str | None = None) -> Recording:
        """A program recording from ``source`` until ``stop``; returns once the server has it."""
        before = self.recordings()
        command = ["pacat", "--record", f"--server={self.address}", f"--device={source}"]
        command += ["--rate=8000", "--channels=1", "--format=s16le"]
        if application_id is not None:
            command.append(f"--property=application.id={application_id}")
        process = self._spawn(command, "pacat")
        self.wait_until(lambda: self.recordings() > before, "the recording stream")
        return Recording(self, process)

    def recordings(self) -> int:
        """How many recording streams the server has now."""
        listed = self._pactl("list", "short", "source-outputs") or ""
        return len([line for line in listed.splitlines() if line.strip()])

    def stop(self) -> None:
        for process in reversed(self._processes):
            _end(process)
        self._processes.clear()

    def _pactl(self, *args: str) -> str | None:
        done = subprocess.run(
            ["pactl", f"--server={self.address}", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        return done.stdout if done.returncode == 0 else None

    def _spawn(self, command: list[str], name: str) -> subprocess.Popen[bytes]:
        log = open(self.root / f"{name}-{len(self._processes)}.log", "wb")  # noqa: SIM115
        with log:
            process = subprocess.Popen(
                command,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,  # pacat writes what it records here
                stderr=log,
                start_new_session=True,
            )
        self._processes.append(process)
        return process

    def wait_until(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not done():
            if time.monotonic() > deadline:
                logs = "\n".join(p.read_text(errors="replace") for p in self.root.glob("*.log"))
                raise TimeoutError(f"no {what} after {START_TIMEOUT_S:.0f} s\n{logs}")
            time.sleep(0.05)


class Recording:
    """One recording stream; ``stop`` ends it and returns once the server has let it go."""

    def __init__(self, server: SoundServer, process: subprocess.Popen[bytes]) -> None:
        self._server = server
        self._process = process

    def stop(self) -> None:
        before = self._server.recordings()
        _end(self._process)
        self._server.wait_until(lambda: self._server.recordings() < before, "end of the recording")


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

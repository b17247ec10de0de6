"""Child processes for end-to-end tests: own process group, logs in files, killed as a group."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from tests.e2e.timing import patience

LOG_TAIL = 4000


class DesktopError(RuntimeError):
    """The desktop, or a program on it, did not do what a test waited for."""


class TimedOut(DesktopError):
    """What a test waited for did not happen within its deadline."""


T = TypeVar("T")


def describe_all(children: Iterable[ChildProcess]) -> str:
    """Each program's state and log tails, for a failure's message."""
    return "".join(f"\n{child.describe()}" for child in children)


def poll(
    probe: Callable[[], T | None],
    what: str,
    timeout: float,
    children: Callable[[], Sequence[ChildProcess]],
    interval: float,
) -> T:
    """Poll ``probe`` until it returns something other than None (or False). Fails at once,
    with every log, when one of ``children`` exits, and with TimedOut after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        for child in children():
            if child.returncode is not None:
                logs = describe_all(children())
                raise DesktopError(f"{child.name} exited while waiting for {what}.{logs}")
        result = probe()
        if result is not None and result is not False:
            return result
        if time.monotonic() >= deadline:
            logs = describe_all(children())
            raise TimedOut(f"Timed out after {timeout:.1f}s waiting for {what}.{logs}")
        time.sleep(interval)


class ChildProcess:
    """A started program; its stdout and stderr go to files so a failure can show them."""

    def __init__(
        self, name: str, popen: subprocess.Popen[bytes], stdout_path: Path, stderr_path: Path
    ) -> None:
        self.name = name
        self.popen = popen
        self.stdout_path = stdout_path
        self.stderr_path = stderr_path

    @property
    def pid(self) -> int:
        return self.popen.pid

    @property
    def returncode(self) -> int | None:
        """The exit code, or None while the program runs."""
        return self.popen.poll()

    def output(self) -> str:
        """Everything the program wrote to stdout so far."""
        return _read_text(self.stdout_path)

    def errors(self) -> str:
        """Everything the program wrote to stderr so far."""
        return _read_text(self.stderr_path)

    def describe(self) -> str:
        """Name, state and the tails of both logs, for failure messages."""
        code = self.returncode
        state = "running" if code is None else f"exited with code {code}"
        parts = [f"{self.name} (pid {self.pid}, {state})"]
        for label, text in (("stdout", self.output()), ("stderr", self.errors())):
            if text.strip():
                parts.append(f"--- {self.name} {label} (tail) ---\n{text[-LOG_TAIL:].rstrip()}")
        return "\n".join(parts)

    def check_alive(self) -> None:
        """Raise DesktopError with the program's logs when it has exited."""
        if self.returncode is not None:
            raise DesktopError(f"{self.name} exited early.\n{self.describe()}")

    def wait_exit(self, timeout: float | None = None) -> int:
        """Wait for the program to end by itself and return its exit code."""
        timeout = patience(10.0) if timeout is None else timeout
        try:
            return self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            raise DesktopError(
                f"{self.name} still running after {timeout:.1f}s.\n{self.describe()}"
            ) from None

    def stop(self, grace: float | None = None) -> None:
        """End the program and everything in its process group: SIGTERM, then SIGKILL."""
        grace = patience(2.0) if grace is None else grace
        _signal_group(self.pid, signal.SIGTERM)
        try:
            self.popen.wait(grace)
        except subprocess.TimeoutExpired:
            _signal_group(self.pid, signal.SIGKILL)
            self.popen.wait(grace)
        # Grandchildren that outlived the leader are in the same group: make sure they go too.
        _signal_group(self.pid, signal.SIGKILL)


def start_process(
    cmd: Sequence[str],
    env: Mapping[str, str],
    log_dir: Path,
    name: str,
    pass_fds: Sequence[int] = (),
) -> ChildProcess:
    """Start `cmd` in a new session (its own process group) with logs under `log_dir`."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stem = _free_stem(log_dir, name)
    stdout_path = log_dir / f"{stem}.stdout"
    stderr_path = log_dir / f"{stem}.stderr"
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        popen = subprocess.Popen(
            list(cmd),
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
            pass_fds=tuple(pass_fds),
        )
    return ChildProcess(stem, popen, stdout_path, stderr_path)


def read_line_from_fd(fd: int, child: ChildProcess, timeout: float) -> str:
    """Read one line that `child` writes to the pipe `fd` (its -displayfd or --print-address)."""
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise DesktopError(
                f"{child.name} did not report in {timeout:.1f}s.\n{child.describe()}"
            )
        ready, _, _ = select.select([fd], [], [], min(left, 0.1))
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise DesktopError(f"{child.name} closed its pipe early.\n{child.describe()}")
            data += chunk
    return data.split(b"\n", 1)[0].decode().strip()


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    # ProcessLookupError: the group is already empty.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _free_stem(log_dir: Path, name: str) -> str:
    stem, n = name, 1
    while (log_dir / f"{stem}.stdout").exists():
        n += 1
        stem = f"{name}-{n}"
    return stem


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""

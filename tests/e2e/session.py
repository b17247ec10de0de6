"""What every test desktop (Xvfb's, GNOME Shell's) shares: a private HOME, XDG folders and
data folder under the desktop's own directory, the start-up of a service that reports its
address on a pipe, and a life as a with-block.

Each desktop adds its own variables to ``session_env``: the Xvfb desktop its X platform and
pins, GNOME its Wayland session.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Self

from tests.e2e.processes import ChildProcess, read_line_from_fd, start_process

#: Each variable, and its folder relative to the desktop's directory.
SESSION_DIRS = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "home/.config",
    "XDG_DATA_HOME": "home/.local/share",
    "XDG_STATE_HOME": "home/.local/state",
    "XDG_CACHE_HOME": "home/.cache",
    "XDG_RUNTIME_DIR": "run",
    "COMPANION_DATA_DIR": "data",
}


def session_env(root: Path) -> dict[str, str]:
    """PATH, a C.UTF-8 locale and the folders of SESSION_DIRS under ``root``, made now, so
    nothing a program does touches the real user's files."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    for key, relative in SESSION_DIRS.items():
        path = root / relative
        path.mkdir(parents=True, exist_ok=True)
        env[key] = str(path)
    Path(env["XDG_RUNTIME_DIR"]).chmod(0o700)  # the XDG Base Directory spec's rule for it
    return env


def start_reporting_process(
    cmd: Callable[[int], list[str]],
    env: Mapping[str, str],
    log_dir: Path,
    name: str,
    timeout: float,
) -> tuple[ChildProcess, str]:
    """Start a service that writes one line (its display, its bus address) to a pipe it is
    handed as ``cmd(fd)``; the service and that line, once written. A service that does not
    report in time is stopped before the error is raised."""
    read_fd, write_fd = os.pipe()
    try:
        try:
            service = start_process(cmd(write_fd), env, log_dir, name, pass_fds=[write_fd])
        finally:
            os.close(write_fd)  # The child has its own copy: EOF now means it died.
        try:
            return service, read_line_from_fd(read_fd, service, timeout)
        except BaseException:
            service.stop()
            raise
    finally:
        os.close(read_fd)


class Session:
    """A desktop that starts on entering a with-block and stops, whatever happened, on leaving."""

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

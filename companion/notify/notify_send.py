"""Linux notifications through libnotify's notify-send, with low urgency, icon and expiry."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from companion.core.notices import EXPIRY_SECONDS, Delivery, Notice
from companion.core.ports import Notifier
from companion.notify.plyer_notifier import APP_NAME, DESKTOP_ENTRY

#: notify-send asks the notification daemon over D-Bus and returns; this is generous.
TIMEOUT_SECONDS = 5.0
Runner = Callable[..., "subprocess.CompletedProcess[str]"]


class NotifySendNotifier:
    """Calls ``notify-send`` directly so its exit code tells whether the desktop took it.

    (plyer's own notify-send path ignores the exit code and the flags below.)
    """

    name = "notify-send"

    def __init__(
        self,
        icon: Path,
        run: Runner = subprocess.run,
        which: Callable[[str], str | None] = shutil.which,
        with_actions: Notifier | None = None,
    ) -> None:
        self._icon = icon
        self._run = run
        self._which = which
        self._with_actions = with_actions

    def unavailable(self) -> str | None:
        """Why this notifier would not show a notice here, found without showing one."""
        return None if self._which("notify-send") else "notify-send is not installed"

    def notify(self, notice: Notice) -> Delivery:
        program = self._which("notify-send")
        if program is None:
            return Delivery(self.name, False, "notify-send is not installed")
        if notice.actions and self._with_actions is not None:
            return self._with_actions.notify(notice)
        try:
            done = self._run(
                [program, *command_args(notice, self._icon)],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            # Not str(error): it is the whole command line, the notice's words included.
            return Delivery(self.name, False, f"did not answer within {TIMEOUT_SECONDS:g} s")
        except OSError as error:
            return Delivery(self.name, False, f"{type(error).__name__}: {error.strerror}")
        if done.returncode != 0:
            reason = done.stderr.strip() or f"exit code {done.returncode}"
            return Delivery(self.name, False, reason)
        return Delivery(self.name, True)


def command_args(notice: Notice, icon: Path) -> Sequence[str]:
    args = [
        f"--app-name={APP_NAME}",
        "--urgency=low",
        f"--icon={icon}",
        f"--expire-time={EXPIRY_SECONDS * 1000}",
        f"--category=x-companion.{notice.topic}",
        f"--hint=string:desktop-entry:{DESKTOP_ENTRY}",
    ]
    if not notice.sound:
        args.append("--hint=boolean:suppress-sound:true")
    return [*args, "--", notice.title, notice.body]

"""Start with my computer: an XDG autostart entry, the HKCU Run value or a LaunchAgent.

Each writer is small and takes its location (or registry) as a parameter, so tests use a temp
folder or a fake registry. Called on the GUI thread; failures surface as ``OSError``.

Every entry starts ``companion --background``: quietly in the tray, and not at all when the
agent turned "Start with my computer" off. That second part is what lets an entry the agent
cannot remove (a per-machine install's ``HKLM`` Run value) respect their choice.
"""

from __future__ import annotations

import gettext
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from companion import APP_ID
from companion.core.i18n import DOMAIN, N_
from companion.system.atomic_file import write_atomically
from companion.system.language import available_languages
from companion.system.registry import Hive, Registry, windows_registry
from companion.system.resources import resources_dir

DESKTOP_FILENAME = "companion.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Companion"
LAUNCH_AGENT_LABEL = "com.companion.app"
#: What every login entry passes: start in the tray, open no window (see ``cli``).
BACKGROUND_FLAG = "--background"
_DESKTOP_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
#: The autostart entry's description; each shipped language's words go beside it.
COMMENT = N_("A breathing break and a private journal after hard calls")


class Autostart(Protocol):
    def enable(self, command: Sequence[str]) -> None: ...
    def disable(self) -> None: ...
    def is_enabled(self) -> bool: ...


def autostart_command() -> list[str]:
    """How the login session should start Companion: this frozen build, or the installed script."""
    if getattr(sys, "frozen", False):
        return [sys.executable, BACKGROUND_FLAG]
    if shutil.which("companion"):
        return ["companion", BACKGROUND_FLAG]
    return [sys.executable, "-m", "companion", BACKGROUND_FLAG]


def set_autostart(
    enabled: bool,
    command: Sequence[str],
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    registry: Registry | None = None,
) -> None:
    """Write or remove this platform's autostart entry; doing it twice is harmless."""
    writer = autostart_for(platform, env, registry)
    if enabled:
        writer.enable(command)
    else:
        writer.disable()


def autostart_for(
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    registry: Registry | None = None,
) -> Autostart:
    env = os.environ if env is None else env
    if platform == "win32":
        return RunKeyAutostart(windows_registry() if registry is None else registry)
    home = Path(env.get("HOME") or Path.home())
    if platform == "darwin":
        return LaunchAgentAutostart(home / "Library" / "LaunchAgents")
    return XdgAutostart.from_env(env, home)


class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart/companion.desktop``, per the XDG Autostart spec.

    Turning it off removes the agent's entry; if the installer put one in a system folder
    (``/etc/xdg/autostart``), the agent's entry stays as ``Hidden=true``, which is how the
    spec lets a user turn a system-wide entry off.
    """

    def __init__(self, config_home: Path, config_dirs: Sequence[Path]) -> None:
        self.path = config_home / "autostart" / DESKTOP_FILENAME
        self._system_paths = [d / "autostart" / DESKTOP_FILENAME for d in config_dirs]

    @classmethod
    def from_env(cls, env: Mapping[str, str], home: Path) -> XdgAutostart:
        # The spec ignores relative paths in these variables.
        config_home = Path(env.get("XDG_CONFIG_HOME", ""))
        if not config_home.is_absolute():
            config_home = home / ".config"
        dirs = [Path(d) for d in env.get("XDG_CONFIG_DIRS", "").split(":") if d]
        dirs = [d for d in dirs if d.is_absolute()] or [Path("/etc/xdg")]
        return cls(config_home, dirs)

    def enable(self, command: Sequence[str]) -> None:
        write_atomically(self.path, desktop_entry(command).encode("utf-8"), 0o644)

    def disable(self) -> None:
        if self._system_entry() is None:
            self.path.unlink(missing_ok=True)
            return
        text = desktop_entry(["companion", BACKGROUND_FLAG], enabled=False)
        write_atomically(self.path, text.encode("utf-8"), 0o644)

    def is_enabled(self) -> bool:
        entry = self.path if self.path.exists() else self._system_entry()
        if entry is None:
            return False
        lines = {line.strip() for line in entry.read_text(encoding="utf-8").splitlines()}
        return "Hidden=true" not in lines and "X-GNOME-Autostart-enabled=false" not in lines

    def _system_entry(self) -> Path | None:
        return next((p for p in self._system_paths if p.exists()), None)


def desktop_entry(
    command: Sequence[str], *, enabled: bool = True, locale_dir: Path | None = None
) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Name=Companion",
        f"Comment={COMMENT}",
        *comments(locale_dir),
        f"Exec={exec_line(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        f"X-GNOME-Autostart-enabled={'true' if enabled else 'false'}",
    ]
    if not enabled:
        lines.append("Hidden=true")
    return "\n".join(lines) + "\n"


def comments(locale_dir: Path | None = None) -> list[str]:
    """``Comment[de]=…`` for each compiled catalog that translates ``COMMENT``: the desktop
    shows the entry in the session's language, whichever language Companion itself speaks."""
    folder = resources_dir() / "locale" if locale_dir is None else locale_dir
    found = []
    for tag in available_languages(folder)[1:]:
        said = gettext.translation(DOMAIN, folder, languages=[tag], fallback=True).gettext(COMMENT)
        if said != COMMENT:
            found.append(f"Comment[{tag}]={' '.join(said.split())}")
    return found


def exec_line(command: Sequence[str]) -> str:
    """Quote an argument list for ``Exec=`` as the Desktop Entry spec asks."""
    parts = []
    for arg in command:
        arg = arg.replace("%", "%%")
        if arg and not _DESKTOP_RESERVED & set(arg):
            parts.append(arg)
            continue
        escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        parts.append(f'"{escaped}"')
    # The desktop file format itself escapes backslashes once more.
    return " ".join(parts).replace("\\", "\\\\")


class RunKeyAutostart:
    """``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``, value ``Companion``.

    A per-machine install may have put the same value in ``HKLM`` (for every user). The agent
    cannot remove that one, so turning autostart off removes only their own value and the
    login start of the machine's one ends at once (``companion --background`` reads the
    setting); turning it on writes no second value beside the machine's, which would start
    Companion twice.
    """

    def __init__(self, registry: Registry) -> None:
        self._registry = registry

    def enable(self, command: Sequence[str]) -> None:
        if self._has_value("HKLM"):
            self._registry.delete_value("HKCU", RUN_KEY, RUN_VALUE)
            return
        import subprocess  # only for its quoting, on Windows

        line = subprocess.list2cmdline(list(command))
        self._registry.set_string("HKCU", RUN_KEY, RUN_VALUE, line)

    def disable(self) -> None:
        self._registry.delete_value("HKCU", RUN_KEY, RUN_VALUE)

    def is_enabled(self) -> bool:
        return self._has_value("HKCU") or self._has_value("HKLM")

    def has_own_value(self) -> bool:
        """Whether this user's own value is there (the only one delete-my-data can remove)."""
        return self._has_value("HKCU")

    def _has_value(self, hive: Hive) -> bool:
        values = self._registry.values(hive, RUN_KEY) or {}
        return any(name.lower() == RUN_VALUE.lower() for name in values)


class LaunchAgentAutostart:
    """``~/Library/LaunchAgents/com.companion.app.plist``: launchd reads it at the next login."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / f"{LAUNCH_AGENT_LABEL}.plist"

    def enable(self, command: Sequence[str]) -> None:
        agent = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",
        }
        import plistlib  # macOS only

        write_atomically(self.path, plistlib.dumps(agent), 0o644)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        return self.path.exists()

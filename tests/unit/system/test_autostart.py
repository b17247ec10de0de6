"""Start with my computer: XDG entries for real in a temp folder, Run key and LaunchAgent faked."""

from __future__ import annotations

import configparser
import plistlib
from pathlib import Path

import pytest

from companion.system import autostart
from companion.system.autostart import (
    RUN_KEY,
    autostart_for,
    exec_line,
    set_autostart,
)
from tests.fakes import FailingRegistry, FakeRegistry


@pytest.fixture
def xdg(tmp_path: Path) -> dict[str, str]:
    return {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CONFIG_DIRS": str(tmp_path / "etc-xdg"),
    }


def desktop_keys(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_linux_entry_is_written_and_removed(xdg: dict[str, str], tmp_path: Path) -> None:
    entry = tmp_path / "config" / "autostart" / "companion.desktop"

    set_autostart(True, ["companion"], platform="linux", env=xdg)

    keys = desktop_keys(entry)
    assert keys["Exec"] == "companion" and keys["Type"] == "Application"
    assert keys["X-GNOME-Autostart-enabled"] == "true" and "Hidden" not in keys
    assert autostart_for("linux", xdg).is_enabled()

    set_autostart(False, ["companion"], platform="linux", env=xdg)
    set_autostart(False, ["companion"], platform="linux", env=xdg)  # twice is harmless

    assert not entry.exists() and not (tmp_path / "home").exists()
    assert not autostart_for("linux", xdg).is_enabled()


def test_without_xdg_config_home_it_goes_to_dot_config(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "relative/is/ignored"}

    set_autostart(True, ["companion"], platform="linux", env=env)

    assert (tmp_path / ".config" / "autostart" / "companion.desktop").is_file()


def test_turning_off_a_system_wide_entry_hides_it(xdg: dict[str, str], tmp_path: Path) -> None:
    system = tmp_path / "etc-xdg" / "autostart" / "companion.desktop"
    system.parent.mkdir(parents=True)
    system.write_text("[Desktop Entry]\nType=Application\nExec=companion\n", encoding="utf-8")
    assert autostart_for("linux", xdg).is_enabled()

    set_autostart(False, ["companion"], platform="linux", env=xdg)

    keys = desktop_keys(tmp_path / "config" / "autostart" / "companion.desktop")
    assert keys["Hidden"] == "true" and keys["X-GNOME-Autostart-enabled"] == "false"
    assert not autostart_for("linux", xdg).is_enabled()
    assert system.is_file()  # the installer's file is not ours to touch

    set_autostart(True, ["companion"], platform="linux", env=xdg)

    assert autostart_for("linux", xdg).is_enabled()


@pytest.mark.parametrize(
    ("command", "line"),
    [
        (["companion"], "companion"),
        (["/opt/My Apps/companion", "--x=50%"], '"/opt/My Apps/companion" --x=50%%'),
        (["C:\\a b"], '"C:\\\\\\\\a b"'),
        (['say "hi"'], '"say \\\\"hi\\\\""'),
    ],
)
def test_exec_lines_are_quoted_as_the_spec_asks(command: list[str], line: str) -> None:
    assert exec_line(command) == line


def test_windows_run_value_is_written_and_removed() -> None:
    registry = FakeRegistry()
    command = [r"C:\Program Files\Companion\companion.exe"]

    set_autostart(True, command, platform="win32", registry=registry)

    assert registry.keys[("HKCU", RUN_KEY)] == {
        "Companion": '"C:\\Program Files\\Companion\\companion.exe"'
    }
    assert autostart_for("win32", {}, registry).is_enabled()

    set_autostart(False, command, platform="win32", registry=registry)

    assert registry.keys[("HKCU", RUN_KEY)] == {}
    assert not autostart_for("win32", {}, registry).is_enabled()


def test_a_failing_registry_raises_oserror_for_the_app_to_report() -> None:
    with pytest.raises(OSError):
        set_autostart(True, ["companion"], platform="win32", registry=FailingRegistry())


def test_macos_launch_agent_is_written_and_removed(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    agent = tmp_path / "Library" / "LaunchAgents" / "com.companion.app.plist"
    command = ["/Applications/Companion.app/Contents/MacOS/Companion"]

    set_autostart(True, command, platform="darwin", env=env)

    loaded = plistlib.loads(agent.read_bytes())
    assert loaded["Label"] == "com.companion.app"
    assert loaded["ProgramArguments"] == command and loaded["RunAtLoad"] is True
    assert autostart_for("darwin", env).is_enabled()

    set_autostart(False, command, platform="darwin", env=env)

    assert not agent.exists() and not autostart_for("darwin", env).is_enabled()


def test_the_command_is_the_frozen_binary_when_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autostart.sys, "frozen", True, raising=False)

    assert autostart.autostart_command() == [autostart.sys.executable, "--background"]


def test_every_login_entry_starts_companion_quietly(xdg: dict[str, str], tmp_path: Path) -> None:
    registry = FakeRegistry()
    command = autostart.autostart_command()

    set_autostart(True, command, platform="linux", env=xdg)
    set_autostart(True, command, platform="win32", registry=registry)
    set_autostart(True, command, platform="darwin", env={"HOME": str(tmp_path)})

    assert command[-1] == "--background"
    exec_value = desktop_keys(tmp_path / "config" / "autostart" / "companion.desktop")["Exec"]
    assert exec_value.endswith(" --background")
    assert str(registry.keys[("HKCU", RUN_KEY)]["Companion"]).endswith(" --background")
    agent = tmp_path / "Library" / "LaunchAgents" / "com.companion.app.plist"
    assert plistlib.loads(agent.read_bytes())["ProgramArguments"][-1] == "--background"


def test_the_debs_system_entry_starts_companion_quietly() -> None:
    packaged = Path(__file__).parents[3] / "packaging" / "linux" / "companion-autostart.desktop"

    assert desktop_keys(packaged)["Exec"] == "companion --background"


def test_a_per_machine_run_value_gets_no_second_one_beside_it() -> None:
    """Two Run values would start Companion twice at every login."""
    machine = '"C:\\Program Files\\Companion\\companion.exe" --background'
    registry = FakeRegistry({("HKLM", RUN_KEY): {"Companion": machine}})
    registry.set_string("HKCU", RUN_KEY, "Companion", "stale")
    run_key = autostart_for("win32", {}, registry)
    assert run_key.is_enabled()

    set_autostart(True, ["companion.exe", "--background"], platform="win32", registry=registry)

    assert registry.keys[("HKCU", RUN_KEY)] == {}
    assert registry.keys[("HKLM", RUN_KEY)] == {"Companion": machine}
    assert run_key.is_enabled()

    set_autostart(False, ["companion.exe"], platform="win32", registry=registry)

    # The machine's value is IT's; the login start it makes ends at once (login_start_wanted).
    assert registry.keys[("HKLM", RUN_KEY)] == {"Companion": machine}
    assert registry.keys[("HKCU", RUN_KEY)] == {}


def test_the_entry_describes_itself_in_each_language_with_a_catalog(tmp_path: Path) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    for tag, said in (("de", "Eine Atempause nach schwierigen Anrufen"), ("fr", "")):
        catalog = Catalog(locale=tag)
        catalog.add(autostart.COMMENT, said)
        folder = tmp_path / tag / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with (folder / "companion.mo").open("wb") as mo:
            write_mo(mo, catalog)

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string(autostart.desktop_entry(["companion"], locale_dir=tmp_path))

    section = entry["Desktop Entry"]
    assert section["Comment"] == autostart.COMMENT
    assert section["Comment[de]"] == "Eine Atempause nach schwierigen Anrufen"
    assert "Comment[fr]" not in section  # not translated yet: the desktop falls back to English

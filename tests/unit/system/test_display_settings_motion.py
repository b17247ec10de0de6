"""OS seams that need no Qt: display detection, the settings file, reduced motion."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from companion.core.settings import Settings
from companion.system.display import display_problem, platform_override
from companion.system.reduced_motion import system_prefers_reduced_motion
from companion.system.settings_file import load_settings, save_settings


def test_display_problem() -> None:
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux", everything) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", everything) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_settings_save_is_private_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "settings.json"
    settings = Settings(pattern_key="478", break_seconds=120)
    save_settings(path, settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings(path) == (settings, [])
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe\x00"])
def test_broken_settings_give_defaults_and_a_warning(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert len(warnings) == 1 and "defaults" in warnings[0]


def test_missing_settings_are_defaults_silently(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == (Settings(), [])


def test_partly_bad_settings_keep_the_good_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"pattern_key": "box", "break_seconds": 99999}))
    settings, warnings = load_settings(path)
    assert settings.pattern_key == "box" and settings.break_seconds == Settings().break_seconds
    assert len(warnings) == 1


def test_reduced_motion_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPANION_REDUCED_MOTION", "1")
    assert system_prefers_reduced_motion() is True
    monkeypatch.setenv("COMPANION_REDUCED_MOTION", "0")
    assert system_prefers_reduced_motion() is False


def everything(path: Path) -> bool:
    return True


def nothing(path: Path) -> bool:
    return False


def test_a_wayland_variable_with_no_compositor_behind_it() -> None:
    stale = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": "/run/user/1000"}
    message = display_problem(stale, "linux", nothing)
    assert message is not None and "/run/user/1000/wayland-9" in message
    assert platform_override(stale, "linux", nothing) is None  # nothing to fall back to

    with_x = stale | {"DISPLAY": ":5"}
    assert display_problem(with_x, "linux", lambda p: p == Path("/tmp/.X11-unix/X5")) is None
    assert platform_override(with_x, "linux", nothing) == "xcb"
    assert platform_override(with_x, "linux", everything) is None  # a live compositor: Qt picks
    assert platform_override(with_x | {"QT_QPA_PLATFORM": "wayland"}, "linux", nothing) is None


def test_a_local_display_with_no_x_server() -> None:
    message = display_problem({"DISPLAY": ":42"}, "linux", nothing)
    assert message is not None and "/tmp/.X11-unix/X42" in message
    assert display_problem({"DISPLAY": "localhost:10.0"}, "linux", nothing) is None  # ssh -X

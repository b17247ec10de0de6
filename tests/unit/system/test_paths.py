"""Where the data and logs go, and that the data folder is private."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from platformdirs import user_data_dir, user_log_dir

from companion.system import paths


def test_the_data_folder_can_be_pointed_elsewhere(tmp_path: Path) -> None:
    env = {paths.DATA_DIR_ENV: str(tmp_path / "data")}

    assert paths.data_dir(env) == tmp_path / "data"
    assert paths.log_dir(env) == tmp_path / "data" / "logs"


def test_a_relative_or_home_override_becomes_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))

    assert paths.data_dir({paths.DATA_DIR_ENV: "data"}) == tmp_path / "data"
    assert paths.data_dir({paths.DATA_DIR_ENV: "~/c"}) == tmp_path / "home" / "c"


def test_the_environment_variable_is_read_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    assert paths.data_dir() == tmp_path


@pytest.mark.parametrize("env", [{}, {paths.DATA_DIR_ENV: ""}, {paths.DATA_DIR_ENV: "  "}])
def test_without_an_override_the_platform_folders_are_used(env: dict[str, str]) -> None:
    assert paths.data_dir(env) == Path(user_data_dir("companion", appauthor=False))
    assert paths.log_dir(env) == Path(user_log_dir("companion", appauthor=False))


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG variables are Linux's")
@pytest.mark.parametrize(
    "xdg",
    [{}, {"XDG_DATA_HOME": "/srv/agents/data", "XDG_STATE_HOME": "/srv/agents/state"}],
    ids=["defaults", "XDG variables set"],
)
def test_the_folders_are_where_platformdirs_put_them_before(
    xdg: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where earlier versions kept the journal (through platformdirs): it must not move."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in xdg.items():
        monkeypatch.setenv(name, value)

    assert paths.data_dir({}) == Path(user_data_dir("companion", appauthor=False))
    assert paths.log_dir({}) == Path(user_log_dir("companion", appauthor=False))
    assert paths.data_dir({}).is_relative_to(xdg.get("XDG_DATA_HOME", tmp_path / ".local"))


def test_the_database_lives_in_the_data_folder(tmp_path: Path) -> None:
    assert paths.database_path(tmp_path) == tmp_path / "journal.db"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_ensure_private_dir_creates_parents_and_tightens(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    assert paths.ensure_private_dir(target) == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o700

    target.chmod(0o755)
    paths.ensure_private_dir(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700


def test_ensure_private_dir_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("")
    with pytest.raises(OSError):
        paths.ensure_private_dir(tmp_path / "data")


def test_the_instance_folder_is_the_data_folder_when_it_can_be_used(tmp_path: Path) -> None:
    assert paths.instance_dir(tmp_path / "data", {}) == tmp_path / "data"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_file_where_the_data_folder_should_be_gives_a_private_runtime_folder(
    tmp_path: Path,
) -> None:
    """Real, even as root: no chmod stands in for it (ENOTDIR)."""
    (tmp_path / "data").write_text("a file, not a folder")
    env = {"XDG_RUNTIME_DIR": str(tmp_path / "run")}
    (tmp_path / "run").mkdir(mode=0o700)

    folder = paths.instance_dir(tmp_path / "data", env)

    assert folder.parent == tmp_path / "run" and folder.name.startswith("companion-")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert paths.instance_dir(tmp_path / "data", env) == folder  # a second launch finds it


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_runtime_folder_name_someone_else_took_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file")
    env = {"XDG_RUNTIME_DIR": str(tmp_path / "run")}
    (tmp_path / "run").mkdir()
    expected = paths.instance_dir(tmp_path / "data", env)
    expected.rmdir()
    (tmp_path / "elsewhere").mkdir()
    expected.symlink_to(tmp_path / "elsewhere")  # planted by another account

    with pytest.raises(PermissionError):
        paths.instance_dir(tmp_path / "data", env)

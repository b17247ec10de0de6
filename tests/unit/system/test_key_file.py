"""The key file: made private from the start, never replaced, read back or refused clearly."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.core.journal_key import JournalKey
from companion.system import key_file
from companion.system.key_file import (
    KeyFileError,
    KeyFileProblem,
    KeyFileRead,
    create_key_file,
    key_file_path,
    read_key_file,
    read_or_create_key_file,
)
from companion.system.paths import data_dir

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _random(size: int) -> bytes:
    return bytes(range(size))


KEY = JournalKey.from_random(_random(32))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "companion" / "journal.key"


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_key_file_is_this_accounts_only_whatever_the_umask(
    path: Path, open_umask: None
) -> None:
    key = create_key_file(path, _random)

    assert key == KEY
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert path.read_text() == f"{KEY.secret}\n"
    assert read_key_file(path) == KeyFileRead(KEY)
    assert [p.name for p in path.parent.iterdir()] == ["journal.key"]


def test_an_existing_key_is_never_replaced(path: Path) -> None:
    create_key_file(path, _random)

    with pytest.raises(KeyFileError) as raised:
        create_key_file(path)

    assert raised.value.problem is KeyFileProblem.EXISTS
    assert read_key_file(path).key == KEY
    assert [p.name for p in path.parent.iterdir()] == ["journal.key"]


def test_read_or_create_makes_one_then_keeps_it(path: Path) -> None:
    first = read_or_create_key_file(path)
    again = read_or_create_key_file(path)

    assert first.created and not again.created
    assert again.key == first.key


def test_two_launches_at_once_end_with_the_same_key(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = create_key_file(path, _random)
    # This launch found no file, then the other one linked its key in first.
    real_read = key_file.read_key_file
    calls = iter([KeyFileError(KeyFileProblem.MISSING, path)])

    def read_after_a_race(where: Path) -> KeyFileRead:
        first = next(calls, None)
        if first is not None:
            raise first
        return real_read(where)

    monkeypatch.setattr(key_file, "read_key_file", read_after_a_race)

    assert read_or_create_key_file(path) == KeyFileRead(theirs)


def test_a_crash_while_writing_leaves_no_key_and_no_leftovers(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_gone(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(key_file.os, "fsync", disk_gone)

    with pytest.raises(OSError, match="Input/output"):
        create_key_file(path)
    assert list(path.parent.iterdir()) == []


def test_a_missing_file(path: Path) -> None:
    with pytest.raises(KeyFileError, match="not there") as raised:
        read_key_file(path)
    assert raised.value.problem is KeyFileProblem.MISSING


def test_a_folder_where_the_file_should_be_is_unreadable(path: Path) -> None:
    path.mkdir(parents=True)

    with pytest.raises(KeyFileError) as raised:
        read_key_file(path)
    assert raised.value.problem is KeyFileProblem.UNREADABLE


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"hunter2 my old password\n",
        b"g" * 64,
        KEY.secret.encode()[:-1],
        KEY.secret.encode() * 2,
        b"\xff\xfe" + KEY.secret.encode(),
        KEY.secret.encode() + b"\n" + b"x" * 500,
    ],
    ids=["empty", "text", "not hex", "short", "two keys", "binary", "long"],
)
def test_content_that_is_not_a_key_is_refused_and_left_alone(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    path.chmod(0o600)

    with pytest.raises(KeyFileError) as raised:
        read_key_file(path)

    assert raised.value.problem is KeyFileProblem.NOT_A_KEY
    assert path.read_bytes() == content
    assert "hunter2" not in str(raised.value) and "ggg" not in str(raised.value)
    with pytest.raises(KeyFileError):
        read_or_create_key_file(path)
    assert path.read_bytes() == content


def test_spaces_and_capitals_around_a_key_are_fine(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(f"  {KEY.secret.upper()}\r\n")

    assert read_key_file(path).key == KEY


@posix_only
def test_a_file_others_can_read_is_narrowed_and_used(path: Path) -> None:
    create_key_file(path, _random)
    path.chmod(0o644)

    assert read_key_file(path) == KeyFileRead(KEY, narrowed=True)
    assert _mode(path) == 0o600
    assert read_key_file(path) == KeyFileRead(KEY)


@posix_only
@pytest.mark.skipif(os.name == "posix" and os.geteuid() != 0, reason="needs root to chown")
def test_a_file_of_another_account_is_refused(path: Path) -> None:
    create_key_file(path, _random)
    os.chown(path, 65534, 65534)

    with pytest.raises(KeyFileError, match="another account") as raised:
        read_key_file(path)
    assert raised.value.problem is KeyFileProblem.NOT_YOURS


def test_the_key_file_is_kept_apart_from_the_data_folder(tmp_path: Path) -> None:
    override = {"COMPANION_DATA_DIR": str(tmp_path / "data")}

    assert key_file_path(override) == tmp_path / "data-key" / "journal.key"
    assert key_file_path({"APPDATA": r"C:\Users\a\AppData\Roaming"}, "win32") == Path(
        r"C:\Users\a\AppData\Roaming", "companion", "journal.key"
    )
    mac = key_file_path({}, "darwin")
    assert mac.parent.name == "companion-key" and mac.parent.parent.name == "Application Support"
    linux = key_file_path({}, "linux")
    assert linux.parts[-2:] == ("companion", "journal.key")
    assert data_dir({}) not in linux.parents


def test_on_linux_it_follows_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))

    assert key_file_path({}, "linux") == tmp_path / "config" / "companion" / "journal.key"


@posix_only
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root reads any file")
def test_a_file_this_account_may_not_read(path: Path) -> None:
    create_key_file(path, _random)
    path.chmod(0)

    with pytest.raises(KeyFileError, match="can't read") as raised:
        read_key_file(path)
    assert raised.value.problem is KeyFileProblem.UNREADABLE

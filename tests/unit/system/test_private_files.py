"""At each start Companion's own files are narrowed to the agent's account, and only those."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from companion.system.private_files import narrow_private_files

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def made(path: Path, file_mode: int, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(file_mode)
    return path


def test_logs_backups_set_aside_files_and_settings_left_wide_are_narrowed(
    tmp_path: Path,
) -> None:
    data, logs = tmp_path / "data", tmp_path / "state" / "log"
    wide = [
        made(data / "journal.damaged-20261120-090000.db", 0o644),
        made(data / "journal.damaged-20261120-090000.db-wal", 0o666),
        made(data / "journal.not-companion-20261121-090000.db", 0o640),
        made(data / "backups" / "journal-daily-20261124-100000.db", 0o644),
        made(data / "settings.json", 0o664),
        made(logs / "companion.log", 0o644),
        made(logs / "companion.log.1", 0o604),
    ]
    (data / "backups").chmod(0o755)
    logs.chmod(0o755)

    assert narrow_private_files(data, logs) == len(wide) + 2

    assert {mode(path) for path in wide} == {0o600}
    assert mode(data / "backups") == mode(logs) == 0o700


def test_only_access_is_taken_away_and_only_from_companions_files(tmp_path: Path) -> None:
    data, logs = tmp_path / "data", tmp_path / "data" / "logs"
    read_only = made(data / "backups" / "journal-daily-20261124-100000.db", 0o444)
    not_ours = made(data / "notes-the-agent-put-here.txt", 0o644)
    outside = made(tmp_path / "elsewhere.txt", 0o644)
    (data / "backups" / "link").symlink_to(outside)

    narrow_private_files(data, logs)

    assert mode(read_only) == 0o400
    assert mode(not_ours) == 0o644
    assert mode(outside) == 0o644  # a link is not followed out of Companion's folders

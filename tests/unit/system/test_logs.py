"""The log file: private, capped in size, and rotated without losing the newest lines."""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from pathlib import Path

from companion.system.logs import PrivateLogHandler


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"test-logs-{id(handler)}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return logger


def test_files_are_private_and_capped(tmp_path: Path) -> None:
    path = tmp_path / "companion.log"
    handler = PrivateLogHandler(path, max_bytes=1_000, kept=2)
    logger = _logger(handler)
    for number in range(200):
        logger.info("line %03d %s", number, "x" * 40)
    handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["companion.log", "companion.log.1", "companion.log.2"]
    for name in files:
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
        assert (tmp_path / name).stat().st_size < 1_000 + 100
    assert "line 199" in path.read_text(encoding="utf-8")
    assert "line 000" not in "".join((tmp_path / n).read_text() for n in files)


def test_newest_old_file_follows_the_current_one(tmp_path: Path) -> None:
    path = tmp_path / "companion.log"
    handler = PrivateLogHandler(path, max_bytes=300, kept=1)
    logger = _logger(handler)
    for number in range(30):
        logger.info("line %02d %s", number, "y" * 20)
    handler.close()
    current = path.read_text(encoding="utf-8").splitlines()
    previous = (tmp_path / "companion.log.1").read_text(encoding="utf-8").splitlines()
    assert int(previous[-1].split()[1]) + 1 == int(current[0].split()[1])


def test_logging_loads_no_socket_module() -> None:
    # The module docstring's promise, checked in a fresh interpreter.
    code = (
        "import sys, companion.system.logs as logs, tempfile, pathlib;"
        "logs.setup_logging(pathlib.Path(tempfile.mkdtemp()));"
        "print(sorted({'logging.handlers', 'socket'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

"""SIGKILL at random moments while a plain journal with a hot -wal and its plain copies are
encrypted: every start after a kill goes on from where it stopped, no row is lost, and no
plaintext is left in the data folder at the end.

The kill lands wherever it lands (the moments are seeded, set against one measured run); what
is checked holds whatever state the kill left."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.core.journal import JournalEntry
from companion.store.storage import open_storage
from tests.fakes import T0
from tests.unit.store.encrypted_data import MARKERS, RAW_KEY, fill, leaks, readable

ROUNDS = 12
ENTRIES = 20_000
ENCRYPT = """
import sys
from pathlib import Path
from companion.core.journal_key import JournalKey
from companion.store.storage import open_storage
key = JournalKey.raw(sys.stdin.readline())
open_storage(Path(sys.argv[1]), key=key).close()
"""


@pytest.fixture(scope="module")
def plain_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A plain journal whose rows are still in its -wal (as a killed Companion leaves it),
    and two plain daily copies."""
    live = tmp_path_factory.mktemp("live")
    storage = open_storage(live, T0)
    fill(storage)
    storage.backups.make_daily(T0)
    storage.db.execute("PRAGMA wal_autocheckpoint = 0")
    with storage.db.atomic():
        for n in range(ENTRIES):
            storage.journal.save(JournalEntry(body=f"entry {n}", created_at=T0, updated_at=T0))
    storage.backups.make_daily(T0.replace(day=T0.day + 1))
    frozen = tmp_path_factory.mktemp("frozen")
    shutil.copytree(live, frozen, dirs_exist_ok=True)  # copied while open: the -wal is hot
    storage.close()
    assert (frozen / "journal.db-wal").stat().st_size > 1_000_000
    yield frozen


def start(folder: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", ENCRYPT, str(folder)], stdin=subprocess.PIPE, text=True
    )
    assert child.stdin is not None
    child.stdin.write(RAW_KEY.secret + "\n")  # through a pipe, never argv or the environment
    child.stdin.close()
    return child


def run_to_the_end(folder: Path) -> float:
    began = time.monotonic()
    assert start(folder).wait() == 0
    return time.monotonic() - began


def killed_after(folder: Path, delay: float) -> None:
    child = start(folder)
    try:
        child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()


def test_sigkill_during_encryption_loses_nothing(plain_folder: Path, tmp_path: Path) -> None:
    calibration = tmp_path / "calibration"
    shutil.copytree(plain_folder, calibration)
    whole = run_to_the_end(calibration)
    rng = random.Random(int(os.environ.get("COMPANION_KILL_SEED", "2026")))
    seen = set()
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round-{round_}"
        shutil.copytree(plain_folder, folder)
        killed_after(folder, rng.uniform(0, whole))
        seen.add(tuple(sorted(p.name for p in folder.iterdir())))
        if round_ % 2:
            killed_after(folder, rng.uniform(0, whole))  # and again while it resumes
        run_to_the_end(folder)

        storage = open_storage(folder, T0, key=RAW_KEY)
        count = storage.db.execute("SELECT count(*) FROM journal").fetchone()[0]
        assert count == ENTRIES + 1, round_
        assert readable(storage) == list(MARKERS)
        assert [c.entries for c in storage.backups.list_backups()] == [ENTRIES + 1, 1]
        storage.close()
        assert sorted(p.name for p in folder.iterdir()) == ["backups", "journal.db"]
        assert leaks(folder, (RAW_KEY.secret,)) == [], round_
    print(f"states left by the kills: {sorted(seen)}")

"""SIGKILL at random moments while calls are tagged over IPC and the editor is typed into or
saved: every acknowledged write survives, the draft comes back, and the file is never damaged.

After each kill the test checks a copy of the journal and its -wal and -shm, never the file
itself, so it is the app that meets the hot WAL on its next start and recovers it."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from companion.store import driver
from companion.system.single_instance import server_name
from tests.e2e.desktop import ChildProcess, Desktop, Spawn
from tests.e2e.pins import journal_key, read_journal
from tests.e2e.timing import patience

APP = [sys.executable, "-m", "companion"]
ROUNDS = 24
#: Every other round also types into the journal editor (the slower part)...
EDITOR_EVERY = 2
#: ...and in turn leaves it as a draft, saves it (Ctrl+S, then waits until the editor has
#: closed: acknowledged) before the kill, or is killed while Ctrl+S is being handled.
EDITING = ("draft", "save", "kill mid-save")
#: The daily copy is taken at start; removing it now and then makes the next start take it again.
BACKUP_AGAIN_EVERY = 3
JOURNAL_TITLE = "Companion — Journal"
EDITOR_TITLE = "Companion — Journal entry"


def send(name: str, message: dict[str, object], timeout: float | None = None) -> str:
    """One command over the app's socket, as any local program could send it; its reply."""
    timeout = patience(5.0) if timeout is None else timeout
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        client.connect(name)
        client.sendall(json.dumps(message).encode() + b"\n")
        reply = b""
        while b"\n" not in reply:
            chunk = client.recv(4096)
            if not chunk:
                break
            reply += chunk
    return reply.decode()


class Tagger(threading.Thread):
    """Tags calls as fast as the app answers; remembers each case the app said "ok" to."""

    def __init__(self, name: str, prefix: str) -> None:
        super().__init__(daemon=True)
        self._name, self._prefix = name, prefix
        self.acknowledged: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            case = f"{self._prefix}-{n}"
            n += 1
            try:
                reply = send(self._name, {"action": "tag", "case_ref": case}, patience(2))
            except OSError:
                return  # killed mid-exchange: not acknowledged
            if reply.startswith("ok"):
                self.acknowledged.append(case)


class Journal:
    """The journal file, read the way that leaves it exactly as the killed app left it."""

    def __init__(self, path: Path, scratch: Path) -> None:
        self.path = path
        self._scratch = scratch

    def live(self) -> Snapshot:
        """While the app runs: read-only beside it (WAL lets a reader in without blocking)."""
        with contextlib.closing(read_journal(self.path.parent)) as db:
            return read(db)

    def after_kill(self) -> tuple[Snapshot, bool]:
        """A copy of the file, its -wal and -shm, checked in a scratch folder: SQLite's recovery
        of the hot WAL runs on the copy, and the app's next start meets the real one untouched.
        Also whether the WAL was hot (held frames) when the app was killed."""
        shutil.rmtree(self._scratch, ignore_errors=True)
        self._scratch.mkdir()
        copy = self._scratch / self.path.name
        for suffix in ("", "-wal", "-shm"):
            side = Path(f"{self.path}{suffix}")
            if side.exists():
                shutil.copyfile(side, f"{copy}{suffix}")
        wal = Path(f"{self.path}-wal")
        hot = wal.exists() and wal.stat().st_size > 0
        with contextlib.closing(driver.connect(copy, journal_key(self.path.parent))) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            return read(db), hot


Snapshot = tuple[set[str], str | None, list[str]]


def read(db: sqlite3.Connection) -> Snapshot:
    """Tagged case refs, the new-entry draft, and the saved entries' bodies."""
    cases = {row[0] for row in db.execute("SELECT case_ref FROM calls")}
    draft = db.execute("SELECT body FROM drafts WHERE key = 'new'").fetchone()
    bodies = [row[0] for row in db.execute("SELECT body FROM journal ORDER BY id")]
    return cases, None if draft is None else draft[0], bodies


def backups_intact(data_dir: Path) -> set[str]:
    """Every finished daily copy is whole (a partial one cut short by a kill is no copy)."""
    names = set()
    for copy in sorted((data_dir / "backups").glob("journal-*.db")):
        uri = f"file:{copy}?mode=ro&immutable=1"
        with contextlib.closing(driver.connect(uri, journal_key(data_dir), uri=True)) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)], copy.name
        names.add(copy.name)
    return names


def answers(name: str) -> bool:
    """Whether the app takes commands yet ("show" is harmless to send again and again)."""
    try:
        return send(name, {"action": "show"}, patience(2)).startswith("ok")
    except OSError:
        return False


def kill(app: ChildProcess) -> None:
    os.kill(app.pid, signal.SIGKILL)
    app.wait_exit()


@dataclass
class Tally:
    """What was checked after the kills: the figures the test writes down."""

    kills: int = 0
    hot_wal_restarts: int = 0
    drafts: int = 0
    saves: int = 0
    kills_mid_save: int = 0
    mid_save_landed: int = 0
    backups: int = 0

    def figures(self, acknowledged: int, seconds: float) -> str:
        return (
            f"{self.kills} kills ({self.hot_wal_restarts} left a hot WAL for the app to recover "
            f"on its next start), {acknowledged} acknowledged tags checked after every kill, "
            f"{self.drafts} kept drafts checked, {self.saves} saved entries checked, "
            f"{self.kills_mid_save} kills timed around a Ctrl+S ({self.mid_save_landed} after the "
            f"entry was saved, the rest before: still the draft), {self.backups} daily copies "
            f"taken and checked whole "
            f"after every later kill, "
            f"integrity_check ok {self.kills} times, {seconds:.0f} s"
        )


def test_sigkill_at_random_moments_loses_nothing_acknowledged(
    bare_desktop: Desktop,
    spawn: Spawn,
    artifacts_dir: Path,
    tmp_path: Path,
    record_property: Callable[[str, object], None],
) -> None:
    desktop = bare_desktop
    rng = random.Random(int(os.environ.get("COMPANION_KILL_SEED", "2026")))
    data_dir = Path(desktop.env["COMPANION_DATA_DIR"])
    name = server_name(data_dir)
    journal = Journal(data_dir / "journal.db", tmp_path / "checked-copy")
    acknowledged: set[str] = set()
    draft_on_disk = ""  # what the editor will restore next time
    saved: list[str] = []
    tally = Tally()
    copies: set[str] = set()
    started = time.monotonic()

    for round_ in range(ROUNDS):
        app = spawn(APP, desktop=desktop, name=f"companion-{round_}")
        desktop.wait_for(lambda: answers(name), "the app to answer on its socket", patience(20))
        typing: subprocess.Popen[bytes] | None = None
        edit = (
            EDITING[(round_ // EDITOR_EVERY) % len(EDITING)] if round_ % EDITOR_EVERY == 0 else None
        )
        if edit is not None:
            draft_on_disk, typing = type_into_editor(desktop, name, journal, round_, draft_on_disk)
            tally.drafts += 1
            if edit != "draft":
                # Ctrl+S only once that typing has ended: a letter typed while Ctrl is held
                # would be a shortcut (Ctrl+A, and the words after it replace the text).
                typing.wait(patience(10))
            if edit == "save":
                saved.append(save_entry(desktop, journal))
                tally.saves += 1
                draft_on_disk = ""
        tagger = Tagger(name, f"K{round_}")
        if edit == "kill mid-save":
            kill_around_a_save(desktop, app, tagger, rng.uniform(0.0, 0.12))
        else:
            tagger.start()
            time.sleep(rng.uniform(0.05, 1.2))  # the kill lands anywhere in the writes
            desktop.unwatch(app)
            kill(app)
        tally.kills += 1
        tagger.stop.set()
        tagger.join(patience(5))
        if typing is not None:
            # Left to finish (into no window): killed, it could leave a key held down.
            typing.wait(patience(10))
        acknowledged |= set(tagger.acknowledged)

        (cases, draft, bodies), hot = journal.after_kill()
        tally.hot_wal_restarts += hot
        missing = acknowledged - cases
        assert not missing, f"round {round_}: acknowledged calls lost: {sorted(missing)[:5]}"
        assert all(body in bodies for body in saved), f"round {round_}: a saved entry lost"
        if edit == "kill mid-save":
            tally.kills_mid_save += 1
            landed = [body for body in bodies if body.startswith(draft_on_disk)]
            if landed:  # the save was done: the entry holds what the draft held, and more
                saved.append(landed[-1])
                tally.mid_save_landed += 1
            else:
                assert (draft or "").startswith(draft_on_disk), f"round {round_}: words lost"
        else:
            assert (draft or "").startswith(draft_on_disk), f"round {round_}: draft lost"
        draft_on_disk = draft or ""
        copies |= backups_intact(data_dir)
        if round_ % BACKUP_AGAIN_EVERY == BACKUP_AGAIN_EVERY - 1:
            shutil.rmtree(data_dir / "backups")  # so the next start takes today's copy again

    tally.backups = len(copies)
    figures = tally.figures(len(acknowledged), time.monotonic() - started)
    (artifacts_dir / "crash_safety.txt").write_text(figures + "\n")
    record_property("crash_safety", figures)
    print(figures)
    assert len(acknowledged) > ROUNDS  # the writes really were under way when killed
    assert tally.hot_wal_restarts > ROUNDS // 2  # the app itself recovered a hot WAL, often
    assert tally.backups >= ROUNDS // BACKUP_AGAIN_EVERY  # copies were taken in many rounds


def kill_around_a_save(desktop: Desktop, app: ChildProcess, tagger: Tagger, after: float) -> None:
    """Ctrl+S, with the kill timed from just before it: it lands before, during or after the
    save. (The tags start after the key: the first tag's break window takes the keyboard.)"""
    desktop.focus(desktop.find_window(EDITOR_TITLE))
    desktop.unwatch(app)
    killer = threading.Timer(after, kill, [app])
    killer.start()
    desktop.run("xdotool", "key", "ctrl+s", check=False)  # the app may be gone already
    tagger.start()
    killer.join()


def type_into_editor(
    desktop: Desktop, name: str, journal: Journal, round_: int, on_disk: str
) -> tuple[str, subprocess.Popen[bytes]]:
    """Open the new-entry editor (it restores the draft), type, wait until the draft is
    on disk (that is its acknowledgement), then keep typing in the background."""
    assert send(name, {"action": "journal"}).startswith("ok")
    # Ctrl+N again only brings the new entry's editor forward.
    desktop.key_until("ctrl+n", JOURNAL_TITLE, lambda: desktop.search(EDITOR_TITLE), "an editor")
    chunk = f" round{round_}"
    # The editor keeps the draft 400 ms after typing stops, and that write is the app's
    # acknowledgement ("Draft kept at ..."): from then on, it must survive any kill. The text
    # kept is read back, not assumed; keys sent before the editor's text box could take them
    # are typed again, after what arrived (the draft may then hold the words twice).
    kept = desktop.type_until(
        chunk,
        EDITOR_TITLE,
        lambda: kept_draft(journal, on_disk, chunk),
        "the draft on disk",
        replace=False,
    )
    more = subprocess.Popen(
        ["xdotool", "type", "--delay", "25", "--", " and then some more words"],
        env=desktop.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return kept, more


def kept_draft(journal: Journal, before: str, chunk: str) -> str | None:
    """The draft on disk once it holds (nearly) all of ``chunk`` after ``before`` and is still."""
    draft = journal.live()[1] or ""
    if not draft.startswith(before) or len(draft) < len(before) + len(chunk) - 2:
        return None
    time.sleep(0.6)
    return draft if journal.live()[1] == draft else None


def save_entry(desktop: Desktop, journal: Journal) -> str:
    """Ctrl+S in the editor; the entry counts as acknowledged once the editor has closed."""
    desktop.key_until(
        "ctrl+s", EDITOR_TITLE, lambda: not desktop.search(EDITOR_TITLE), "the entry saved"
    )
    bodies = journal.live()[2]
    return bodies[-1]

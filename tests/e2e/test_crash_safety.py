"""SIGKILL at random moments while calls are tagged over IPC and the editor is typed into:
every acknowledged write survives, the draft comes back, and the file is never damaged."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from companion.system.single_instance import server_name
from tests.e2e.desktop import ChildProcess, Desktop, Spawn

APP = [sys.executable, "-m", "companion"]
ROUNDS = 24
#: Every other round also types into the journal editor (the slower part).
EDITOR_EVERY = 2
#: Every few editor rounds the entry is saved with Ctrl+S instead of left as a draft.
SAVE_EVERY = 3
JOURNAL_TITLE = "Companion — Journal"
EDITOR_TITLE = "Companion — Journal entry"


def send(name: str, message: dict[str, object], timeout: float = 5.0) -> str:
    """One command over the app's socket, as any local program could send it; its reply."""
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
                reply = send(self._name, {"action": "tag", "case_ref": case}, timeout=2)
            except OSError:
                return  # killed mid-exchange: not acknowledged
            if reply.startswith("ok"):
                self.acknowledged.append(case)


class Journal:
    """Read-write like the next start would be (this runs WAL recovery), then checked."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def check(self) -> tuple[set[str], str | None, list[str]]:
        with sqlite3.connect(self.path) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            cases = {row[0] for row in db.execute("SELECT case_ref FROM calls")}
            draft = db.execute("SELECT body FROM drafts WHERE key = 'new'").fetchone()
            bodies = [row[0] for row in db.execute("SELECT body FROM journal")]
        db.close()
        return cases, None if draft is None else draft[0], bodies


def wait_until(probe, what: str, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = probe()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def answers(name: str) -> bool:
    try:
        return send(name, {"action": "show"}, timeout=2).startswith("ok")
    except OSError:
        return False


def kill(app: ChildProcess) -> None:
    os.kill(app.pid, signal.SIGKILL)
    app.wait_exit(5)


def test_sigkill_at_random_moments_loses_nothing_acknowledged(
    bare_desktop: Desktop, spawn: Spawn, artifacts_dir: Path
) -> None:
    desktop = bare_desktop
    rng = random.Random(int(os.environ.get("COMPANION_KILL_SEED", "2026")))
    data_dir = Path(desktop.env["COMPANION_DATA_DIR"])
    name = server_name(data_dir)
    journal = Journal(data_dir / "journal.db")
    acknowledged: set[str] = set()
    draft_on_disk = ""  # what the editor will restore next time
    saved: list[str] = []
    drafts_checked = 0
    started = time.monotonic()

    for round_ in range(ROUNDS):
        app = spawn(APP, desktop=desktop, name=f"companion-{round_}")
        wait_until(lambda: answers(name), "the app to answer on its socket", 20)
        typing: subprocess.Popen[bytes] | None = None
        if round_ % EDITOR_EVERY == 0:
            draft_on_disk, typing = type_into_editor(desktop, name, journal, round_, draft_on_disk)
            drafts_checked += 1
            if (round_ // EDITOR_EVERY) % SAVE_EVERY == SAVE_EVERY - 1:
                saved.append(save_entry(desktop, journal))
                draft_on_disk = ""
        tagger = Tagger(name, f"K{round_}")
        tagger.start()
        time.sleep(rng.uniform(0.05, 1.2))  # the kill lands anywhere in the writes
        desktop.unwatch(app)
        kill(app)
        tagger.stop.set()
        tagger.join(5)
        if typing is not None:
            typing.kill()
            typing.wait()
        acknowledged |= set(tagger.acknowledged)

        cases, draft, bodies = journal.check()
        missing = acknowledged - cases
        assert not missing, f"round {round_}: acknowledged calls lost: {sorted(missing)[:5]}"
        assert (draft or "").startswith(draft_on_disk), f"round {round_}: draft lost"
        assert all(body in bodies for body in saved), f"round {round_}: a saved entry lost"
        draft_on_disk = draft or ""

    seconds = time.monotonic() - started
    figures = (
        f"{ROUNDS} kills, {len(acknowledged)} acknowledged tags checked after every kill, "
        f"{drafts_checked} kept drafts and {len(saved)} saved entries checked, "
        f"integrity_check ok {ROUNDS} times, {seconds:.0f} s"
    )
    (artifacts_dir / "crash_safety.txt").write_text(figures + "\n")
    print(figures)
    assert len(acknowledged) > ROUNDS  # the writes really were under way when killed


def type_into_editor(
    desktop: Desktop, name: str, journal: Journal, round_: int, on_disk: str
) -> tuple[str, subprocess.Popen[bytes]]:
    """Open the new-entry editor (it restores the draft), type, wait until the draft is
    on disk (that is its acknowledgement), then keep typing in the background."""
    assert send(name, {"action": "journal"}).startswith("ok")
    window = desktop.find_window(JOURNAL_TITLE)
    desktop.key("ctrl+n", window=window)
    editor = desktop.find_window(EDITOR_TITLE)
    time.sleep(0.3)  # WORKAROUND: keys sent the instant the editor maps can miss its text box
    chunk = f" round{round_}"
    desktop.type_text(chunk, window=editor)
    # The editor keeps the draft 400 ms after typing stops, and that write is the app's
    # acknowledgement ("Draft kept at ..."): from then on, it must survive any kill. (X can
    # drop a keystroke under load, so the text kept is read back, not assumed.)
    kept = wait_until(lambda: kept_draft(journal, on_disk, chunk), "the draft on disk")
    more = subprocess.Popen(
        ["xdotool", "type", "--delay", "25", "--", " and then some more words"],
        env=desktop.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return kept, more


def kept_draft(journal: Journal, before: str, chunk: str) -> str | None:
    """The draft on disk once it holds (nearly) all of ``chunk`` after ``before`` and is still."""
    draft = journal.check()[1] or ""
    if not draft.startswith(before) or len(draft) < len(before) + len(chunk) - 2:
        return None
    time.sleep(0.6)
    return draft if journal.check()[1] == draft else None


def save_entry(desktop: Desktop, journal: Journal) -> str:
    """Ctrl+S in the editor; the entry counts as acknowledged once the editor has closed."""
    time.sleep(0.3)
    editor = desktop.find_window(EDITOR_TITLE)
    desktop.key("ctrl+s", window=editor)
    desktop.wait_window_gone(EDITOR_TITLE)
    bodies = journal.check()[2]
    return bodies[-1]

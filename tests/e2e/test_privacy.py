"""A whole session, watched: no socket but local ones, every file private, nothing of the journal
in the logs, and "delete my data" leaves nothing behind."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

from tests.e2e.desktop import Desktop, Spawn
from tests.e2e.pins import PINNED_PROTECTION, PINNED_SETTINGS, read_journal
from tests.e2e.timing import patience

SECRET_CASE = "CASE-SECRET-4711"
SECRET_WORDS = "ZebraSecretWords about the caller"
EDITOR_TITLE = "Companion — Journal entry"
JOURNAL_TITLE = "Companion — Journal"
BREAK_TITLE = "Companion — Breathing break"

#: Runs Companion with an audit hook that records any socket that is not AF_UNIX, and any
#: connect/bind/sendto to a network address (a tuple), before the app imports anything.
HOOK = r"""
import os, socket, sys
report = os.environ["COMPANION_AUDIT_REPORT"]

def hook(event, args):
    bad = None
    if event == "socket.__new__" and args[1] not in (-1, socket.AF_UNIX):
        bad = f"socket family {args[1]}"
    elif event in ("socket.connect", "socket.bind", "socket.sendto") and isinstance(args[1], tuple):
        bad = f"{event} {args[1]!r}"
    elif event == "socket.getaddrinfo":
        bad = f"getaddrinfo {args[0]!r}"
    if bad:
        with open(report, "a") as out:
            out.write(bad + "\n")

sys.addaudithook(hook)
"""
AUDITED = HOOK + "from companion.cli import main\nsys.exit(main())\n"


def network_sockets(pid: int) -> list[str]:
    """The process's sockets that the kernel lists as TCP, UDP or raw (native code included)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        match = re.fullmatch(r"socket:\[(\d+)\]", target)
        if match:
            inodes.add(match.group(1))
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        path = Path(f"/proc/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9 and fields[9] in inodes:
                found.append(f"{table}: {line.strip()}")
    return found


def companion(desktop: Desktop, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        env=desktop.env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=patience(30),
        check=False,
    )


def left_wide_by_an_older_version(data_dir: Path) -> None:
    """Files of Companion's readable by others, as an old version or a restore by hand leaves
    them: the start narrows them all (the walk below checks every one)."""
    for name, content in [
        ("journal.damaged-20260101-090000.db", "set aside long ago"),
        ("backups/journal-daily-20260101-090000.db", "an old daily copy"),
        ("logs/companion.log", "2026-01-01 09:00:00 INFO companion.launch: starting\n"),
        ("settings.json", json.dumps({**PINNED_PROTECTION, **PINNED_SETTINGS})),
    ]:
        path = data_dir / name
        path.parent.mkdir(exist_ok=True)
        path.parent.chmod(0o755)
        path.write_text(content)
        path.chmod(0o644)
    data_dir.chmod(0o755)


def test_a_whole_session_stays_local_private_and_leaves_nothing_behind(
    desktop: Desktop, spawn: Spawn, tmp_path: Path
) -> None:
    report = tmp_path / "audit.txt"
    env = desktop.env | {"COMPANION_AUDIT_REPORT": str(report)}
    data_dir = Path(desktop.env["COMPANION_DATA_DIR"])
    left_wide_by_an_older_version(data_dir)
    app = spawn([sys.executable, "-c", AUDITED], env, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))

    tagged = companion(desktop, "tag", "--reason", "abusive", "--case", SECRET_CASE)
    assert tagged.returncode == 0, tagged.stderr
    desktop.key_until("Escape", BREAK_TITLE, lambda: gone(desktop, BREAK_TITLE), "no break")
    assert companion(desktop, "journal").returncode == 0
    # Ctrl+N again only brings the editor forward; the words typed again replace themselves.
    desktop.key_until("ctrl+n", JOURNAL_TITLE, lambda: desktop.search(EDITOR_TITLE), "an editor")
    desktop.type_until(SECRET_WORDS, EDITOR_TITLE, lambda: draft_is(desktop, SECRET_WORDS), "it")
    desktop.key_until("ctrl+s", EDITOR_TITLE, lambda: gone(desktop, EDITOR_TITLE), "a save")
    assert companion(desktop, "tag", "--intensity", "9").returncode == 2  # a refusal, logged?
    assert network_sockets(app.pid) == []

    for path in [data_dir, *data_dir.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"
        if path.is_file():
            assert mode == 0o600, f"{path} is {oct(mode)}"
    assert (data_dir / "backups").is_dir() and any((data_dir / "backups").iterdir())
    logs = list((data_dir / "logs").rglob("*"))
    assert logs, "the session wrote no log at all"
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        assert SECRET_CASE not in text and "ZebraSecret" not in text, f"{log} leaks"

    desktop.unwatch(app)
    removed = companion(desktop, "delete-my-data", "--yes")
    assert removed.returncode == 0, removed.stderr
    assert "journal.db" in removed.stdout and "backups" in removed.stdout
    assert app.wait_exit() == 0
    assert not data_dir.exists(), sorted(data_dir.rglob("*"))
    assert not report.exists() or report.read_text() == "", report.read_text()


def gone(desktop: Desktop, title: str) -> bool:
    return not desktop.search(title)


def draft_is(desktop: Desktop, words: str) -> bool:
    """Whether the new entry's draft on disk holds exactly ``words`` (read-only, beside it)."""
    with contextlib.closing(read_journal(desktop.data_dir)) as db:
        return db.execute("SELECT body FROM drafts").fetchall() == [(words,)]


def test_the_audit_hook_does_catch_a_network_socket(tmp_path: Path) -> None:
    """The control: without it, a silent hook would pass the session test above."""
    report = tmp_path / "audit.txt"
    reach_out = (
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=0.2)\n"
        "except OSError:\n    pass\n"
    )
    subprocess.run(
        [sys.executable, "-c", HOOK + reach_out],
        env=os.environ | {"COMPANION_AUDIT_REPORT": str(report)},
        check=True,
        timeout=patience(30),
    )
    assert "127.0.0.1" in report.read_text()

"""The encrypted journal with the real app: a keyring asks nothing, a bare session asks once, an
old plain journal is encrypted at the first start, and nothing in the data folder can be read
without the key (issue #9). Observed from outside: the files, secret-tool, xdotool."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest

from companion.core.calls import DifficultCall
from companion.store.storage import open_storage
from companion.system.key_file import key_file_path
from companion.system.keychain import account_for
from companion.system.paths import DATA_DIR_ENV
from companion.ui.privacy.messages import CHOOSE_TITLE
from tests.e2e.desktop import APP, ChildProcess, Desktop, Spawn
from tests.e2e.pins import PINNED_START, read_journal
from tests.e2e.secret_service import _DAEMON, TOOLS, _secrets_on_bus, run
from tests.e2e.timing import patience

CASE = "CASE-ENC-5512"
NOT_CHOSEN = {"journal_protection": None, "reminders": {"enabled": False}}


def start(desktop: Desktop, spawn: Spawn) -> ChildProcess:
    app = spawn(APP, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))
    ready(desktop)
    return app


def ready(desktop: Desktop) -> None:
    """Start-up done: the key found, the journal open (and encrypted, if it was plain). On a
    loaded machine the keyring may take over two seconds: the app is then ready first, on a
    temporary journal, and the file opens when the key comes (companion.app_start)."""
    desktop.wait_for(lambda: "journal_open" in desktop.trace_events(), "journal_open", patience(30))


def tag(desktop: Desktop) -> None:
    done = desktop.run_app("tag", "--reason", "abusive", "--case", CASE)
    assert done.returncode == 0, done.stderr


def readable_files(folder: Path) -> list[str]:
    """Files in ``folder`` that start like plain SQLite or hold the case reference."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix != ".log" and path.name != "settings.json":
            data = path.read_bytes()
            if data.startswith(b"SQLite format 3") or CASE.encode() in data:
                found.append(path.name)
    return found


def cases(desktop: Desktop) -> list[str]:
    with contextlib.closing(read_journal(desktop.data_dir)) as db:
        return [row[0] for row in db.execute("select case_ref from calls")]


def key_file(desktop: Desktop) -> Path:
    return key_file_path({DATA_DIR_ENV: str(desktop.data_dir)})


def test_with_a_keyring_nothing_is_asked_and_only_the_keyring_opens_the_journal(
    desktop: Desktop, spawn: Spawn
) -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"missing {', '.join(missing)} (run `make desktop-tools` as root on Debian)")
    spawn(["sh", "-c", _DAEMON], desktop.env, desktop=desktop, name="gnome-keyring")
    desktop.wait_for(lambda: _secrets_on_bus(desktop.env), "the Secret Service", patience(10))
    desktop.write_settings(NOT_CHOSEN)

    start(desktop, spawn)
    tag(desktop)

    assert not desktop.search(CHOOSE_TITLE)
    assert not key_file(desktop).exists()
    secret = run(
        [
            "secret-tool",
            "lookup",
            "service",
            "Companion",
            "username",
            account_for(desktop.data_dir),
        ],
        desktop.env,
    ).strip()
    assert len(secret) == 64, "the key is in the keyring"
    assert readable_files(desktop.data_dir) == []
    no_key = read_journal(desktop.data_dir)  # no key file: opened without a key
    with contextlib.closing(no_key), pytest.raises(Exception, match="not a database"):
        no_key.execute("select count(*) from calls").fetchall()
    assert '"journal_protection": "keychain"' in (desktop.data_dir / "settings.json").read_text()


def test_without_a_keyring_the_agent_is_asked_once_and_a_key_file_is_the_default(
    desktop: Desktop, spawn: Spawn
) -> None:
    desktop.write_settings(NOT_CHOSEN)
    # keyring's own switch for "no credential store here" (a bare session): this desktop's bus
    # could otherwise start an installed gnome-keyring, whose first prompt nobody answers.
    no_keyring = desktop.env | {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    spawn(APP, no_keyring, desktop=desktop, name="companion")

    desktop.find_window(CHOOSE_TITLE, timeout=patience(20))
    desktop.key_until("Return", CHOOSE_TITLE, lambda: key_file(desktop).exists(), "a key file")
    ready(desktop)
    tag(desktop)

    assert cases(desktop) == [CASE]
    assert readable_files(desktop.data_dir) == []
    assert '"journal_protection": "key_file"' in (desktop.data_dir / "settings.json").read_text()


def test_an_old_plain_journal_is_encrypted_at_the_first_start_with_nothing_lost(
    desktop: Desktop, spawn: Spawn
) -> None:
    old = open_storage(desktop.data_dir)
    old.calls.add(DifficultCall(tagged_at=PINNED_START.astimezone(), case_ref=CASE))
    old.close()
    assert readable_files(desktop.data_dir) == ["journal.db"]

    start(desktop, spawn)
    ready(desktop)

    assert cases(desktop) == [CASE]
    assert readable_files(desktop.data_dir) == []
    assert not (desktop.data_dir / "journal.plain.db").exists()

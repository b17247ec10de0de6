"""The key helper and its parent, against fake credential stores: present, absent, failing."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from pytestqt.qtbot import QtBot

from companion.cli import main
from companion.core.journal_key import JournalKey
from companion.system.key_helper import KeychainStatus
from companion.system.key_sources import KEYCHAIN_FAILED, KeychainKeys
from companion.system.keychain import (
    Keychain,
    KeychainAnswer,
    account_for,
    helper_command,
    parse_answer,
)
from companion.system.logs import setup_logging, stop_logging
from tests import fake_keyrings
from tests.fake_keyrings import (
    BrokenKeyring,
    FileKeyring,
    HangingKeyring,
    LockedKeyring,
    PausedKeyring,
)

ROOT = Path(__file__).resolve().parents[3]
KEY = JournalKey.from_random(bytes(range(32)))


@pytest.fixture
def keychain(qapp: object, tmp_path: Path) -> Keychain:
    return Keychain(account_for(tmp_path / "data"), timeout_ms=30_000)


def test_create_then_get_gives_the_same_key_and_create_never_replaces_it(
    use_backend, keychain: Keychain, store_file: Path
) -> None:
    use_backend(FileKeyring)
    assert keychain.get() == KeychainAnswer(KeychainStatus.ABSENT)

    created = keychain.get_or_create()
    assert created.status is KeychainStatus.CREATED and created.key is not None
    assert keychain.get() == KeychainAnswer(KeychainStatus.FOUND, key=created.key)
    assert keychain.get_or_create() == KeychainAnswer(KeychainStatus.FOUND, key=created.key)
    account = account_for(store_file.parent / "data")
    assert json.loads(store_file.read_text()) == {f"Companion/{account}": created.key.secret}


def test_store_replaces_and_delete_removes(use_backend, keychain: Keychain) -> None:
    use_backend(FileKeyring)
    keychain.get_or_create()

    assert keychain.store(KEY).status is KeychainStatus.STORED
    assert keychain.get().key == KEY
    assert keychain.delete().status is KeychainStatus.DELETED
    assert keychain.get().status is KeychainStatus.ABSENT
    assert keychain.delete().status is KeychainStatus.ABSENT


def test_each_data_folder_has_its_own_key(use_backend, qapp: object, tmp_path: Path) -> None:
    use_backend(FileKeyring)
    first = Keychain(account_for(tmp_path / "one")).get_or_create().key
    second = Keychain(account_for(tmp_path / "two")).get_or_create().key

    assert first is not None and second is not None and first != second


@pytest.mark.parametrize(
    "backend", ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"]
)
def test_no_credential_store_at_all(use_backend, keychain: Keychain, backend: str) -> None:
    use_backend(backend)

    assert keychain.get().status is KeychainStatus.NO_STORE
    assert keychain.get_or_create().status is KeychainStatus.NO_STORE


def test_a_locked_store_or_a_cancelled_prompt(use_backend, keychain: Keychain) -> None:
    use_backend(LockedKeyring)

    assert keychain.get() == KeychainAnswer(KeychainStatus.LOCKED)
    assert keychain.get_or_create() == KeychainAnswer(KeychainStatus.LOCKED)


def test_a_failing_store_names_the_error_type_only(
    use_backend, keychain: Keychain, caplog: pytest.LogCaptureFixture
) -> None:
    use_backend(BrokenKeyring)
    with caplog.at_level(logging.DEBUG):
        answer = keychain.get()

    assert answer == KeychainAnswer(KeychainStatus.FAILED, detail="OSError")
    assert "5ec12e7" not in caplog.text


def test_something_that_is_not_a_key_is_reported_and_never_overwritten(
    use_backend, keychain: Keychain, store_file: Path
) -> None:
    use_backend(FileKeyring)
    account = account_for(store_file.parent / "data")
    store_file.write_text(json.dumps({f"Companion/{account}": "hunter2"}))

    assert keychain.get() == KeychainAnswer(KeychainStatus.FAILED, detail="BadKey")
    assert keychain.get_or_create() == KeychainAnswer(KeychainStatus.FAILED, detail="BadKey")
    assert json.loads(store_file.read_text()) == {f"Companion/{account}": "hunter2"}


def test_a_helper_that_never_answers_times_out(
    use_backend, qapp: object, tmp_path: Path, qtbot: QtBot
) -> None:
    use_backend(HangingKeyring)
    keychain = Keychain(account_for(tmp_path), timeout_ms=1500)

    assert keychain.get().status is KeychainStatus.TIMED_OUT
    with qtbot.waitSignal(keychain.finished, timeout=20_000) as answered:
        keychain.start("get")
    assert answered.args == [KeychainAnswer(KeychainStatus.TIMED_OUT)]


def test_start_answers_with_a_signal(use_backend, keychain: Keychain, qtbot: QtBot) -> None:
    use_backend(FileKeyring)
    created = keychain.get_or_create()

    with qtbot.waitSignal(keychain.finished, timeout=30_000) as answered:
        keychain.start("get")
    assert answered.args == [KeychainAnswer(KeychainStatus.FOUND, key=created.key)]


def test_the_key_never_shows_in_argv_environment_logs_or_files(
    use_backend,
    keychain: Keychain,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    use_backend(FileKeyring)
    secret = keychain.get_or_create().key
    assert secret is not None
    pause = tmp_path / "pause"
    pause.mkdir()
    monkeypatch.setenv(fake_keyrings.PAUSE_ENV, str(pause))
    use_backend(PausedKeyring)
    log_file = setup_logging(tmp_path / "logs")
    try:
        with (
            caplog.at_level(logging.DEBUG),
            qtbot.waitSignal(keychain.finished, timeout=30_000) as got,
        ):
            keychain.start("get")
            qtbot.waitUntil((pause / "ready").exists, timeout=30_000)
            pid = keychain.pid
            assert pid is not None
            seen = {
                part: Path(f"/proc/{pid}/{part}").read_bytes() for part in ("cmdline", "environ")
            }
            (pause / "go").touch()
        # Re-stored through stdin: the key goes in the same way it comes out.
        assert keychain.store(secret).status is KeychainStatus.STORED
    finally:
        stop_logging()
    assert got.args == [KeychainAnswer(KeychainStatus.FOUND, key=secret)]
    assert b"--key-helper\x00get" in seen["cmdline"]
    for text in (*seen.values(), caplog.text.encode(), Path(str(log_file)).read_bytes()):
        assert secret.secret.encode() not in text
        assert secret.secret.upper().encode() not in text
    assert "found" in caplog.text
    assert secret.secret not in repr(got.args) and secret.secret not in str(got.args[0])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_helper_is_a_child_of_this_program(monkeypatch: pytest.MonkeyPatch) -> None:
    assert helper_command("get") == [sys.executable, "-m", "companion", "--key-helper", "get"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert helper_command("get") == [sys.executable, "--key-helper", "get"]


def test_a_helper_that_cannot_start_is_broken(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    keychain = Keychain(account_for(tmp_path), timeout_ms=10_000)

    assert keychain.get().status is KeychainStatus.BROKEN
    with qtbot.waitSignal(keychain.finished, timeout=10_000) as answered:
        keychain.start("get")
    assert answered.args[0].status is KeychainStatus.BROKEN


@pytest.mark.parametrize(
    "output", [b"", b"what?\n", b"found\n", b"found\nnot-a-key\n", b"created\n123\n"]
)
def test_anything_but_the_protocol_is_broken_and_never_quoted(output: bytes) -> None:
    answer = parse_answer(output)

    assert answer == KeychainAnswer(KeychainStatus.BROKEN, detail="unexpected answer")


def test_the_answer_words() -> None:
    assert parse_answer(f"found\n{KEY.secret}\n".encode()) == KeychainAnswer(
        KeychainStatus.FOUND, key=KEY
    )
    assert parse_answer(b"failed ValueError\n") == KeychainAnswer(
        KeychainStatus.FAILED, detail="ValueError"
    )
    assert parse_answer(b"no-store\n").status is KeychainStatus.NO_STORE


def test_a_key_goes_with_set_only(keychain: Keychain) -> None:
    with pytest.raises(ValueError, match="a key goes"):
        keychain.run("set")
    with pytest.raises(ValueError, match="a key goes"):
        keychain.run("get", KEY)
    with pytest.raises(ValueError, match="unknown"):
        keychain.run("list")


def test_the_helper_entry_is_hidden_and_strict(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "key-helper" not in capsys.readouterr().out
    assert main(["--key-helper", "list"]) == 2
    assert main(["--key-helper"]) == 2
    monkeypatch.setattr(sys, "stdin", _Lines(""))
    assert main(["--key-helper", "get"]) == 2


class _Lines:
    def __init__(self, text: str) -> None:
        self._text = text

    def readline(self) -> str:
        return self._text


def test_exit_codes_tell_the_answers_apart() -> None:
    codes = {
        status: status.exit_code
        for status in KeychainStatus
        if status not in (KeychainStatus.TIMED_OUT, KeychainStatus.BROKEN)
    }
    failures = {codes[KeychainStatus(word)] for word in ("absent", "no-store", "locked", "failed")}
    assert len(failures) == 4 and 0 not in failures
    assert all(codes[s] == 0 for s in codes if s.value in ("found", "created", "stored", "deleted"))


def key_helpers_of_this_process() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == os.getpid() and b"--key-helper" in cmdline:
            found.append(int(entry.name))
    return found


def test_a_wait_ended_by_quitting_stops_the_helper_and_opens_nothing(
    use_backend, qapp: QCoreApplication, tmp_path: Path, qtbot: QtBot
) -> None:
    """Quitting while a keyring prompt is up (QCoreApplication.exit ends every event loop):
    the helper is killed, no answer comes later, and the lookup says the key didn't come."""
    use_backend(HangingKeyring)
    helpers: list[int] = []

    def quit_once_the_helper_runs() -> None:
        helpers.extend(key_helpers_of_this_process())
        if helpers:
            qapp.exit(0)
        else:  # still starting (a loaded machine): look again
            QTimer.singleShot(50, quit_once_the_helper_runs)

    QTimer.singleShot(50, quit_once_the_helper_runs)
    found = KeychainKeys(tmp_path / "data").get_or_create(create=False)
    # QCoreApplication.exit left "quit now" set: every event loop would end at once until an
    # exec() of the application's own clears it (Qt does so as exec() begins and ends).
    QTimer.singleShot(0, qapp.quit)
    qapp.exec()

    assert found.key is None and found.problem == KEYCHAIN_FAILED
    assert helpers and key_helpers_of_this_process() == []

"""“Delete all my data” removes every file Companion made, asks first, and says what it removed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from companion import cli
from companion.core.journal import JournalEntry
from companion.store.storage import open_storage
from companion.system.autostart import RUN_KEY, RUN_VALUE
from companion.system.data_removal import (
    KEYRING_DID_NOT_ANSWER,
    KEYRING_ENTRY,
    RUN_ENTRY,
    describe,
    elsewhere,
    files_to_remove,
    remove_all,
)
from companion.system.key_helper import KeychainStatus
from companion.system.keychain import Keychain, account_for
from tests.fake_keyrings import FileKeyring, LockedKeyring
from tests.fakes import T0, FakeRegistry

NOW = datetime(2026, 11, 24, 10, 0).astimezone()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with one of everything Companion makes, and one file it did not make."""
    folder = tmp_path / "data"
    monkeypatch.setenv("COMPANION_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    storage = open_storage(folder, NOW)
    storage.journal.save(JournalEntry(body="private words", created_at=T0, updated_at=T0))
    storage.backups.make_daily(NOW)
    storage.close()
    (folder / "journal.damaged-20261120-090000.db").write_bytes(b"old garbage")
    (folder / "settings.json").write_text("{}")
    (folder / ".journal-check-k1ll3d").mkdir()  # a start-up check cut short by a kill
    (folder / ".journal-check-k1ll3d" / "journal.db").write_bytes(b"a copy")
    (folder / "logs").mkdir()
    (folder / "logs" / "companion.log").write_text("log line")
    autostart = tmp_path / "config" / "autostart" / "companion.desktop"
    autostart.parent.mkdir(parents=True)
    autostart.write_text("[Desktop Entry]\n")
    (folder / "notes-the-agent-put-here.txt").write_text("not ours")
    return folder


def test_it_lists_asks_and_keeps_everything_when_the_answer_is_not_delete(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("builtins.input", lambda question: "yes")

    assert cli.main(["delete-my-data"]) == 1

    out = capsys.readouterr().out
    assert "journal.db" in out and "backups" in out and "Nothing was removed." in out
    assert (data_dir / "journal.db").exists()


def test_it_removes_every_file_companion_made_and_says_so(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("builtins.input", lambda question: "delete")

    assert cli.main(["delete-my-data"]) == 0

    out = capsys.readouterr().out
    left = sorted(p.name for p in data_dir.iterdir())
    assert left == ["notes-the-agent-put-here.txt"]
    assert not (tmp_path / "config" / "autostart" / "companion.desktop").exists()
    assert "Removed:" in out and "journal.damaged-20261120-090000.db" in out
    assert "Left alone (not made by Companion):" in out and "notes-the-agent-put-here" in out


def test_yes_skips_the_question_and_an_empty_folder_goes_too(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / "notes-the-agent-put-here.txt").unlink()
    monkeypatch.setattr("builtins.input", lambda question: pytest.fail("asked"))

    assert cli.main(["delete-my-data", "--yes"]) == 0

    assert not data_dir.exists()
    assert cli.main(["delete-my-data", "--yes"]) == 0  # nothing left: says so


def test_nothing_to_remove_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "none"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert files_to_remove(tmp_path / "none", tmp_path / "none" / "logs") == []
    assert remove_all(tmp_path / "none", tmp_path / "none" / "logs").removed == []
    assert cli.main(["delete-my-data"]) == 0
    assert "nothing of Companion's to remove" in capsys.readouterr().out


def test_the_empty_companion_folder_around_the_logs_goes_too(tmp_path: Path) -> None:
    """platformdirs' log folder is <state>/companion/log: removing log/ left companion/ behind."""
    data, state = tmp_path / "share" / "companion", tmp_path / "state"
    logs = state / "companion" / "log"
    logs.mkdir(parents=True)
    (logs / "companion.log").write_text("a line")
    open_storage(data, NOW).close()

    removal = remove_all(data, logs)

    assert not (state / "companion").exists() and state.is_dir()
    assert state / "companion" in removal.removed


def test_a_companion_folder_holding_something_else_stays(tmp_path: Path) -> None:
    logs = tmp_path / "state" / "companion" / "log"
    logs.mkdir(parents=True)
    (tmp_path / "state" / "companion" / "someone-elses.txt").write_text("not ours")

    remove_all(tmp_path / "data", logs)

    assert not logs.exists()
    assert (tmp_path / "state" / "companion" / "someone-elses.txt").exists()


def test_the_key_file_kept_apart_goes_too_and_its_folder_when_left_empty(tmp_path: Path) -> None:
    data, logs = tmp_path / "data", tmp_path / "data" / "logs"
    data.mkdir()
    (data / "journal.db").write_bytes(b"x")
    key = tmp_path / "data-key" / "journal.key"
    key.parent.mkdir()
    key.write_text("0" * 64)

    assert key in files_to_remove(data, logs, key)
    removal = remove_all(data, logs, key_file=key)

    assert not key.exists() and not key.parent.exists()
    assert key in removal.removed and not data.exists()
    assert key not in files_to_remove(data, logs)  # never without being told where it is


def test_the_journals_key_in_the_keyring_goes_too(
    use_backend, qapp: object, tmp_path: Path
) -> None:
    use_backend(FileKeyring)
    data, logs = tmp_path / "data", tmp_path / "data" / "logs"
    keychain = Keychain(account_for(data))
    assert keychain.get_or_create().key is not None

    others = elsewhere(data, keyring=True)
    removal = remove_all(data, logs, others=others)

    assert [other.label for other in others] == [KEYRING_ENTRY]
    assert KEYRING_ENTRY in removal.removed and removal.failed == []
    assert keychain.get().status is KeychainStatus.ABSENT
    assert describe(removal).splitlines()[-1] == f"  {KEYRING_ENTRY}"


def test_a_keyring_that_refuses_is_reported_not_hidden(
    use_backend, qapp: object, tmp_path: Path
) -> None:
    use_backend(LockedKeyring)
    data = tmp_path / "data"

    removal = remove_all(data, data / "logs", others=elsewhere(data, keyring=True))

    assert removal.failed == [(KEYRING_ENTRY, KEYRING_DID_NOT_ANSWER)]
    assert "Could not remove:" in describe(removal)


def test_a_keyring_companion_never_used_is_never_asked(tmp_path: Path) -> None:
    assert elsewhere(tmp_path / "data", keyring=False, platform="linux") == []


def test_on_windows_the_agents_own_run_value_goes_and_the_machines_stays(tmp_path: Path) -> None:
    registry = FakeRegistry(
        {
            ("HKCU", RUN_KEY): {RUN_VALUE: "companion.exe --background", "Other": "x"},
            ("HKLM", RUN_KEY): {RUN_VALUE: "companion.exe --background"},
        }
    )
    data = tmp_path / "data"

    others = elsewhere(data, keyring=False, platform="win32", registry=registry)
    removal = remove_all(data, data / "logs", others=others)

    assert removal.removed == [RUN_ENTRY]
    assert registry.keys[("HKCU", RUN_KEY)] == {"Other": "x"}
    assert RUN_VALUE in registry.keys[("HKLM", RUN_KEY)]  # IT's, for every user
    assert elsewhere(data, keyring=False, platform="win32", registry=registry) == []


def test_companion_delete_my_data_removes_the_keyring_key_when_it_keeps_the_key_there(
    use_backend, qapp: object, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    use_backend(FileKeyring)
    (data_dir / "settings.json").write_text('{"journal_protection": "keychain"}')
    keychain = Keychain(account_for(data_dir))
    assert keychain.get_or_create().key is not None

    assert cli.main(["delete-my-data", "--yes"]) == 0

    assert KEYRING_ENTRY in capsys.readouterr().out
    assert keychain.get().status is KeychainStatus.ABSENT


def test_a_lost_keys_journal_and_its_copies_set_aside_go_too(tmp_path: Path) -> None:
    data, logs = tmp_path / "data", tmp_path / "data" / "logs"
    copies = data / "backups.locked-20261207-093000"
    copies.mkdir(parents=True)
    (copies / "journal-daily-20261206.db").write_bytes(b"old key's copy")
    (data / "journal.locked-20261207-093000.db").write_bytes(b"old key's journal")

    removal = remove_all(data, logs)

    assert copies in removal.removed and not data.exists()

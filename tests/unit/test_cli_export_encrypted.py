"""`companion export` on an encrypted journal: the key from the key file, the passphrase asked
on the terminal, and plain words (never a key) when it can't be had."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion import cli, cli_key
from companion.core.journal import JournalEntry
from companion.core.journal_key import JournalKey
from companion.store.storage import open_storage
from companion.system.key_file import create_key_file, key_file_path
from tests.fakes import T0

WORDS = "The refund call, and the calm after it"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("COMPANION_DATA_DIR", str(folder))
    return folder


def journal_with(data_dir: Path, key: JournalKey, protection: str) -> None:
    storage = open_storage(data_dir, key=key)
    storage.journal.save(JournalEntry(WORDS, T0, T0))
    storage.close()
    (data_dir / "settings.json").write_text(json.dumps({"journal_protection": protection}))


def test_the_key_file_opens_it(data_dir: Path, tmp_path: Path) -> None:
    key = create_key_file(key_file_path())
    journal_with(data_dir, key, "key_file")
    out = tmp_path / "journal.md"

    assert cli.main(["export", str(out)]) == 0
    assert WORDS in out.read_text(encoding="utf-8")


def test_the_passphrase_is_asked_and_a_wrong_one_is_said_plainly(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal_with(data_dir, JournalKey.passphrase("river stones at dusk"), "passphrase")
    out = tmp_path / "journal.md"
    typed = iter(["not the passphrase", "river stones at dusk"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))

    assert cli.main(["export", str(out)]) == 1
    error = capsys.readouterr().err
    assert "does not open your journal" in error and "not the passphrase" not in error
    assert not out.exists()

    assert cli.main(["export", str(out)]) == 0
    assert WORDS in out.read_text(encoding="utf-8")


def test_a_missing_key_file_is_named_and_nothing_is_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal_with(data_dir, JournalKey.from_random(bytes(32)), "key_file")
    out = tmp_path / "journal.md"

    assert cli.main(["export", str(out)]) == 1
    assert str(key_file_path()) in capsys.readouterr().err and not out.exists()


def test_a_plain_journal_needs_no_key(data_dir: Path) -> None:
    open_storage(data_dir).close()
    assert cli_key.export_key(data_dir, None) is None

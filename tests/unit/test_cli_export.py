"""`companion export PATH`: the journal to a file without the app; plain words when it can't."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from companion import cli
from companion.core.commands import Action
from companion.core.journal import JournalEntry
from companion.store.storage import Storage, open_storage
from tests.fakes import T0


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("COMPANION_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def storage(data_dir: Path) -> Iterator[Storage]:
    """The journal with two entries, left open as a running Companion would keep it."""
    opened = open_storage(data_dir)
    for minutes, body in ((0, "First, after the refund call"), (30, "Second\nwith two lines")):
        moment = T0 + timedelta(minutes=minutes)
        opened.journal.save(JournalEntry(body, moment, moment, tags=("refund",)))
    yield opened
    opened.close()


def test_export_is_parsed_and_never_handed_to_a_running_companion() -> None:
    args = cli.build_parser().parse_args(["export", "journal.md", "--format", "jsonl"])
    assert (args.path, args.format) == ("journal.md", "jsonl")
    assert cli.command_from_args(args).action is Action.SHOW  # main handles it first


def test_it_writes_the_file_and_says_what_it_wrote(
    storage: Storage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "journal.md"

    assert cli.main(["export", str(target)]) == 0

    assert capsys.readouterr().out == f"Exported 2 entries to {target}\n"
    text = target.read_text(encoding="utf-8")
    assert "## " in text and "Second\nwith two lines" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_format_can_be_given_whatever_the_extension(
    storage: Storage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "for-my-tool.txt"

    assert cli.main(["export", str(target), "--format", "jsonl"]) == 0

    header, *entries = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert header["entries"] == 2
    assert [e["body"] for e in entries] == [
        "First, after the refund call",
        "Second\nwith two lines",
    ]


def test_a_relative_path_is_reported_in_full(
    storage: Storage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["export", "here.jsonl"]) == 0
    assert capsys.readouterr().out == f"Exported 2 entries to {tmp_path / 'here.jsonl'}\n"


def test_an_unknown_extension_without_format_is_a_usage_error(
    storage: Storage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["export", str(tmp_path / "journal.txt")])

    assert exit_info.value.code == 2
    assert "end journal.txt in .md or .jsonl, or add --format" in capsys.readouterr().err
    assert not (tmp_path / "journal.txt").exists()


def test_no_journal_yet_is_said_plainly_and_creates_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", str(tmp_path / "journal.md")]) == 1

    assert "no journal on this computer yet" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # not even the data folder


def test_a_folder_that_is_not_there_is_one_sentence_and_exit_1(
    storage: Storage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", str(tmp_path / "missing" / "journal.md")]) == 1

    err = capsys.readouterr().err
    assert "doesn't exist" in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_it_needs_no_display_and_no_running_companion(storage: Storage, tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "COMPANION_DATA_DIR": os.environ["COMPANION_DATA_DIR"],
    }

    def export(target: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "companion", "export", str(target)]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

    done = export(tmp_path / "journal.md")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("Exported 2 entries to ")
    assert (tmp_path / "journal.md").exists()
    failed = export(tmp_path / "missing" / "journal.md")
    assert failed.returncode == 1
    assert (
        failed.stderr
        == f"The folder {tmp_path / 'missing'} doesn't exist. Choose another folder.\n"
    )


def test_calls_breaks_and_callbacks_export_as_csv_or_json_beside_the_journal(
    storage: Storage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from companion.core.calls import DifficultCall

    storage.calls.add(DifficultCall(T0, note="=1+1", case_ref="CS-9"))
    assert cli.main(["export", str(tmp_path / "mine.json"), "--what", "all"]) == 0
    assert capsys.readouterr().out.startswith("Exported 1 call, 0 breaks and 0 callbacks to ")
    document = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert document["calls"][0]["note"] == "=1+1" and "case_ref" not in document["calls"][0]
    assert cli.main(["export", str(tmp_path / "r.json"), "--what", "calls", "--case-refs"]) == 0
    assert "CS-9" in (tmp_path / "r.json").read_text(encoding="utf-8")

    assert cli.main(["export", str(tmp_path / "c"), "--what", "calls", "--format", "csv"]) == 0
    assert "'=1+1" in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert stat.S_IMODE((tmp_path / "c.csv").stat().st_mode) == 0o600
    assert cli.main(["export", str(tmp_path / "j.md")]) == 0  # the journal, as before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["x.csv"], "end x.csv in .md or .jsonl"),
        (["x.md", "--what", "calls"], "end x.md in .csv or .json"),
        (["x.json", "--format", "csv"], "--format csv is for --what"),
        (["x.csv", "--what", "breaks", "--format", "md"], "md and jsonl are for the journal"),
        (["x.md", "--case-refs"], "never holds case references"),
    ],
)
def test_a_format_that_does_not_fit_what_is_exported_is_said_plainly(
    data_dir: Path, args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export", *args])
    assert said in capsys.readouterr().err

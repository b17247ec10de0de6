"""Any command line gives a command or a clear refusal; a frozen or odd running Companion is
reported, never waited for."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from companion import cli
from companion.core.calls import MAX_INTENSITY, MIN_INTENSITY
from companion.core.commands import MAX_WHEN_LENGTH, Action, Command, Outcome, Reply
from companion.core.journal_export import ExportFormat, ExportResult

WORDS = [
    "tag", "break", "journal", "quit", "callback", "settings", "delete-my-data", "export",
    "--reason", "-r", "--intensity", "-i", "--case", "--yes", "--at", "--in", "--", "-",
    "--background", "--report", "--format", "md", "jsonl", "csv", "--self-test", "--version",
    "--help",
    "journal.md", "out.JSONL", "~/x.md", "~nosuchuser/x.md", "/", ".", "a/b/",
    "abusive", "Angry", "0", "5", "6", "-1", "99999999999999999999", "1e3", "", "15:30", "2h",
]  # fmt: skip
ARGUMENT = st.sampled_from(WORDS) | st.text(st.characters(exclude_categories=("Cs",)))
EXAMPLES = 400


def exported(database: Path, path: Path, fmt: ExportFormat, now: datetime) -> ExportResult:
    """The export itself has its own tests: here, what reaches it from the command line."""
    assert isinstance(fmt, ExportFormat) and isinstance(path, Path)
    return ExportResult(path, 0, 0)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=st.lists(ARGUMENT, max_size=6))
@example(argv=["tag", "--case", "CS\x00-1\n\x1b[2J" + "9" * 200])
@example(argv=["callback", "--in", "1m", "--case", "CS\x00\n\x1b[2J" + "9" * 200])
@example(argv=["callback", "--at", "15:30\x00\n" + " " * 50 + "9" * 100])
@example(argv=["export", "~nosuchuser/journal.md"])
@example(argv=["delete-my-data", "--yes"])
@example(argv=["--self-test"])
def test_any_arguments_give_a_checked_command_or_a_refusal(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dispatched: list[Command] = []
    monkeypatch.setattr(
        cli, "_dispatch", lambda command, background=False: dispatched.append(command) or 0
    )
    monkeypatch.setattr(cli, "_delete_my_data", lambda yes: 0, raising=False)
    monkeypatch.setattr("companion.store.export.export_from_folder", exported)
    monkeypatch.setattr("companion.self_test.run_self_test", lambda report=None: 0)
    try:
        code = cli.main(argv)
    except SystemExit as leaving:
        assert leaving.code in (0, 2)  # --help/--version, or argparse's refusal with a message
        return
    finally:
        capsys.readouterr()
    assert code == 0
    for command in dispatched:
        assert isinstance(command.action, Action)
        if command.intensity is not None:
            assert MIN_INTENSITY <= command.intensity <= MAX_INTENSITY
        if command.case_ref is not None:
            assert command.case_ref.isprintable() and len(command.case_ref) <= 80
        if command.when is not None:
            assert command.when.isprintable() and len(command.when) <= MAX_WHEN_LENGTH


def replies(*outcomes: Reply):  # type: ignore[no-untyped-def]
    queue = list(outcomes)
    sent: list[Command] = []

    def send(name: str, command: Command) -> Reply:
        sent.append(command)
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return send, sent


@pytest.mark.parametrize(
    ("reply", "code", "words"),
    [
        (Reply(Outcome.OK), 0, ""),
        (Reply(Outcome.NOT_RESPONDING), 1, "not responding"),
        (Reply(Outcome.NOT_SAVED, "Your disk is full."), 1, "Your disk is full."),
        (Reply(Outcome.REFUSED, "unknown action"), 2, "unknown action"),
        (Reply(Outcome.TEMPORARY, "only in a temporary journal"), 3, "temporary journal"),
    ],
)
def test_the_running_companions_answer_becomes_the_exit_code(
    capsys: pytest.CaptureFixture[str], reply: Reply, code: int, words: str
) -> None:
    send, sent = replies(reply)
    assert cli._hand_over("name", Command(Action.TAG), send) == code
    assert len(sent) == 1  # a frozen Companion is not asked ten times
    assert words in capsys.readouterr().err


def test_a_companion_still_starting_is_asked_again_then_given_up_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli.time, "sleep", lambda seconds: None)
    send, sent = replies(Reply(Outcome.NOT_RUNNING), Reply(Outcome.NOT_RUNNING), Reply(Outcome.OK))
    assert cli._hand_over("name", Command(Action.BREAK), send) == 0
    assert len(sent) == 3

    send, sent = replies(Reply(Outcome.NOT_RUNNING))
    assert cli._hand_over("name", Command(Action.BREAK), send) == 1
    assert "not answering" in capsys.readouterr().err

"""The command line: commands for the app go to a running Companion or start one; a few run alone.

`tag`, `break`, `journal`, `insights`, `callback`, `settings`, `quit` or no command at all (show
yourself) go to the running instance if there is one; otherwise Companion starts and does it
(`quit` then has nothing to do). `export`, `policy`, `delete-my-data` (which quits a running
Companion first) and `--self-test` do their work here, without the app.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from companion.cli_policy import add_policy_command
from companion.cli_words import use_companions_words
from companion.core.calls import (
    MAX_CASE_REF_LENGTH,
    MAX_INTENSITY,
    MIN_INTENSITY,
    InvalidCallDetail,
    Reason,
    clean_text,
)
from companion.core.calls import parse_reason as parse_reason_text
from companion.core.commands import (
    MAX_WHEN_LENGTH,
    Action,
    Command,
    Outcome,
    Reply,
    launch_tokens,
)
from companion.core.i18n import N_, _
from companion.core.journal_export import ExportFormat

_REASONS = ", ".join(r.value for r in Reason)


class _VersionAction(argparse.Action):
    """``--version``: the version and its commit, looked up only when asked (git, from source)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from companion.system.build_info import version_text

        print(version_text())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="companion",
        description=_(
            "Companion: one click after a hard call, a guided breathing break and a private "
            "journal. Without a command it starts Companion in the tray (or shows it if it is "
            "already running)."
        ),
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help=_(
            "start in the tray without opening any window, as the login does: nothing happens "
            'if Companion is already running or "Start Companion when I log in" is off'
        ),
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help=_("show the version and the commit it was built from"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check that this installation works (uses a temporary folder, not your journal)"),
    )
    parser.add_argument(
        "--report",
        metavar="PATH",
        help=_("with --self-test: also write its lines to PATH (the Windows build has no console)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    tag = commands.add_parser(
        "tag", help=_("tag the last call as difficult and start a breathing break")
    )
    tag.add_argument(
        "--reason", "-r", help=_("why it was hard: {reasons}").format(reasons=_REASONS)
    )
    tag.add_argument(
        "--intensity",
        "-i",
        type=int,
        help=_("how hard, {mildest} (mild) to {hardest}").format(
            mildest=MIN_INTENSITY, hardest=MAX_INTENSITY
        ),
    )
    tag.add_argument("--case", dest="case_ref", help=_("a case or ticket reference"))
    commands.add_parser("break", help=_("start a breathing break without tagging a call"))
    commands.add_parser("journal", help=_("open the private journal"))
    commands.add_parser(
        "insights", help=_("open Insights: your hard calls, breaks and moods, on this computer")
    )
    callback = commands.add_parser("callback", help=_("remind me to call a customer back"))
    when = callback.add_mutually_exclusive_group(required=True)
    when.add_argument("--at", help=_("a time today (or tomorrow if passed), e.g. 15:30"))
    when.add_argument("--in", dest="in_", metavar="DELAY", help=_("e.g. 2h, 90m, 1m"))
    callback.add_argument("--case", dest="case_ref", help=_("a case or ticket reference"))
    commands.add_parser("settings", help=_("open the settings window"))
    commands.add_parser("quit", help=_("quit the running Companion"))
    delete = commands.add_parser(
        "delete-my-data",
        help=_("remove your journal, its backups, settings and logs from this computer"),
    )
    delete.add_argument("--yes", action="store_true", help=_("don't ask for confirmation"))
    add_policy_command(commands)
    export = commands.add_parser(
        "export",
        help=_("write your whole journal to a file you choose (works without Companion running)"),
    )
    export.add_argument("path", metavar="PATH", help=_("the file to write, e.g. journal.md"))
    export.add_argument(
        "--format",
        choices=[*(fmt.value for fmt in ExportFormat), "csv", "json"],
        help=_(
            "md to read, jsonl for other tools, csv or json for --what other than the "
            "journal (default: from PATH's extension)"
        ),
    )
    export.add_argument(
        "--what",
        choices=["journal", "calls", "breaks", "callbacks", "all"],
        default="journal",
        help=_(
            "the journal (default), or your calls, breaks with moods, callbacks, or all three "
            "(all as csv writes three files named after PATH)"
        ),
    )
    export.add_argument(
        "--case-refs",
        action="store_true",
        help=_(
            "with --what: include case references (left out otherwise: they can identify "
            "a customer)"
        ),
    )
    return parser


def command_from_args(args: argparse.Namespace) -> Command:
    if args.command in ("delete-my-data", "export", "policy"):
        return Command(Action.SHOW)  # handled before anything starts; see main
    if args.command == "tag":
        call_reason = parse_reason_text(args.reason)
        return Command(
            Action.TAG,
            reason=call_reason,
            intensity=_checked_intensity(args.intensity),
            case_ref=clean_text(args.case_ref, MAX_CASE_REF_LENGTH, single_line=True),
        )
    if args.command == "callback":
        when = args.at if args.at is not None else f"in {args.in_}"
        return Command(
            Action.CALLBACK,
            case_ref=clean_text(args.case_ref, MAX_CASE_REF_LENGTH, single_line=True),
            when=clean_text(when, MAX_WHEN_LENGTH, single_line=True),
        )
    return Command(Action(args.command) if args.command else Action.SHOW)


def _expanded(parser: argparse.ArgumentParser, path: str) -> Path:
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "~someone/..." for an account this computer doesn't know
        parser.error(
            _("Companion can't find the home folder in {path}; write the path out in full.").format(
                path=path
            )
        )


def _checked_intensity(value: int | None) -> int | None:
    if value is not None and not MIN_INTENSITY <= value <= MAX_INTENSITY:
        raise InvalidCallDetail(
            _("Intensity goes from {mildest} to {hardest}; {value} is outside that.").format(
                mildest=MIN_INTENSITY, hardest=MAX_INTENSITY, value=value
            )
        )
    return value


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["--key-helper"]:
        # A child of the running Companion (companion.system.keychain), before Qt is loaded;
        # hidden from --help: it is no command for people.
        from companion.system.key_helper import run_key_helper

        return run_key_helper(arguments[1:])
    # Before anything whose sentences are read at import (the windows, the help text).
    from companion.system.language import install_language

    install_language()
    use_companions_words()
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.self_test:
        from companion.self_test import run_self_test

        return run_self_test(Path(args.report).expanduser() if args.report else None)
    if args.report:
        parser.error(_("--report goes with --self-test."))
    if args.background and args.command is not None:
        parser.error(_("--background starts Companion in the tray; it takes no command."))
    try:
        command = command_from_args(args)
    except InvalidCallDetail as error:
        parser.error(str(error))
    # A hotkey daemon, a softphone or a launcher may have given us leave to take the focus:
    # the window the running Companion opens for us uses it (issue #11, focus on Wayland).
    token, startup_id = launch_tokens(os.environ)
    command = replace(command, activation_token=token, startup_id=startup_id)
    if args.command == "delete-my-data":
        from companion.cli_data import delete_my_data

        return delete_my_data(args.yes)
    if args.command == "export":
        from companion.cli_data import export

        return export(
            parser, _expanded(parser, args.path), args.format, args.what, case_refs=args.case_refs
        )
    if args.command == "policy":
        from companion.cli_policy import print_policy

        report = args.policy_report
        return print_policy(_expanded(parser, report) if report else None)
    return _dispatch(command, background=args.background)


def _dispatch(command: Command, *, background: bool = False) -> int:
    # Qt and the rest load only now, so --help and --version answer instantly.
    from companion.system import paths
    from companion.system.display import display_problem, platform_override
    from companion.system.single_instance import InstanceLock, send_to_running, server_name

    early = _nothing_to_start(command, paths.data_dir(), background)
    if early is not None:
        return early
    try:
        # Normally the data folder; if that can't be used, the app starts all the same and
        # says why in its own window (the same temporary journal as for a locked file).
        folder = paths.instance_dir(paths.data_dir())
    except OSError:
        print(_(NO_FOLDER), file=sys.stderr)
        return 1
    name = server_name(folder)
    lock = InstanceLock(folder)
    if not lock.try_acquire():
        if background:
            return 0  # a login start beside a running Companion: no window, nothing to do
        return _hand_over(name, command, send_to_running)
    if command.action is Action.QUIT:
        lock.release()
        print(_("Companion is not running."), file=sys.stderr)
        return 0
    problem = display_problem()
    if problem is not None:
        lock.release()
        print(problem, file=sys.stderr)
        return 1
    platform = platform_override()
    if platform is not None:  # a stale WAYLAND_DISPLAY beside a live X display
        os.environ["QT_QPA_PLATFORM"] = platform
    from companion.launch import run

    try:
        return run(name, command)
    finally:
        lock.release()


def _nothing_to_start(command: Command, data_dir: Path, background: bool) -> int | None:
    """The exit code when this launch has nothing to do, before any folder is made.

    ``quit`` without a data folder: nothing ever ran for this account (an uninstaller quits
    Companion this way and must not leave a folder behind). ``--background`` with autostart
    turned off: the login started an entry the agent could not remove.
    """
    if command.action is Action.QUIT and not data_dir.is_dir():
        print(_("Companion is not running."), file=sys.stderr)
        return 0
    if background and not _login_start_wanted(data_dir):
        return 0
    return None


def _login_start_wanted(data_dir: Path) -> bool:
    import logging

    from companion.system.effective_settings import login_start_wanted
    from companion.system.paths import settings_path

    # No log file yet: the running app reports a damaged policy or settings file, not this.
    logging.getLogger("companion").addHandler(logging.NullHandler())
    return login_start_wanted(settings_path(data_dir))


# Constants marked with N_ and translated where printed: this module is imported before the
# language is installed (companion.core.i18n).
NO_FOLDER = N_(
    "Companion can't start: neither its data folder nor a private temporary folder can be "
    "used on this computer right now."
)
NOT_ANSWERING = N_(
    "Companion is already running but is not answering. If it stays that way, quit it "
    "from its tray menu or end it in the task manager, then start it again."
)
FROZEN = N_(
    "Companion is running but not responding (it may be frozen or paused), so nothing was "
    "done. If it stays that way, end it in the task manager and start it again."
)


def _hand_over(name: str, command: Command, send: Callable[[str, Command], Reply]) -> int:
    """Another Companion holds the lock: give it the command, retrying while it starts up.

    A Companion that takes the message and never answers is frozen: say so at once rather
    than retrying, so a script or a hotkey never hangs.
    """
    for _attempt in range(10):
        reply = send(name, command)
        if reply.outcome is not Outcome.NOT_RUNNING:
            return _report(reply)
        time.sleep(0.3)
    print(_(NOT_ANSWERING), file=sys.stderr)
    return 1


#: The exit code when the command was done but kept only in a temporary journal.
EXIT_TEMPORARY = 3


def _report(reply: Reply) -> int:
    """0 only when the running Companion did it (for a tag: stored it in the journal file)."""
    if reply.outcome is Outcome.OK:
        return 0
    if reply.outcome is Outcome.NOT_RESPONDING:
        print(_(FROZEN), file=sys.stderr)
        return 1
    print(
        _("Companion: {message}").format(message=reply.message or reply.outcome.value),
        file=sys.stderr,
    )
    if reply.outcome is Outcome.TEMPORARY:
        return EXIT_TEMPORARY
    return 2 if reply.outcome is Outcome.REFUSED else 1

"""The commands that work on the agent's data without the app's window: `companion export` and
`companion delete-my-data` (each asks a running Companion to quit, or reads beside it)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from companion.core.commands import Action, Command
from companion.core.i18n import _, pgettext
from companion.core.journal_export import ExportFailed, ExportFormat, format_of
from companion.core.journal_key import JournalKey, Protection


def delete_my_data(yes: bool) -> int:
    """Quit a running Companion, show what will go, ask, remove, and say what went."""
    from companion.system import paths
    from companion.system.data_removal import describe, elsewhere, files_to_remove, remove_all
    from companion.system.key_file import key_file_path

    data_dir, log_dir = paths.data_dir(), paths.log_dir()
    if data_dir.is_dir() and not _quit_running(data_dir):
        print(_("Companion is still running; quit it first, then try again."), file=sys.stderr)
        return 1
    key_file = key_file_path()
    others = elsewhere(data_dir, keyring=_key_in_keyring(data_dir))
    listed = [*files_to_remove(data_dir, log_dir, key_file), *(o.label for o in others)]
    if not listed:
        print(_("There is nothing of Companion's to remove."))
        return 0
    print(_("This removes your journal, its backups, your settings and Companion's logs:"))
    print("\n".join(f"  {path}" for path in listed))
    # Translators: the word the agent types to confirm; the prompt below shows it.
    word = pgettext("typed to confirm removing everything", "delete")
    prompt = _('Type "{word}" to remove them for good (anything else keeps them): ')
    if not yes and _ask(prompt.format(word=word)) != word:
        print(_("Nothing was removed."))
        return 1
    removal = remove_all(data_dir, log_dir, key_file=key_file, others=others)
    print(describe(removal))
    return 1 if removal.failed else 0


def _key_in_keyring(data_dir: Path) -> bool:
    """Whether the agent's settings keep the journal's key in the keyring (asked only then: a
    keyring Companion never used could start with a prompt)."""
    from companion.core.journal_key import Protection
    from companion.system import paths
    from companion.system.effective_settings import load_effective_settings

    settings = load_effective_settings(paths.settings_path(data_dir)).settings
    return settings.journal_protection is Protection.KEYCHAIN


def export(
    parser: argparse.ArgumentParser,
    path: Path,
    format_name: str | None,
    what: str = "journal",
    *,
    case_refs: bool = False,
) -> int:
    """Write the journal (or the calls, breaks and callbacks) to ``path`` straight from its
    file, read-only: no window, no running Companion needed, and safe beside one (the
    journal's WAL mode lets both read)."""
    import logging

    from companion.cli_key import NoKey, export_key
    from companion.core.ports import StorageUnavailable
    from companion.system import paths

    # The store logs what failed for the app's log file; here the one sentence below is all.
    logging.getLogger("companion").addHandler(logging.NullHandler())
    if what == "journal":
        if case_refs:
            parser.error(
                _("The journal export never holds case references; --case-refs is for --what.")
            )
        write = _journal_writer(parser, path, format_name)
    else:
        write = _records_writer(parser, path, format_name, what, case_refs)
    data_dir = paths.data_dir()
    try:
        key = export_key(data_dir, _chosen_protection(data_dir))
        summary = write(paths.database_path(data_dir), key)
    except (ExportFailed, StorageUnavailable, NoKey) as error:
        print(error, file=sys.stderr)
        return 1
    print(summary)
    return 0


#: Writes the export from the journal file (opened with the key, if any); says what it wrote.
Writer = Callable[[Path, JournalKey | None], str]


def _journal_writer(parser: argparse.ArgumentParser, path: Path, format_name: str | None) -> Writer:
    from companion.store.export import export_from_folder

    if format_name in ("csv", "json"):
        parser.error(
            _(
                "The journal exports as md or jsonl; --format {format} is for --what calls, "
                "breaks, callbacks or all."
            ).format(format=format_name)
        )
    fmt = ExportFormat(format_name) if format_name else format_of(path)
    if fmt is None:
        parser.error(
            _(
                "Companion can't tell which format to write: end {name} in .md or .jsonl, or "
                "add --format md or --format jsonl."
            ).format(name=_file_name(path))
        )
    return lambda database, key: export_from_folder(
        database, path, fmt, datetime.now().astimezone(), key=key
    ).summary()


def _file_name(path: Path) -> str:
    # Translators: stands for a file's name in "end {name} in .md or .jsonl" when none was given.
    return path.name or _("the name")


def _records_writer(
    parser: argparse.ArgumentParser, path: Path, format_name: str | None, what: str, case_refs: bool
) -> Writer:
    from companion.core.records_export import RecordFormat, RecordKind, record_format_of
    from companion.store.export_records import records_from_folder

    if format_name in ("md", "jsonl"):
        parser.error(
            _("--what {what} exports as csv or json; md and jsonl are for the journal.").format(
                what=what
            )
        )
    fmt = RecordFormat(format_name) if format_name else record_format_of(path)
    if fmt is None:
        parser.error(
            _(
                "Companion can't tell which format to write: end {name} in .csv or .json, or "
                "add --format csv or --format json."
            ).format(name=_file_name(path))
        )
    kind = RecordKind(what)
    return lambda database, key: records_from_folder(
        database, path, kind, fmt, datetime.now().astimezone(), key=key, case_refs=case_refs
    ).summary()


def _chosen_protection(data_dir: Path) -> Protection | None:
    """How the agent chose to keep the journal's key (their settings; None: not chosen)."""
    from companion.system.effective_settings import load_effective_settings
    from companion.system.paths import settings_path

    return load_effective_settings(settings_path(data_dir)).settings.journal_protection


def _ask(question: str) -> str:
    try:
        return input(question).strip().casefold()
    except EOFError:
        return ""


def _quit_running(data_dir: Path) -> bool:
    """True once no Companion holds the lock (asking a running one to quit first)."""
    from companion.system.single_instance import InstanceLock, send_to_running, server_name

    lock = InstanceLock(data_dir)
    for attempt in range(30):
        if lock.try_acquire():
            lock.release()
            return True
        if attempt == 0:
            send_to_running(server_name(data_dir), Command(Action.QUIT))
        time.sleep(0.2)
    return False

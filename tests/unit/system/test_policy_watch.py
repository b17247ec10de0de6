"""The policy is read again when its files change: real files, a real QFileSystemWatcher.

Every wait retries until the watcher has answered (``waitSignal``, ``waitUntil``); none sleeps
for a fixed time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from companion.core.policy import Policy
from companion.system.policy_file import POLICY_FILE_ENV, LoadedPolicy, read_policy
from companion.system.policy_watch import PolicyWatch

WAIT_MS = 10_000  # a busy CI machine; the watcher usually answers within milliseconds


class Reads:
    """Reads the policy from one folder, counting the reads."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.count = folder, 0

    def __call__(self) -> LoadedPolicy:
        self.count += 1
        return read_policy({POLICY_FILE_ENV: str(self.folder)})


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "etc-companion"
    path.mkdir()
    return path


Start = Callable[..., tuple[PolicyWatch, list[tuple[Policy, Any]], Reads]]


@pytest.fixture
def start(qtbot: QtBot, folder: Path) -> Start:
    def start(known: Policy | None = None, where: Path = folder) -> Any:
        reads = Reads(where)
        watch = PolicyWatch(reads().policy if known is None else known, reads, settle_ms=20)
        heard: list[tuple[Policy, Any]] = []
        watch.changed.connect(lambda policy, notice: heard.append((policy, notice)))
        return watch, heard, reads

    return start


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_an_edited_policy_file_is_read_again(qtbot: QtBot, folder: Path, start: Start) -> None:
    write(folder / "policy.toml", "[defaults]\nbreak_seconds = 90\n")
    watch, heard, _ = start()

    with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
        write(folder / "policy.toml", "[locked]\nbreak_seconds = 120\n")

    policy, notice = heard[-1]
    assert dict(policy.locked_values) == {"break_seconds": 120} and notice == ()


def test_a_new_drop_in_in_a_new_folder_is_seen(qtbot: QtBot, folder: Path, start: Start) -> None:
    watch, heard, _ = start()  # no policy at all yet, and no policy.d

    with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
        write(folder / "policy.d" / "50-site.toml", "eap_contact = 'EAP'\n")
    assert heard[-1][0].eap_contact == "EAP"

    # The new folder is watched now: a second drop-in in it is seen too.
    with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
        write(folder / "policy.d" / "60-more.toml", "force_autostart = true\n")
    assert heard[-1][0].force_autostart and heard[-1][0].eap_contact == "EAP"


def test_a_file_replaced_by_a_rename_is_seen_and_watched_again(
    qtbot: QtBot, folder: Path, start: Start
) -> None:
    """As Ansible's copy module and Puppet's file resource write: a temporary file, renamed."""
    write(folder / "policy.toml", "eap_contact = 'one'\n")
    watch, heard, _ = start()

    for text in ("eap_contact = 'two'\n", "eap_contact = 'three'\n"):
        with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
            write(folder / ".policy.toml.tmp", text)
            os.replace(folder / ".policy.toml.tmp", folder / "policy.toml")
    assert [policy.eap_contact for policy, _ in heard] == ["two", "three"]


def test_a_removed_file_takes_its_policy_with_it(qtbot: QtBot, folder: Path, start: Start) -> None:
    write(folder / "policy.d" / "50-site.toml", "[locked]\nmood_check = false\n")
    watch, heard, _ = start()

    with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
        (folder / "policy.d" / "50-site.toml").unlink()

    assert heard[-1][0] == Policy()


def test_a_policy_folder_made_after_start_is_seen(
    qtbot: QtBot, tmp_path: Path, start: Start
) -> None:
    missing = tmp_path / "not-yet"
    watch, heard, _ = start(where=missing)

    assert str(tmp_path) in watch.watched()  # the nearest folder that exists
    with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
        write(missing / "policy.toml", "journal_encryption = 'required'\n")

    assert heard[-1][0].journal_encryption.value == "required"


def test_a_bad_edit_is_reported_with_its_line_and_the_rest_applies(
    qtbot: QtBot, folder: Path, start: Start
) -> None:
    write(folder / "policy.toml", "eap_contact = 'EAP'\n")
    watch, heard, _ = start()

    with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
        write(folder / "policy.d" / "50-site.toml", "[defaults]\n\nbreak_seconds = 'long'\n")

    policy, notice = heard[-1]
    assert policy.eap_contact == "EAP"
    (text,) = notice
    assert text.startswith(f"IT policy, {folder / 'policy.d' / '50-site.toml'}, line 3: ")


def test_an_edit_that_changes_nothing_says_nothing(
    qtbot: QtBot, folder: Path, start: Start
) -> None:
    write(folder / "policy.toml", "eap_contact = 'EAP'\n")
    _, heard, reads = start()
    before = reads.count

    write(folder / "policy.toml", "# the same policy, a new comment\neap_contact = 'EAP'\n")
    qtbot.waitUntil(lambda: reads.count > before, timeout=WAIT_MS)  # read again ...

    assert heard == []  # ... and nobody told


def test_a_policy_changed_during_start_up_follows_at_once(qtbot: QtBot, start: Start) -> None:
    _watch, heard, _ = start(known=Policy(eap_contact="what the app started with"))

    qtbot.waitUntil(lambda: len(heard) == 1, timeout=WAIT_MS)

    assert heard[0][0] == Policy()

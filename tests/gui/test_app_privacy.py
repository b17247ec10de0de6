"""The running app tells Settings the truth about its journal: encrypted or not, open or
waiting, whatever the agent chose (issue #9)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from companion.app import CompanionApp
from companion.app_messages import NEW_JOURNAL_STARTED, NO_PASSPHRASE, WRONG_PASSPHRASE
from companion.core.journal_key import JournalKey, Protection, Unlocked
from companion.core.lock_passphrase import make_verifier
from companion.store.storage import open_storage, temporary_storage
from companion.system.key_sources import KEYCHAIN_KEY_MISSING, KEYCHAIN_LOCKED
from companion.system.single_instance import InstanceServer, server_name
from companion.ui.privacy.messages import LOCKED_TITLE
from companion.ui.privacy.unlock_dialogs import PassphraseWords
from tests.gui.app_helpers import Told, close_everything, data_dir  # noqa: F401 (a fixture)

KEY = JournalKey.from_random(bytes(range(32)))


def build(
    storage_dir: Path, unlocked: Unlocked, *, key: JournalKey | None, waiting: bool
) -> CompanionApp:
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    storage = (
        temporary_storage(storage_dir, None, "Your keyring is locked.")
        if waiting
        else open_storage(storage_dir, key=key)
    )
    server = InstanceServer(server_name(storage_dir))
    return CompanionApp(qt_app, server, storage, None, QIcon(), unlocked=unlocked)


def test_an_encrypted_journal_is_said_to_be(data_dir: Path) -> None:  # noqa: F811
    app = build(data_dir, Unlocked(KEY, Protection.KEY_FILE), key=KEY, waiting=False)
    facts = app._privacy_facts()
    close_everything(app)

    assert facts.encrypted and facts.file_open and facts.key_file is not None


def test_a_plain_journal_opened_without_its_key_is_not(data_dir: Path) -> None:  # noqa: F811
    why = "Companion couldn't reach your keyring."
    app = build(data_dir, Unlocked(None, Protection.KEYCHAIN, waiting=why), key=None, waiting=False)
    facts = app._privacy_facts()
    close_everything(app)

    assert not facts.encrypted and facts.file_open and facts.why_no_key == why


def test_a_journal_waiting_for_its_key_is_not_open(data_dir: Path) -> None:  # noqa: F811
    why = "Your keyring is locked."
    app = build(data_dir, Unlocked(None, Protection.KEYCHAIN, waiting=why), key=None, waiting=True)
    facts = app._privacy_facts()
    close_everything(app)

    assert not facts.encrypted and not facts.file_open


def test_after_not_now_opening_the_journal_asks_again_and_moves_what_was_written(
    data_dir: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    passphrase = JournalKey.passphrase("river stones at dusk")
    open_storage(data_dir, key=passphrase).close()
    (data_dir / "settings.json").write_text(json.dumps({"journal_protection": "passphrase"}))
    typed = iter(["not the passphrase", "river stones at dusk"])
    asked: list[str | None] = []

    def ask(self: object, *, new: bool, problem: str | None) -> str | None:
        asked.append(problem)
        return next(typed)

    monkeypatch.setattr("companion.app_privacy.UnlockDialogs.passphrase", ask)
    waiting = Unlocked(None, Protection.PASSPHRASE, waiting=NO_PASSPHRASE)
    app = build(data_dir, waiting, key=None, waiting=True)
    app.breaks.tag_and_breathe(None)  # a tag while locked: in the temporary journal
    app.breaks.close_window()

    app.journal.show_journal()
    reopened = not app._storage.temporary
    close_everything(app)

    assert asked == [None, WRONG_PASSPHRASE] and reopened
    storage = open_storage(data_dir, key=passphrase)
    assert storage.calls.latest() is not None  # the tag made while locked is in the file
    storage.close()


def test_with_the_lock_on_the_journal_waits_for_the_lock_passphrase_and_breaks_do_not(
    data_dir: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app lock in the running app: it starts locked (the keyring opened the journal, nobody
    typed anything), a tag and a break need nothing, the journal needs the lock passphrase,
    and a locked screen closes the journal again."""
    storage = open_storage(data_dir, key=KEY)
    storage.lock_verifier.set(make_verifier("lantern by the sea", bytes(16)))
    storage.close()
    (data_dir / "settings.json").write_text(json.dumps({"lock_after_minutes": 5}))
    typed: list[str | None] = [None, "lantern by the sea"]
    asked: list[str] = []

    def ask(words: PassphraseWords, new: bool, problem: str | None) -> str | None:
        asked.append(words.title)
        return typed.pop(0)

    monkeypatch.setattr("companion.app_privacy.ask_passphrase", ask)
    app = build(data_dir, Unlocked(KEY, Protection.KEYCHAIN), key=KEY, waiting=False)
    locked_at_start = app.lock.lock.locked
    tagged = app.breaks.tag_and_breathe(None)
    app.breaks.close_window()

    app.journal.show_journal()  # "Not now"
    stayed_closed = app.journal.window is None
    app.journal.show_journal()
    window = app.journal.window
    opened = window is not None and window.isVisible()
    app.lock.lock.screen_locked()
    closed_again = window is not None and not window.isVisible()
    close_everything(app)

    assert locked_at_start and tagged is not None
    assert stayed_closed and opened and closed_again
    assert asked == [LOCKED_TITLE, LOCKED_TITLE]


def test_a_lost_key_offers_a_new_journal_that_keeps_the_old_one_and_what_was_written(
    data_dir: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The keyring no longer holds the key: Settings offers a new journal; starting it moves
    the old file and its copies aside untouched and opens a new journal, with a new key, that
    holds the call tagged while waiting."""
    old = open_storage(data_dir, key=KEY)
    old.backups.make_daily(old_day())
    old.close()
    locked_bytes = (data_dir / "journal.db").read_bytes()
    new = JournalKey.from_random(bytes(range(1, 33)))
    monkeypatch.setattr(
        "companion.app.unlock_journal", lambda settings, folder: Unlocked(new, Protection.KEYCHAIN)
    )
    gone = Unlocked(None, Protection.KEYCHAIN, waiting=KEYCHAIN_KEY_MISSING, lost=True)
    app = build(data_dir, gone, key=None, waiting=True)
    offered = app._privacy_facts().key_lost
    app.breaks.tag_and_breathe(None)
    app.breaks.close_window()

    app._start_new_journal()
    opened = not app._storage.temporary and not app._privacy_facts().key_lost
    close_everything(app)

    assert offered and opened
    [aside] = data_dir.glob("journal.locked-*.db")
    assert aside.read_bytes() == locked_bytes
    assert list(data_dir.glob("backups.locked-*/*"))  # the old copies, kept with it
    assert Told.texts[-1] == NEW_JOURNAL_STARTED.format(path=aside)
    storage = open_storage(data_dir, key=new)
    assert storage.calls.latest() is not None and storage.journal.recent() == []
    storage.close()


def test_a_locked_keyring_or_a_busy_file_is_not_a_lost_key(data_dir: Path) -> None:  # noqa: F811
    open_storage(data_dir, key=KEY).close()
    locked = Unlocked(None, Protection.KEYCHAIN, waiting=KEYCHAIN_LOCKED)
    app = build(data_dir, locked, key=None, waiting=True)
    keyring_locked = app._privacy_facts().key_lost
    close_everything(app)
    busy = build(data_dir, Unlocked(KEY, Protection.KEYCHAIN), key=None, waiting=True)
    busy._storage.key = KEY  # the right key, the file busy elsewhere: the retries open it
    file_busy = busy._privacy_facts().key_lost
    close_everything(busy)
    wrong = build(data_dir, Unlocked(KEY, Protection.KEYCHAIN), key=None, waiting=True)
    wrong._storage.key = JournalKey.from_random(bytes(32))
    wrong_key = wrong._privacy_facts().key_lost
    close_everything(wrong)

    assert not keyring_locked and not file_busy and wrong_key


def old_day() -> datetime:
    return datetime(2026, 12, 1, 9, 0).astimezone()

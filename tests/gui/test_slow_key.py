"""Start-up never waits long for the journal's key (issue #9): when a keyring takes a while
(its unlock prompt is up, a passphrase is being typed), the app is built on a temporary journal
inside the wait, so a hard call can be tagged and a break taken; the file opens when the key
comes, with what was written meanwhile."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from companion.app import CompanionApp
from companion.app_messages import KEY_ON_ITS_WAY, TEMPORARY_JOURNAL
from companion.app_start import start
from companion.core.journal import JournalEntry
from companion.core.journal_key import JournalKey, Protection, Unlocked
from companion.store.storage import open_storage
from companion.system.key_sources import KEYCHAIN_LOCKED
from companion.system.single_instance import server_name
from tests.fakes import T0
from tests.gui.app_helpers import Told, close_everything, data_dir  # noqa: F401 (a fixture)

KEY = JournalKey.from_random(bytes(range(32)))
PATIENCE_MS = 50
#: How often the slow keyring looks for the app built meanwhile (every 20 ms: 20 s at most).
LOOKS = 1000


@pytest.fixture
def journal(data_dir: Path) -> Path:  # noqa: F811
    """An encrypted journal with one entry, kept with the keyring; no window left open by an
    earlier test (the file opens only while no window may hold a temporary journal's row)."""
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.hide()  # an earlier app's fallback window only minimizes on closing
    storage = open_storage(data_dir, key=KEY)
    storage.journal.save(JournalEntry(body="an older entry", created_at=T0, updated_at=T0))
    storage.close()
    (data_dir / "settings.json").write_text(json.dumps({"journal_protection": "keychain"}))
    return data_dir


class SlowKeyring:
    """Stands in for ``unlock_journal``: answers ``unlocked`` only after ``meanwhile`` has run
    against the app built during the wait (looked for again until it is there)."""

    def __init__(
        self, unlocked: Unlocked, meanwhile: Callable[[CompanionApp], None] | None = None
    ) -> None:
        self.unlocked = unlocked
        self.meanwhile = meanwhile
        self.ready: list[CompanionApp] = []

    def milestone(self, name: str, subject: object = None, **fields: object) -> None:
        if name == "app_ready" and isinstance(subject, CompanionApp):
            self.ready.append(subject)

    def __call__(self, settings: object, folder: Path) -> Unlocked:
        if self.meanwhile is None:
            return self.unlocked
        loop = QEventLoop()
        tries = iter(range(LOOKS))

        def look() -> None:
            if not self.ready:
                if next(tries, None) is None:
                    loop.quit()  # no app was built during the wait: the test fails
                else:
                    QTimer.singleShot(20, look)
                return
            assert self.meanwhile is not None
            self.meanwhile(self.ready[0])
            loop.quit()

        QTimer.singleShot(PATIENCE_MS, look)
        loop.exec()
        return self.unlocked


def start_with(keyring: SlowKeyring, folder: Path, monkeypatch: pytest.MonkeyPatch) -> CompanionApp:
    monkeypatch.setattr("companion.app_start.unlock_journal", keyring)
    monkeypatch.setattr("companion.app_start.milestones.reached", keyring.milestone)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    return start(qt_app, server_name(folder), None, QIcon(), None, key_patience_ms=PATIENCE_MS)


def test_while_the_key_is_coming_a_call_is_tagged_and_it_lands_in_the_file(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def meanwhile(app: CompanionApp) -> None:
        seen["waiting"] = app.key_pending and app._storage.temporary
        seen["tagged"] = app.breaks.tag_and_breathe(None)
        app.breaks.close_window()
        app.journal.show_journal()  # not yet: it would show an empty journal
        seen["journal"] = app.journal.window

    keyring = SlowKeyring(Unlocked(KEY, Protection.KEYCHAIN), meanwhile)
    app = start_with(keyring, journal, monkeypatch)
    opened = not app.key_pending and not app._storage.temporary and app._storage.key == KEY
    retrying = app.data.retry.waiting
    close_everything(app)

    assert seen == {"waiting": True, "tagged": seen["tagged"], "journal": None}
    assert seen["tagged"] is not None and keyring.ready == [app]
    assert opened and not retrying
    assert Told.texts == [KEY_ON_ITS_WAY]  # nothing else: nothing went wrong
    storage = open_storage(journal, key=KEY)
    assert storage.calls.latest() is not None  # the tag made while waiting is in the file
    assert [item.entry.body for item in storage.journal.recent()] == ["an older entry"]
    storage.close()


def test_a_key_that_never_comes_leaves_the_file_as_it_was_and_says_why(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (journal / "journal.db").read_bytes()
    locked = Unlocked(None, Protection.KEYCHAIN, waiting=KEYCHAIN_LOCKED)
    app = start_with(SlowKeyring(locked, lambda app: None), journal, monkeypatch)
    waiting = app._storage.temporary
    close_everything(app)

    assert waiting and Told.texts == [f"{KEYCHAIN_LOCKED} {TEMPORARY_JOURNAL}"]
    assert (journal / "journal.db").read_bytes() == before


def test_a_key_that_comes_at_once_builds_the_app_once_on_the_file(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring = SlowKeyring(Unlocked(KEY, Protection.KEYCHAIN))
    app = start_with(keyring, journal, monkeypatch)
    on_file = not app._storage.temporary and not app.key_pending
    close_everything(app)

    assert on_file and keyring.ready == [app] and Told.texts == []


def test_quitting_while_the_key_is_coming_asks_and_says_nothing_and_leaves_the_file(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (journal / "journal.db").read_bytes()

    def tag_and_quit(app: CompanionApp) -> None:
        app.breaks.tag_and_breathe(None)
        app.quit()

    locked = Unlocked(None, Protection.KEYCHAIN, waiting=KEYCHAIN_LOCKED)
    app = start_with(SlowKeyring(locked, tag_and_quit), journal, monkeypatch)
    close_everything(app)
    # QCoreApplication.quit left "quit now" set for every event loop: clear it (see
    # test_keychain), as the app's exec() would have on returning.
    qt_app = QApplication.instance()
    assert qt_app is not None
    QTimer.singleShot(0, qt_app.quit)
    qt_app.exec()

    assert Told.texts == []
    assert (journal / "journal.db").read_bytes() == before

"""The app lock with the real app on Xvfb, observed from outside (issue #9): it starts locked,
`companion journal` asks for the lock passphrase before the journal shows, a screen locking
(the screensaver's ActiveChanged on the session bus, sent with dbus-send as GNOME sends it)
closes the journal again, and a hard call is tagged while locked with nothing lost."""

from __future__ import annotations

import contextlib
import os
import subprocess

from companion.core.lock_passphrase import SALT_BYTES, make_verifier
from companion.store.storage import open_storage
from companion.system.key_file import create_key_file, key_file_path
from companion.system.paths import DATA_DIR_ENV
from companion.ui.journal.messages import TITLE as JOURNAL_TITLE
from companion.ui.privacy.messages import LOCKED_TITLE
from tests.e2e.desktop import APP, Desktop, Spawn
from tests.e2e.pins import read_journal
from tests.e2e.timing import patience

PASSPHRASE = "lantern by the sea"
CASE = "CASE-LOCK-7731"


def locked_journal(desktop: Desktop) -> None:
    """A journal whose lock is on, with a lock passphrase chosen (its verifier inside)."""
    desktop.write_settings({"lock_after_minutes": 5})
    key = create_key_file(key_file_path({DATA_DIR_ENV: str(desktop.data_dir)}))
    storage = open_storage(desktop.data_dir, key=key)
    storage.lock_verifier.set(make_verifier(PASSPHRASE, os.urandom(SALT_BYTES)))
    storage.close()


def lock_the_screen(desktop: Desktop) -> None:
    subprocess.run(
        [
            "dbus-send", "--session", "--type=signal", "/org/gnome/ScreenSaver",
            "org.gnome.ScreenSaver.ActiveChanged", "boolean:true",
        ],
        env=desktop.env, check=True, timeout=patience(10),
    )  # fmt: skip


def unlock(desktop: Desktop) -> None:
    """One try: the passphrase typed afresh into the dialog there now, then Return (a lost or
    mistyped try leaves the dialog, asking again, for the next one)."""
    dialogs = desktop.search(LOCKED_TITLE)
    if not dialogs:
        return  # gone: the try before opened the journal
    desktop.key("ctrl+a", window=dialogs[0])
    desktop.type_text(PASSPHRASE)
    desktop.key("Return")


def journal_shown(desktop: Desktop) -> bool:
    return bool(desktop.search(JOURNAL_TITLE))


def test_locked_the_journal_waits_for_the_passphrase_and_a_locked_screen_closes_it(
    desktop: Desktop, spawn: Spawn
) -> None:
    locked_journal(desktop)
    spawn(APP, desktop=desktop, name="companion")
    desktop.wait_tray_icon(timeout=patience(20))
    desktop.wait_for(lambda: "journal_open" in desktop.trace_events(), "journal_open", patience(30))

    asked = subprocess.Popen([*APP, "journal"], env=desktop.env)  # waits for the dialog
    try:
        desktop.find_window(LOCKED_TITLE, timeout=patience(20))
        assert not journal_shown(desktop)
        desktop.until(
            lambda: unlock(desktop), lambda: journal_shown(desktop) or None, "the journal"
        )
    finally:
        asked.wait(timeout=patience(30))

    desktop.until(
        lambda: lock_the_screen(desktop),
        lambda: not journal_shown(desktop) or None,
        "the journal closed by the screen lock",
        patience(20),
    )
    tagged = desktop.run_app("tag", "--reason", "abusive", "--case", CASE)

    assert tagged.returncode == 0, tagged.stderr
    with contextlib.closing(read_journal(desktop.data_dir)) as db:
        assert [row[0] for row in db.execute("select case_ref from calls")] == [CASE]

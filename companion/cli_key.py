"""The key ``companion export`` reads the journal with, found where Companion keeps it: the
keyring (through the key helper), the key file, or the passphrase, asked on the terminal.
Nothing is asked or looked up for a journal that is not encrypted."""

from __future__ import annotations

import sys
from pathlib import Path

from companion.core.i18n import N_, _
from companion.core.journal_key import BadKey, JournalKey, KeyLookup, Protection
from companion.store.opening import journal_is_encrypted

PASSPHRASE_PROMPT = N_("Passphrase for your journal: ")  # translated where asked


class NoKey(Exception):
    """Why the journal can't be read from here; ``str()`` is for the agent."""


def export_key(data_dir: Path, chosen: Protection | None) -> JournalKey | None:
    if not journal_is_encrypted(data_dir):
        return None
    if chosen is Protection.PASSPHRASE:
        return _ask_passphrase()
    if chosen is Protection.KEY_FILE:
        from companion.system.key_file import key_file_path
        from companion.system.key_sources import KeyFileKeys

        found = KeyFileKeys(key_file_path()).get_or_create(create=False)
    else:
        found = _from_keychain(data_dir)
    if found.key is None:
        raise NoKey(found.problem or _("Companion has no key for your journal here."))
    return found.key


def _from_keychain(data_dir: Path) -> KeyLookup:
    from PySide6.QtCore import QCoreApplication

    from companion.system.key_sources import lookup_from
    from companion.system.keychain import Keychain, account_for

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])  # QProcess wants one
    answer = Keychain(account_for(data_dir), parent=app).get()
    found = lookup_from(answer)
    if found.no_store:
        raise NoKey(_("Companion can't reach a keyring here, and your journal's key is in one."))
    return found


def _ask_passphrase() -> JournalKey:
    from getpass import getpass

    try:
        return JournalKey.passphrase(getpass(_(PASSPHRASE_PROMPT)))
    except (EOFError, BadKey) as error:
        if not str(error):
            raise NoKey(_("No passphrase, so your journal stays closed: none was typed")) from None
        raise NoKey(
            _("No passphrase, so your journal stays closed: {why}").format(why=error)
        ) from None

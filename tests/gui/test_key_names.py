"""Sentences that name a key take Qt's name for it on this platform and in this language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from companion.ui.debrief import messages as debrief_messages
from companion.ui.journal import messages
from companion.ui.look.keys import key_name, shortcut_name
from companion.ui.settings import messages as settings_messages


def test_keys_are_named_as_qt_names_them(qtbot: QtBot) -> None:
    assert key_name(QKeySequence.StandardKey.Save) == "Ctrl+S"
    assert key_name(QKeySequence(Qt.Key.Key_Delete)) == "Del"
    assert shortcut_name() == "Ctrl+Alt+H"


def test_sentences_get_the_key_s_name_in_their_placeholder(qtbot: QtBot) -> None:
    assert messages.SAVE_TIP.format(key=key_name(QKeySequence.StandardKey.Save)) == "Save (Ctrl+S)"
    assert settings_messages.shortcut_text() == (
        "Ctrl+Alt+H tags a hard call and starts a break, from any application"
    )
    undo = debrief_messages.EDITS_REPLACED.format(key=key_name(QKeySequence.StandardKey.Undo))
    assert undo.endswith("; Ctrl+Z brings your edits back.")

"""Key names inside sentences, in Qt's words for this platform and language.

A sentence that names a key takes it as ``{key}``: Qt says "Ctrl+S" in English, "Strg+S" in
German (with its own translations loaded) and "⌘S" on a Mac, so no catalog has to.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from companion.system.global_shortcut import SHORTCUT_TEXT


def key_name(keys: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """``keys`` (a sequence, a standard key such as Save, or "Ctrl+Alt+H") as this platform
    writes it for people; a standard key with several bindings is named by its first."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_name() -> str:
    """The shortcut that works from any application ("Ctrl+Alt+H"), named as Qt names keys."""
    return key_name(SHORTCUT_TEXT)

"""Date and time fields (QDateEdit, QTimeEdit) written as the agent's region writes them.

Qt's fields take a display format of their own; this turns the region's CLDR pattern (Babel,
through companion.core.formatting) into one, so "3:30 PM" or "15:30", "Nov 9, 2026" or
"09.11.2026" read as every other date in Companion, with the month and AM/PM words of the
language installed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDateTimeEdit

from companion.core import formatting, i18n

#: CLDR's date and time fields; quoted words ('de') are kept as they are.
_FIELD = re.compile(r"'[^']*'|y+|E+|a+|([dMHhms])\1*")


def _qt_field(token: str) -> str:
    """One CLDR field as Qt writes it (https://doc.qt.io/qt-6/qdatetime.html#toString)."""
    first = token[0]
    if first == "y":
        return "yy" if len(token) == 2 else "yyyy"
    if first == "E":
        return "dddd" if len(token) >= 4 else "ddd"
    if first == "a":
        return "Ap"  # the locale's own AM/PM words, as it writes them
    return token


def qt_format(cldr_pattern: str) -> str:
    """CLDR's no-break spaces ("3:30\u202fPM") become plain ones: the space an agent types."""
    plain = cldr_pattern.replace("\u202f", " ").replace("\u00a0", " ")
    return _FIELD.sub(lambda match: _qt_field(match.group(0)), plain)


def time_format() -> str:
    """ "h:mm Ap" or "HH:mm": the region's short time, 12- or 24-hour as it says."""
    return qt_format(formatting.locale().time_formats["short"].pattern)


def date_format() -> str:
    """The region's medium date: "MMM d, yyyy", "dd.MM.yyyy", "d MMM yyyy"."""
    return qt_format(formatting.locale().date_formats["medium"].pattern)


def qt_locale() -> QLocale:
    return QLocale(i18n.language())


def as_region_writes(edit: QDateTimeEdit, *, with_date: bool) -> None:
    """Show (and read) ``edit`` in the region's own format: what the agent types there too."""
    edit.setLocale(qt_locale())
    edit.setDisplayFormat(date_format() if with_date else time_format())

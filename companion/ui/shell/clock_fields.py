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


_TYPED = re.compile(
    r"^(?:(?P<lead>\D*?)\s*)?(?P<hour>\d{1,2})(?:\s*[:.hH]\s*(?P<minute>\d{2}))?(?P<rest>.*)$"
)


def _squeezed(words: str) -> str:
    """ "p.\u202fm." -> "pm": what is left of an AM/PM word without dots and spaces."""
    return re.sub(r"[\s.]", "", words).casefold()


def _periods() -> dict[str, int]:
    """The region's AM and PM words (and English's, which agents everywhere type), squeezed,
    each with the hours it adds."""
    found = {"am": 0, "a": 0, "pm": 12, "p": 12}
    for width in ("abbreviated", "wide", "narrow"):
        words = formatting.locale().day_periods.get("format", {}).get(width, {})
        for period, hours in (("am", 0), ("pm", 12)):
            if period in words:
                found[_squeezed(words[period])] = hours
    return found


def as_24_hour(typed: str) -> str:
    """A time typed as the region writes it ("3:30 PM", "3:30 p. m.", "15h30") as "15:30",
    which the callback's reading of times (core.reminder_texts.parse_when) takes; anything
    else ("in 2 hours", "15:30") is returned as typed."""
    match = _TYPED.match(typed.strip())
    if match is None:
        return typed
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    rest = _squeezed(match["rest"])
    if rest:
        added = _periods().get(rest)
        if added is None or not 1 <= hour <= 12:
            return typed
        hour = hour % 12 + added
    elif match["minute"] is None:
        return typed
    lead = f"{match['lead']} " if match["lead"] else ""  # "at 3 PM": parse_when reads "at"
    return f"{lead}{hour:02d}:{minute:02d}"

"""Translations: every sentence Companion says goes through here, in the agent's language.

gettext rather than Qt Linguist: the core is plain Python (no Qt), the command line speaks too,
and gettext's catalogs (one ``.po`` per language in resources/locale, compiled to ``.mo`` by
Babel) carry plural forms that each language defines for itself.

``install()`` runs once, early in start-up (``companion.launch``), **before** any module whose
constants are sentences is imported: a constant such as ``TITLE = _("Journal")`` is translated
when its module is first imported. Modules imported before that (start-up, settings, policy)
call ``_()`` where a sentence is used, never at import. Until ``install()`` (and in the tests)
the sentences are English, the source language.

Marking: ``_("…")`` for a sentence; ``ngettext("1 call", "{count} calls", count)`` where a
number decides the form (always ``.format(count=count)`` after it; an f-string can't be
extracted); ``pgettext("context", "…")`` where one English word means two things; ``N_("…")``
marks a sentence to be translated later, where it is used (a table of labels built at import).
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Sequence
from pathlib import Path

DOMAIN = "companion"
#: The language the source is written in; it needs no catalog.
SOURCE_LANGUAGE = "en"
#: Languages written right to left (their layouts mirror); by language code, before any region.
RIGHT_TO_LEFT = frozenset({"ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = SOURCE_LANGUAGE
_layout_language = SOURCE_LANGUAGE


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return _translation.pgettext(context, message)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogs without translating it here."""
    return message


def install(wanted: Sequence[str], locale_dir: Path) -> str:
    """Speak the first of ``wanted`` (language tags such as "pt_BR", "es", "de_AT") that has
    a catalog in ``locale_dir``, or English; returns that tag, region kept ("de_AT"), since
    dates and numbers follow the region even where the sentences are its language's.

    gettext finds German's catalog ("de") for "de_AT" when there is no Austrian one.
    """
    global _translation, _language, _layout_language
    tags = [normalize(tag) for tag in wanted]
    for tag in tags:
        if tag.split("_")[0] == SOURCE_LANGUAGE:
            # "ar:en" (Arabic, else English): English words, Arabic's direction.
            _translation, _language, _layout_language = _gettext.NullTranslations(), tag, tags[0]
            return tag
        try:
            found = _gettext.translation(DOMAIN, locale_dir, languages=[tag])
        except OSError:
            continue
        _translation, _language, _layout_language = found, tag, tag
        return tag
    _translation, _language = _gettext.NullTranslations(), SOURCE_LANGUAGE
    # No catalog at all: English words, but an Arabic or Hebrew desk still reads right to left.
    _layout_language = tags[0] if tags else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def language() -> str:
    """The language sentences are in now ("en", "es", "pt_BR"...): for dates and numbers too."""
    return _language


def layout_language() -> str:
    """The language layouts follow: the one spoken if it has a catalog, else the first wanted
    ("ar" or "ar:en": English sentences in mirrored layouts)."""
    return _layout_language


def is_right_to_left(tag: str) -> bool:
    return normalize(tag).split("_")[0] in RIGHT_TO_LEFT


def normalize(tag: str) -> str:
    """ "pt-BR", "pt_BR.UTF-8", "pt_br@latin" -> "pt_BR"; "C" and "POSIX" -> "en"."""
    base = tag.split(".")[0].split("@")[0].replace("-", "_").strip()
    if not base or base in ("C", "POSIX"):
        return SOURCE_LANGUAGE
    language, _sep, region = base.partition("_")
    return f"{language.lower()}_{region.upper()}" if region else language.lower()

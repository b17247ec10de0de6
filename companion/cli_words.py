"""argparse's own words ("usage:", "options:", its errors) from Companion's catalog.

argparse translates through ``gettext.gettext``, which reads the process's text domain and
picks the language from the environment (LANGUAGE, LC_ALL...): bindtextdomain/textdomain would
make it speak the desktop's language even where the agent or IT chose another in Companion.
So its two names are pointed at Companion's own translation (``use_companions_words``), and
its sentences are listed here, exactly as Python 3.11's argparse writes them, for `make
catalogs` to extract. WORKAROUND: argparse has no hook for its words
(https://github.com/python/cpython/blob/3.11/Lib/argparse.py, ``from gettext import gettext
as _, ngettext``); a newer Python adds or changes a few of them: check this list when the
bundled Python changes.
"""

from __future__ import annotations

import argparse

from companion.core import i18n
from companion.core.i18n import N_

#: argparse's sentences, in the order its help and errors show them.
ARGPARSE_WORDS = (
    # Translators: argparse's words (this one and those below it in cli_words.py), shown by
    # `companion --help` and when a command is mistyped. Keep every %(name)s, %s and %r as
    # they are; "usage: " ends with a space.
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def expected_arguments(count: int) -> str:
    """The one plural argparse says to people ("expected 2 arguments"), as it asks for it."""
    return i18n.ngettext("expected %s argument", "expected %s arguments", count) % count


def use_companions_words() -> None:
    """Point argparse at Companion's translation (after ``install``; English until then)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]

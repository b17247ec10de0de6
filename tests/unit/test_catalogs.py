"""The translation catalogs (resources/locale): the template holds every sentence the code marks,
each shipped language translates all of them with the same placeholders, and each compiles.

`make catalogs` refreshes the template and merges it into the languages; this test fails until
someone has run it after changing a sentence, and until every language has the new one.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "companion.pot"
#: The languages Companion ships; each must be complete (issue #13).
SHIPPED = sorted(path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/companion.po"))
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")

Key = tuple[str | None, str | tuple[str, ...]]


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def marked_in_code() -> set[Key]:
    found: set[Key] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT / "companion"), keywords=DEFAULT_KEYWORDS
    ):
        found.add((context, message))
    return found


def keys(catalog: Catalog) -> set[Key]:
    return {(m.context, m.id) for m in catalog if m.id}


def test_the_template_holds_every_marked_sentence_and_no_other() -> None:
    code, template = marked_in_code(), keys(read(TEMPLATE))
    missing = sorted(str(k) for k in code - template)
    stale = sorted(str(k) for k in template - code)
    assert not missing and not stale, (
        f"run `make catalogs`: {len(missing)} sentences missing from the template "
        f"(e.g. {missing[:3]}), {len(stale)} no longer in the code (e.g. {stale[:3]})"
    )


def messages(language: str) -> Iterator[Message]:
    for message in read(LOCALE / language / "LC_MESSAGES" / "companion.po"):
        if message.id:
            yield message


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", SHIPPED)
def test_each_language_translates_every_sentence(language: str) -> None:
    template = keys(read(TEMPLATE))
    catalog = read(LOCALE / language / "LC_MESSAGES" / "companion.po")
    assert keys(catalog) == template, "run `make catalogs` to merge the template"
    untranslated = [
        m.id for m in messages(language)
        if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]  # fmt: skip
    assert untranslated == [], f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"


@pytest.mark.parametrize("language", SHIPPED)
def test_placeholders_are_the_same_as_in_english(language: str) -> None:
    wrong = []
    for message in messages(language):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(placeholders(i) for i in ids))
        for string in strings:
            # A language with one form for every number may leave {count} out of it ("ein").
            if placeholders(string) - wanted or (wanted - placeholders(string)) - {"count"}:
                wrong.append((ids[0], string))
    assert wrong == []


@pytest.mark.parametrize("language", SHIPPED)
def test_each_language_compiles_and_says_its_plural_rule(language: str) -> None:
    catalog = read(LOCALE / language / "LC_MESSAGES" / "companion.po")
    assert catalog.plural_forms and catalog.num_plurals >= 1
    write_mo(io.BytesIO(), catalog)


def test_nothing_is_translated_while_the_command_line_starts() -> None:
    """The language is installed at the top of ``cli.main``: whatever ``companion.cli``
    imports must translate nothing at import, or it would stay English."""
    probe = (
        "import companion.core.i18n as i18n\n"
        "asked = []\n"
        "class Recorder(i18n._gettext.NullTranslations):\n"
        "    def gettext(self, m): asked.append(m); return m\n"
        "    def ngettext(self, s, p, n): asked.append(s); return s if n == 1 else p\n"
        "    def pgettext(self, c, m): asked.append(m); return m\n"
        "i18n._translation = Recorder()\n"
        "import companion.cli\n"
        "print(asked)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"

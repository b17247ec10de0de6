"""Choosing and installing a language: tags as desktops write them, a region falling back to
its language, English when nothing else has a catalog."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from companion.core import i18n
from companion.system.language import chosen_languages, desktop_languages


@pytest.fixture
def locale_dir(tmp_path: Path) -> Iterator[Path]:
    """A German catalog with one sentence and one plural, the way `make` compiles them."""
    catalog = Catalog(locale="de", domain="companion")
    catalog.add("Quit", "Beenden")
    catalog.add(("{count} call", "{count} calls"), ("{count} Anruf", "{count} Anrufe"))
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    (folder / "companion.mo").write_bytes(buffer.getvalue())
    yield tmp_path
    i18n.install([], tmp_path)  # back to English for the next test


@pytest.mark.parametrize(
    ("tag", "normal"),
    [("pt-BR", "pt_BR"), ("pt_BR.UTF-8", "pt_BR"), ("de_at@euro", "de_AT"), ("C", "en"),
     ("POSIX", "en"), ("", "en"), ("FR", "fr")],
)  # fmt: skip
def test_tags_as_desktops_write_them(tag: str, normal: str) -> None:
    assert i18n.normalize(tag) == normal


def test_a_region_without_a_catalog_speaks_its_language(locale_dir: Path) -> None:
    assert i18n.install(["de_AT.UTF-8"], locale_dir) == "de_AT"  # Austria's dates, German words
    assert i18n._("Quit") == "Beenden"
    assert i18n.ngettext("{count} call", "{count} calls", 2) == "{count} Anrufe"
    assert i18n.language() == "de_AT"


def test_the_first_wanted_language_with_a_catalog_wins_and_english_is_one(
    locale_dir: Path,
) -> None:
    assert i18n.install(["ja", "de"], locale_dir) == "de"
    assert i18n.install(["ja", "en_GB", "de"], locale_dir) == "en_GB"
    assert i18n._("Quit") == "Quit"
    assert i18n.install(["ja"], locale_dir) == "en"


def test_right_to_left_languages() -> None:
    assert i18n.is_right_to_left("ar_EG.UTF-8") and i18n.is_right_to_left("he")
    assert not i18n.is_right_to_left("es_MX")


def test_the_desktop_says_its_languages_in_gettexts_order() -> None:
    environ = {"LANGUAGE": "pt_BR:pt:en", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"}
    assert desktop_languages(environ, "linux") == ["pt_BR", "pt", "en", "de_DE.UTF-8"]
    assert desktop_languages({"LANG": "fr_CA.UTF-8"}, "linux") == ["fr_CA.UTF-8"]


def test_it_and_the_agent_choose_before_the_desktop() -> None:
    assert chosen_languages(["de"], setting="es", policy="fr") == ["fr", "es", "de"]
    assert chosen_languages(["de"], setting="", policy=None) == ["de"]

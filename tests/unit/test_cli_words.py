"""argparse's own words come from Companion's catalog, in the language Companion chose."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from companion.cli import build_parser
from companion.cli_words import ARGPARSE_WORDS, expected_arguments, use_companions_words
from companion.core import i18n


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    catalog = Catalog(locale="de", domain="companion")
    catalog.add("usage: ", "Aufruf: ")
    catalog.add("show this help message and exit", "diese Hilfe zeigen und beenden")
    catalog.add("unrecognized arguments: %s", "unbekannte Argumente: %s")
    catalog.add(
        ("expected %s argument", "expected %s arguments"),
        ("%s Argument erwartet", "%s Argumente erwartet"),
    )
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    (folder / "companion.mo").write_bytes(buffer.getvalue())
    # The desktop says French: argparse must follow Companion's choice, not the environment.
    monkeypatch.setenv("LANGUAGE", "fr")
    monkeypatch.setattr(argparse, "_", argparse._, raising=False)  # type: ignore[attr-defined]
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext, raising=False)  # type: ignore[attr-defined]
    i18n.install(["de"], tmp_path)
    use_companions_words()
    yield
    i18n.install([], tmp_path)


def test_help_and_errors_speak_companions_language(
    german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = build_parser()
    assert parser.format_help().startswith("Aufruf: companion")
    assert "diese Hilfe zeigen und beenden" in parser.format_help()
    with pytest.raises(SystemExit):
        parser.parse_args(["--frobnicate"])
    assert "unbekannte Argumente: --frobnicate" in capsys.readouterr().err
    assert expected_arguments(2) == "2 Argumente erwartet"


def test_the_listed_words_are_argparses_own() -> None:
    """Each listed sentence is in argparse's source as written (a newer Python may change one)."""
    source = Path(argparse.__file__).read_text(encoding="utf-8")
    for words in ARGPARSE_WORDS:
        assert repr(words) in source or f'"{words}"' in source, words

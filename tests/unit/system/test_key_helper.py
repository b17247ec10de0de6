"""Which keyring backends count as a credential store (tested in-process; the tray never is)."""

from __future__ import annotations

import importlib.util

import pytest
from keyring.backends import chainer, fail, null

from companion.system.key_helper import usable
from tests.fake_keyrings import FileKeyring


class _AltPlaintext(FileKeyring):
    """Stands in for keyrings.alt.file.PlaintextKeyring (never installed here)."""


_AltPlaintext.__module__ = "keyrings.alt.file"


def test_keyrings_alt_is_not_installed() -> None:
    # keyrings.alt makes a plaintext file the default keyring without a word (ECOSYSTEM.md).
    try:
        spec = importlib.util.find_spec("keyrings.alt")
    except ModuleNotFoundError:
        spec = None
    assert spec is None, "keyrings.alt is installed: remove it, it stores keys in plain text"


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), _AltPlaintext()])
def test_nothing_or_plain_text_is_no_store(backend: object) -> None:
    assert not usable(backend)


def test_a_chain_of_nothing_or_with_plain_text_in_it_is_no_store(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    assert not usable(chainer.ChainerBackend())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [FileKeyring(), _AltPlaintext()])
    assert not usable(chainer.ChainerBackend())
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [FileKeyring()])
    assert usable(chainer.ChainerBackend())


def test_a_real_store_is_usable() -> None:
    assert usable(FileKeyring())

"""A backend's marked reason is said in the agent's language where Settings shows it."""

from __future__ import annotations

import gettext

import pytest

from companion.core import i18n
from companion.core.notices import Delivery


class _German(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return {"no session bus": "kein Sitzungsbus"}.get(message, message)


def test_a_marked_reason_is_translated_when_shown_and_others_stay_as_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(i18n, "_translation", _German())
    assert Delivery("D-Bus", False, "no session bus").describe() == (
        "D-Bus could not show it: kein Sitzungsbus"
    )
    assert Delivery("D-Bus", False, "org.freedesktop.DBus.Error").describe() == (
        "D-Bus could not show it: org.freedesktop.DBus.Error"
    )
    assert Delivery("D-Bus", False).describe() == "D-Bus could not show it: "

"""The short forms a chart's axis has room for (companion.core.formatting): a day without its
weekday, and an hour, each as the region writes them."""

from __future__ import annotations

from datetime import date

import pytest

from companion.core import formatting


@pytest.mark.parametrize(("tag", "written"), [("en", "Nov 9"), ("de", "9. Nov."), ("es", "9 nov")])
def test_a_day_on_an_axis(tag: str, written: str) -> None:
    assert formatting.short_day_and_month(date(2026, 11, 9), tag) == written


@pytest.mark.parametrize(
    ("tag", "hour", "written"),
    [("en", 13, "1 PM"), ("en", 0, "12 AM"), ("de", 13, "13 Uhr"), ("fr", 13, "13")],
)
def test_an_hour_on_an_axis(tag: str, hour: int, written: str) -> None:
    assert formatting.short_hour(hour, tag) == written

"""Tagging rules: only the time is required; details are checked and cleaned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.core.calls import (
    MAX_CASE_REF_LENGTH,
    DifficultCall,
    InvalidCallDetail,
    Reason,
    count_on_day,
    next_local_midnight,
    parse_reason,
)
from tests.fakes import T0


def test_a_call_needs_only_its_time() -> None:
    call = DifficultCall(tagged_at=T0)
    assert call.reason is None and call.intensity is None and call.note is None


def test_details_are_cleaned() -> None:
    call = DifficultCall(tagged_at=T0).with_details(
        reason=Reason.ABUSIVE, intensity=4, case_ref="  CASE\t4711\n ", note="  \x07shouted \n"
    )
    assert call.case_ref == "CASE 4711"
    assert call.note == "shouted"
    assert call.intensity == 4


@pytest.mark.parametrize("bad", [0, 6, -1, 100])
def test_intensity_outside_one_to_five_is_refused_kindly(bad: int) -> None:
    with pytest.raises(InvalidCallDetail, match="1 to 5"):
        DifficultCall(tagged_at=T0).with_details(intensity=bad)


@given(st.text())
def test_case_ref_of_any_text_is_single_line_and_capped(text: str) -> None:
    ref = DifficultCall(tagged_at=T0).with_details(case_ref=text).case_ref
    assert ref is None or (len(ref) <= MAX_CASE_REF_LENGTH and "\n" not in ref and ref.strip())


def test_reasons_parse_by_value_or_label() -> None:
    assert parse_reason("abusive") is Reason.ABUSIVE
    assert parse_reason("Distressing story") is Reason.DISTRESSING
    assert parse_reason(" ESCALATED ") is Reason.ESCALATED
    assert parse_reason("") is None
    with pytest.raises(InvalidCallDetail, match="abusive"):
        parse_reason("grumpy")


def test_count_on_day() -> None:
    calls = [DifficultCall(tagged_at=T0 + timedelta(hours=h)) for h in (0, 1, 30)]
    assert count_on_day(calls, T0) == 2


@pytest.mark.parametrize(
    ("now", "midnight"),
    [
        (datetime(2026, 11, 24, 10, 0, tzinfo=UTC), datetime(2026, 11, 25, tzinfo=UTC)),
        (datetime(2026, 11, 24, 0, 0, tzinfo=UTC), datetime(2026, 11, 25, tzinfo=UTC)),
        (datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)),
    ],
)
def test_the_days_count_ends_at_the_next_local_midnight(now: datetime, midnight: datetime) -> None:
    assert next_local_midnight(now) == midnight


def test_midnight_is_in_the_agents_own_zone() -> None:
    sydney = timezone(timedelta(hours=11))
    now = datetime(2026, 11, 24, 23, 30, tzinfo=sydney)  # 12:30 UTC
    assert next_local_midnight(now) - now == timedelta(minutes=30)

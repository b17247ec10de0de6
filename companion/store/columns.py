"""Domain values to column values and back, forgiving of what an older or newer version wrote."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from companion.core.calls import MAX_INTENSITY, MIN_INTENSITY

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


def to_text(moment: datetime) -> str:
    """ISO 8601 with the UTC offset, so the local date stays readable and sorting is exact.

    A naive time is taken as local time rather than refused: it can only come from a bug,
    and the agent's record matters more than the bug.
    """
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat()


#: julianday() keeps milliseconds: a second either side of a span, then an exact check.
_SLACK = timedelta(seconds=1)


def span_values(start: datetime, end: datetime) -> list[str]:
    """The bounds for ``julianday(x) >= julianday(?) AND julianday(x) < julianday(?)``,
    widened so that no row of ``start <= x < end`` is lost to julianday's rounding; the
    caller then ``trims`` the rows (read oldest first) to the span exactly."""
    return [to_text(start - _SLACK), to_text(end + _SLACK)]


def trimmed(
    found: list[T], moment: Callable[[T], datetime], start: datetime, end: datetime
) -> list[T]:
    """``found`` (oldest first, as julianday orders them) without the rows the widened span
    let in: they can only be the first few and the last few, so the rest is not compared."""
    first, last = 0, len(found)
    while first < last and moment(found[first]) < start:
        first += 1
    while last > first and moment(found[last - 1]) >= end:
        last -= 1
    return found[first:last]


def to_moment(text: str) -> datetime:
    """An aware datetime; a stored time without an offset is read as local time."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment


def to_moment_or_none(text: Any) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return to_moment(text)
    except ValueError:
        return None


def enum_or_none(kind: type[E], value: Any) -> E | None:
    """A stored enum value, or None when this version doesn't know it."""
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        return None


def intensity_or_none(value: Any) -> int | None:
    if isinstance(value, int) and MIN_INTENSITY <= value <= MAX_INTENSITY:
        return value
    return None


def tags_to_text(tags: tuple[str, ...]) -> str:
    # ensure_ascii=False keeps accented tags searchable: FTS sees "café", not "caf\\u00e9".
    return storable(json.dumps(list(tags), ensure_ascii=False))


def tags_from_text(text: Any) -> tuple[str, ...]:
    """Tags from their JSON list; anything else reads as no tags rather than an error."""
    if not isinstance(text, str):
        return ()
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(value, list):
        return ()
    return tuple(tag for tag in value if isinstance(tag, str))


def int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) else None


def require_id(value: int | None) -> int:
    """Updating a record that was never stored is a bug in the caller, not a storage problem."""
    if value is None:
        raise ValueError("only a stored record (with an id) can be updated")
    return value


def storable(text: str) -> str:
    """``text`` as UTF-8 can hold it: a lone surrogate (from JSON or a broken paste) becomes
    U+FFFD instead of failing the save; a pair written as two code points becomes one."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def storable_or_none(text: str | None) -> str | None:
    return None if text is None else storable(text)

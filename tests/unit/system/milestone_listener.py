"""A milestone listener for tests/unit/system/test_milestones.py: it keeps what it heard."""

from __future__ import annotations

from collections.abc import Mapping

heard: list[tuple[str, object, dict[str, object]]] = []


def milestone(name: str, subject: object, fields: Mapping[str, object]) -> None:
    heard.append((name, subject, dict(fields)))

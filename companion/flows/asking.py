"""Asking the agent again until an answer will do: a passphrase that opens, a new one long
enough. Each question after the first shows why the last answer didn't."""

from __future__ import annotations

from collections.abc import Callable

Ask = Callable[[str | None], str | None]


def ask_until_accepted(ask: Ask, problem_with: Callable[[str], str | None]) -> str | None:
    """``ask(problem)`` until ``problem_with`` finds none in the answer; None when the agent
    closes the question ("Not now")."""
    problem: str | None = None
    while True:
        typed = ask(problem)
        if typed is None:
            return None
        problem = problem_with(typed)
        if problem is None:
            return typed

"""Every English sentence against docs/tone-guide.md: no grades, no reproach, no exclamation
marks, no fixed break length, no mood that presumes the break."""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Mapping
from pathlib import Path

import pytest

from companion.core import journal, moods, reminder_texts
from companion.core.breaks import BreakOutcome
from companion.core.breathing import PATTERNS
from companion.core.moods import Mood
from companion.core.reminder_texts import DayNumbers, break_length_text, nudge_notice
from companion.ui.breathing import messages as breathing

ROOT = Path(__file__).resolve().parents[2]
#: Every module of sentences (each ui feature's messages.py, and the app's own), found on disk
#: so a new feature's sentences are held to the guide without anyone adding them here.
MESSAGE_MODULES = [
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for path in sorted((ROOT / "companion").rglob("*messages.py"))
] + ["companion.core.reminder_texts"]
GRADES = ("well done", "good to see", "good job", "great job", "nice work", "proud of you")
REPROACH = ("yet", "only", "should", "you forgot", "you didn't", "0 breaks", "no breaks")


def _constants(module_name: str) -> list[str]:
    module = importlib.import_module(module_name)
    found: list[str] = []
    for name, value in vars(module).items():
        if name.startswith("__"):
            continue
        if isinstance(value, Mapping):
            value = tuple(value.values())
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, tuple):
            found += [
                v
                for v in itertools.chain.from_iterable(
                    x if isinstance(x, tuple) else (x,) for x in value
                )
                if isinstance(v, str)
            ]
    return found


def _after_break_sentences() -> list[str]:
    said = [breathing.kind_line(outcome) for outcome in (*BreakOutcome, None)]
    for before, after in itertools.product(Mood, Mood):
        said.append(breathing.mood_change_text(before, after))
    return said


def _every_sentence() -> list[str]:
    texts = [text for name in MESSAGE_MODULES for text in _constants(name)]
    texts += list(journal.REFLECTION_PROMPTS)
    texts += [p.why for p in PATTERNS.values()] + [p.summary for p in PATTERNS.values()]
    texts += [m.label for m in Mood] + _after_break_sentences()
    return texts


@pytest.mark.parametrize("text", _every_sentence())
def test_no_exclamation_marks(text: str) -> None:
    assert "!" not in text


@pytest.mark.parametrize("text", _every_sentence())
def test_no_sentence_grades_the_agent(text: str) -> None:
    assert not any(grade in text.lower() for grade in GRADES)


def test_after_a_break_a_better_mood_is_reported_not_praised() -> None:
    said = breathing.mood_change_text(Mood.LOW, Mood.GOOD)
    assert said == f"From {Mood.LOW.face} Low to {Mood.GOOD.face} Good."


def test_no_mood_on_the_scale_presumes_a_break() -> None:
    """The same faces are asked before the break: no comparative like "Calmer" or "Better"."""
    for mood in Mood:
        assert not mood.label.lower().endswith("er"), mood.label
    assert Mood.CALM.label == "Calm"
    assert moods.Mood.CALM.word == "calm"


@pytest.mark.parametrize(
    "numbers",
    [DayNumbers(calls=3), DayNumbers(calls=1, breaks=0)],
)
def test_a_day_without_breaks_is_told_without_reproach(numbers: DayNumbers) -> None:
    sentence = numbers.sentence().lower()
    assert "break" not in sentence
    assert not any(word in sentence.split() for word in REPROACH)


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (72, "72 seconds"),
        (60, "1 minute"),
        (64, "64 seconds"),
        (120, "2 minutes"),
        (128, "about 2 minutes"),
        (297, "about 5 minutes"),
        (1, "1 second"),
    ],
)
def test_break_lengths_in_words(seconds: float, said: str) -> None:
    assert break_length_text(seconds) == said


def test_the_nudge_says_the_break_length_it_is_given() -> None:
    assert nudge_notice(3, 72.0).body.endswith("72 seconds of breathing?")
    assert nudge_notice(3, 120.0).body.endswith("2 minutes of breathing?")
    assert "Two minutes" not in nudge_notice(3, 72.0).body
    assert "(2 hard calls)" in nudge_notice(2, 72.0).body


def test_reminder_texts_hold_no_fixed_break_length() -> None:
    for text in _constants(reminder_texts.__name__):
        assert "two minutes" not in text.lower()

"""The sentences of Insights (issue #16): every English word the figures and the pointer say,
kept in one place for the tone test and for translation (issue #17).

They report; they never grade the agent, blame, diagnose or say a break caused a change
(docs/tone-guide.md).
"""

from __future__ import annotations

THIS_WEEK = "This week"
THIS_WEEK_PHRASE = "this week"
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def recent_weeks(weeks: int) -> tuple[str, str]:
    """The label and the phrase for this week and the ones before: "The last four weeks"."""
    count = _NUMBER_WORDS[weeks] if weeks < len(_NUMBER_WORDS) else str(weeks)
    return f"The last {count} weeks", f"in the last {count} weeks"

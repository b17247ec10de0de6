"""A moment said inside a sentence starts with a small letter, whatever the day."""

from __future__ import annotations

from datetime import datetime

from companion.core import formatting
from companion.ui.journal import messages

NOW = datetime(2026, 11, 30, 10, 45)


def test_a_moment_inside_a_sentence_says_today_yesterday_or_the_day() -> None:
    ten_twenty = formatting.time_of_day(NOW.replace(minute=20))
    assert messages.when_in_sentence(NOW.replace(minute=20), NOW) == f"today at {ten_twenty}"
    assert messages.when_in_sentence(NOW.replace(day=29, minute=20), NOW) == (
        f"yesterday at {ten_twenty}"
    )
    earlier = NOW.replace(day=24, minute=20)
    assert messages.when_in_sentence(earlier, NOW) == (
        f"{formatting.day_and_month(earlier.date())} at {ten_twenty}"
    )


def test_sentences_take_the_moment_as_it_is_said_inside_them() -> None:
    when = messages.when_in_sentence(NOW, NOW)
    assert messages.edited_text(when).startswith("edited today at ")
    assert messages.draft_restored(when).startswith("Restored your unsaved text from today at ")
    assert messages.drafts_text(when, 1).startswith("You have unsaved writing from today at ")

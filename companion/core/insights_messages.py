"""The sentences of Insights (issue #16): every English word the figures and the pointer say,
kept in one place for the tone test and for translation (issue #17).

They report; they never grade the agent, blame, diagnose or say a break caused a change
(docs/tone-guide.md). Each takes the period's ``phrase`` ("this week", "in the last four
weeks") so one sentence serves every period.
"""

from __future__ import annotations

THIS_WEEK = "This week"
THIS_WEEK_PHRASE = "this week"
_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: The parts of a day, by their first hour: a night shift's 01:00 is early morning.
DAY_PARTS = ((0, "early morning"), (6, "morning"), (12, "afternoon"), (18, "evening"))

NO_HOURS = "The hours your hard calls come at will show here."
NO_BREAKS = "Breaks you take will show here."
NO_BREAK_AFTER_CALL = "How soon a break starts after a hard call will show here."
NO_MOODS = "Moods you rate before and after a break will show here."
MOOD_CAVEAT = (
    "These are your own ratings: they show how your mood moved around each break, not why."
)

#: The gentle pointer (core/insights_pointer.py): one kind sentence, never a diagnosis.
POINTER_MORE_CALLS = (
    "These last two weeks have had more hard calls than your usual. Talking it over can help."
)
POINTER_MOODS_LOW = (
    "After many breaks these last two weeks your mood was still low. Talking it over can help."
)


def recent_weeks(weeks: int) -> tuple[str, str]:
    """The label and the phrase for this week and the ones before: "The last four weeks"."""
    count = _NUMBER_WORDS[weeks] if weeks < len(_NUMBER_WORDS) else str(weeks)
    return f"The last {count} weeks", f"in the last {count} weeks"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def day_part(hour: int) -> str:
    return [name for start, name in DAY_PARTS if start <= hour][-1]


def slot(weekday: int, hour: int, *, several_weeks: bool) -> str:
    """ "Tuesday afternoon", or "Tuesday afternoons" over several weeks."""
    return f"{_WEEKDAYS[weekday]} {day_part(hour)}{'s' if several_weeks else ''}"


def calls_sentence(total: int, busiest: str | None, phrase: str) -> str:
    """Above the per-day chart. ``busiest``: the slot that clearly had the most, if one did."""
    if total == 0:
        return f"No hard calls tagged {phrase}."
    if total == 1:
        return f"One hard call {phrase}, on {busiest}."
    counted = plural(total, "hard call", "hard calls")
    if busiest is None:
        return f"{counted} {phrase}, spread across the days."
    return f"{counted} {phrase}; {busiest} had the most."


def _clock(hour: int) -> str:
    return "midnight" if hour % 24 == 0 else f"{hour % 24}:00"


def hours_sentence(total: int, first_hour: int, hours: int) -> str:
    """Above the hours chart: more than half the calls came in ``hours`` hours from
    ``first_hour`` (the narrowest such span)."""
    if total == 0:
        return NO_HOURS
    span = f"between {_clock(first_hour)} and {_clock(first_hour + hours)}"
    if total == 1:
        return f"It came {span}."
    if hours > 8:
        return f"They came at many hours of the day; more than half {span}."
    return f"Most came {span}."


def breaks_sentence(taken: int, extended: int, skipped: int, phrase: str) -> str:
    if taken == 0 and skipped == 0:
        return NO_BREAKS
    if taken == 0:
        return f"{plural(skipped, 'break was', 'breaks were')} skipped {phrase}."
    said = f"You took {plural(taken, 'break', 'breaks')} {phrase}."
    if extended:
        said += f" {plural(extended, 'was', 'were')} made longer."
    if skipped:
        said += f" {plural(skipped, 'was', 'were')} skipped."
    return said


def _minutes(minutes: float) -> str:
    whole = round(minutes)
    return "less than a minute" if whole < 1 else plural(whole, "minute", "minutes")


def after_call_sentence(linked: int, within_ten: int, median_minutes: float | None) -> str:
    """How soon breaks began after the hard call they were for."""
    if linked == 0 or median_minutes is None:
        return NO_BREAK_AFTER_CALL
    if linked == 1:
        return f"Your break after a hard call started {_minutes(median_minutes)} after it."
    if within_ten * 2 > linked:
        return "Most breaks started within 10 minutes of a hard call."
    within = "a minute" if round(median_minutes) < 1 else _minutes(median_minutes)
    return f"Half of the breaks after a hard call started within {within} of it."


def moods_sentence(rated: int, rose: int, same: int, fell: int) -> str:
    """How the mood moved around the breaks the agent rated; no verdict on it."""
    if rated == 0:
        return NO_MOODS
    if rated == 1:
        way = "higher than" if rose else "the same as" if same else "lower than"
        return f"After the one break you rated, your mood was {way} before."
    parts = [
        (way, count)
        for way, count in (("higher", rose), ("the same", same), ("lower", fell))
        if count
    ]
    if len(parts) == 1:
        return f"Of the {rated} breaks you rated, your mood was {parts[0][0]} after all {rated}."
    said = [f"{way} after {count}" for way, count in parts]
    listed = ", ".join(said[:-1]) + f" and {said[-1]}"
    return f"Of the {rated} breaks you rated, your mood was {listed}."


def callbacks_sentence(
    due: int, kept: int, missed: int, waiting: int, snoozed: int, phrase: str
) -> str:
    if due == 0:
        return f"No callbacks were due {phrase}."
    parts = [
        f"{kept} done" if kept else "",
        f"{missed} still open past {'its' if missed == 1 else 'their'} time" if missed else "",
        f"{waiting} still to come" if waiting else "",
    ]
    said = (
        f"{plural(due, 'callback', 'callbacks')} due {phrase}: "
        + ", ".join(part for part in parts if part)
        + "."
    )
    if snoozed:
        said += f" {plural(snoozed, 'was', 'were')} snoozed along the way."
    return said

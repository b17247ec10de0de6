"""The sentences of Insights (issue #16): every word the figures and the pointer say, kept in
one place for the tone test and for translation (issue #17).

They report; they never grade the agent, blame, diagnose or say a break caused a change
(docs/tone-guide.md). Each takes the period's ``phrase`` ("this week", "in the last four
weeks") so one sentence serves every period. Constants are translated at import: this module
is first imported after the language is installed.
"""

from __future__ import annotations

from datetime import date, timedelta

from companion.core import formatting
from companion.core.i18n import _, ngettext, pgettext

# Translators: the name of a period in Insights and the debrief (a heading).
THIS_WEEK = _("This week")
# Translators: the same period inside a sentence: "No hard calls tagged this week."
THIS_WEEK_PHRASE = _("this week")
#: The parts of a day, by their first hour: a night shift's 01:00 is early morning.
DAY_PARTS = (0, 6, 12, 18)
#: A Monday: the weekday names come from the locale (formatting.weekday_name).
_A_MONDAY = date(2024, 1, 1)

NO_HOURS = _("The hours your hard calls come at will show here.")
NO_BREAKS = _("Breaks you take will show here.")
NO_BREAK_AFTER_CALL = _("How soon a break starts after a hard call will show here.")
NO_MOODS = _("Moods you rate before and after a break will show here.")
MOOD_CAVEAT = _(
    "These are your own ratings: they show how your mood moved around each break, not why."
)

#: The gentle pointer (core/insights_pointer.py): one kind sentence, never a diagnosis.
POINTER_MORE_CALLS = _(
    "These last two weeks have had more hard calls than your usual. Talking it over can help."
)
POINTER_MOODS_LOW = _(
    "After many breaks these last two weeks your mood was still low. Talking it over can help."
)


def recent_weeks(weeks: int) -> tuple[str, str]:
    """The label and the phrase for this week and the ones before: "The last four weeks"."""
    if weeks == 4:  # the period Insights and the debrief offer: its number written out
        return _("The last four weeks"), _("in the last four weeks")
    label = ngettext("The last {count} week", "The last {count} weeks", weeks)
    phrase = ngettext("in the last {count} week", "in the last {count} weeks", weeks)
    return label.format(count=weeks), phrase.format(count=weeks)


def slot(weekday: int, hour: int, *, several_weeks: bool) -> str:
    """ "Tuesday afternoon", or "Tuesday afternoons" over several weeks; ``hour`` is the
    first hour of its part of the day (``DAY_PARTS``)."""
    day = formatting.weekday_name(_A_MONDAY + timedelta(days=weekday))
    part = [start for start in DAY_PARTS if start <= hour][-1]
    if several_weeks:
        said = {
            # Translators: {day} is a weekday's name ("Tuesday early mornings"), several weeks.
            0: pgettext("several weeks", "{day} early mornings"),
            # Translators: {day} is a weekday's name ("Tuesday mornings"), several weeks.
            6: pgettext("several weeks", "{day} mornings"),
            # Translators: {day} is a weekday's name ("Tuesday afternoons"), several weeks.
            12: pgettext("several weeks", "{day} afternoons"),
            # Translators: {day} is a weekday's name ("Tuesday evenings"), several weeks.
            18: pgettext("several weeks", "{day} evenings"),
        }
    else:
        said = {
            # Translators: {day} is a weekday's name ("Tuesday early morning"), one week.
            0: pgettext("one week", "{day} early morning"),
            # Translators: {day} is a weekday's name ("Tuesday morning"), one week.
            6: pgettext("one week", "{day} morning"),
            # Translators: {day} is a weekday's name ("Tuesday afternoon"), one week.
            12: pgettext("one week", "{day} afternoon"),
            # Translators: {day} is a weekday's name ("Tuesday evening"), one week.
            18: pgettext("one week", "{day} evening"),
        }
    return said[part].format(day=day)


def calls_sentence(total: int, busiest: str | None, phrase: str) -> str:
    """Above the per-day chart. ``busiest``: the slot that clearly had the most, if one did."""
    if total == 0:
        # Translators: {phrase} is "this week" or "in the last four weeks".
        return _("No hard calls tagged {phrase}.").format(phrase=phrase)
    if total == 1:
        # Translators: {slot} is "Tuesday afternoon".
        return _("One hard call {phrase}, on {slot}.").format(phrase=phrase, slot=busiest)
    spread = busiest is None
    said = (
        ngettext(
            "{count} hard call {phrase}, spread across the days.",
            "{count} hard calls {phrase}, spread across the days.",
            total,
        )
        if spread
        else ngettext(
            "{count} hard call {phrase}; {slot} had the most.",
            "{count} hard calls {phrase}; {slot} had the most.",
            total,
        )
    )
    return said.format(count=total, phrase=phrase, slot=busiest)


def _clock(hour: int) -> str:
    if hour % 24 == 0:
        return pgettext("time of day", "midnight")
    return formatting.hour(hour % 24)


def hours_sentence(total: int, first_hour: int, hours: int) -> str:
    """Above the hours chart: more than half the calls came in ``hours`` hours from
    ``first_hour`` (the narrowest such span)."""
    if total == 0:
        return NO_HOURS
    span = {"start": _clock(first_hour), "end": _clock(first_hour + hours)}
    if total == 1:
        # Translators: {start} and {end} are times of day ("2:00 PM", or "midnight").
        return _("It came between {start} and {end}.").format(**span)
    if hours > 8:
        return _(
            "They came at many hours of the day; more than half between {start} and {end}."
        ).format(**span)
    return _("Most came between {start} and {end}.").format(**span)


def breaks_sentence(taken: int, extended: int, skipped: int, phrase: str) -> str:
    if taken == 0 and skipped == 0:
        return NO_BREAKS
    if taken == 0:
        return ngettext(
            "{count} break was skipped {phrase}.", "{count} breaks were skipped {phrase}.", skipped
        ).format(count=skipped, phrase=phrase)
    said = [
        ngettext(
            "You took {count} break {phrase}.", "You took {count} breaks {phrase}.", taken
        ).format(count=taken, phrase=phrase)
    ]
    if extended:
        said.append(
            ngettext("{count} was made longer.", "{count} were made longer.", extended).format(
                count=extended
            )
        )
    if skipped:
        said.append(
            ngettext("{count} was skipped.", "{count} were skipped.", skipped).format(count=skipped)
        )
    return " ".join(said)


def after_call_sentence(linked: int, within_ten: int, median_minutes: float | None) -> str:
    """How soon breaks began after the hard call they were for."""
    if linked == 0 or median_minutes is None:
        return NO_BREAK_AFTER_CALL
    minutes = round(median_minutes)
    if linked == 1:
        if minutes < 1:
            return _("Your break after a hard call started less than a minute after it.")
        return ngettext(
            "Your break after a hard call started {count} minute after it.",
            "Your break after a hard call started {count} minutes after it.",
            minutes,
        ).format(count=minutes)
    if within_ten * 2 > linked:
        return _("Most breaks started within 10 minutes of a hard call.")
    if minutes < 1:
        return _("Half of the breaks after a hard call started within a minute of it.")
    return ngettext(
        "Half of the breaks after a hard call started within {count} minute of it.",
        "Half of the breaks after a hard call started within {count} minutes of it.",
        minutes,
    ).format(count=minutes)


def moods_sentence(rated: int, rose: int, same: int, fell: int) -> str:
    """How the mood moved around the breaks the agent rated; no verdict on it."""
    if rated == 0:
        return NO_MOODS
    if rated == 1:
        if rose:
            return _("After the one break you rated, your mood was higher than before.")
        if same:
            return _("After the one break you rated, your mood was the same as before.")
        return _("After the one break you rated, your mood was lower than before.")
    counts = [count for count in (rose, same, fell) if count]
    if len(counts) == 1:
        # Translators: {count} (at least 2) breaks rated, and the mood moved the same way
        # after every one of them.
        alike = (
            ngettext(
                "Of the {count} break you rated, your mood was higher after all {count}.",
                "Of the {count} breaks you rated, your mood was higher after all {count}.",
                rated,
            )
            if rose
            else ngettext(
                "Of the {count} break you rated, your mood was the same after all {count}.",
                "Of the {count} breaks you rated, your mood was the same after all {count}.",
                rated,
            )
            if same
            else ngettext(
                "Of the {count} break you rated, your mood was lower after all {count}.",
                "Of the {count} breaks you rated, your mood was lower after all {count}.",
                rated,
            )
        )
        return alike.format(count=rated)
    said = [
        text.format(count=count)
        for text, count in (
            (ngettext("higher after {count}", "higher after {count}", rose), rose),
            (ngettext("the same after {count}", "the same after {count}", same), same),
            (ngettext("lower after {count}", "lower after {count}", fell), fell),
        )
        if count
    ]
    # Translators: the last two of a list: "higher after 2 and lower after 1".
    listed = _("{first} and {last}").format(first=", ".join(said[:-1]), last=said[-1])
    # Translators: {listed} is "higher after 2, the same after 1 and lower after 3".
    return ngettext(
        "Of the {count} break you rated, your mood was {listed}.",
        "Of the {count} breaks you rated, your mood was {listed}.",
        rated,
    ).format(count=rated, listed=listed)


def callbacks_sentence(
    due: int, kept: int, missed: int, waiting: int, snoozed: int, phrase: str
) -> str:
    if due == 0:
        return _("No callbacks were due {phrase}.").format(phrase=phrase)
    parts = [
        text.format(count=count)
        for text, count in (
            (ngettext("{count} done", "{count} done", kept), kept),
            (
                ngettext(
                    "{count} still open past its time", "{count} still open past their time", missed
                ),
                missed,
            ),
            (ngettext("{count} still to come", "{count} still to come", waiting), waiting),
        )
        if count
    ]
    # Translators: {parts} is "2 done, 1 still open past its time, 3 still to come".
    said = ngettext(
        "{count} callback due {phrase}: {parts}.", "{count} callbacks due {phrase}: {parts}.", due
    ).format(count=due, phrase=phrase, parts=", ".join(parts))
    if snoozed:
        said += " " + ngettext(
            "{count} was snoozed along the way.", "{count} were snoozed along the way.", snoozed
        ).format(count=snoozed)
    return said

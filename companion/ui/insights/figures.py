"""The report's figures as the charts draw them: a sentence and a ``Bars`` for each chart.

Plain mapping, no widgets: ``companion.core.insights`` has counted everything; this chooses
labels, order and colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.core.insights import REASONS, InsightsReport
from companion.core.moods import Mood
from companion.ui.insights import messages
from companion.ui.insights.charts import Bars

#: Where a wait after a hard call falls: below 2, 10, 30 minutes, or later.
WAIT_LIMITS = (2.0, 10.0, 30.0)
_MOOD_SCALE = {float(m.value): m.label for m in Mood}


@dataclass(frozen=True)
class Figure:
    """One chart's sentence and figures; ``empty``: nothing to draw, the sentence says so
    (core's "… will show here"), and no empty axes are shown."""

    sentence: str
    bars: Bars
    empty: bool = False


def _day_labels(report: InsightsReport) -> tuple[tuple[str, ...], tuple[str, ...]]:
    days = [d.day for d in report.calls.days]
    long_period = len(days) > 7
    short = tuple(messages.day_short(d, with_date=long_period) for d in days)
    return short, tuple(messages.day_long(d) for d in days)


def per_day(report: InsightsReport) -> Figure:
    """Stacked by reason, every reason in a fixed order (and so a fixed colour)."""
    calls = report.calls
    short, long = _day_labels(report)
    shown = [i for i, reason in enumerate(REASONS) if any(d.by_reason[i][1] for d in calls.days)]
    series = tuple(
        REASONS[i].label if REASONS[i] is not None else messages.NOT_SAID  # type: ignore[union-attr]
        for i in shown
    )
    values = tuple(tuple(float(d.by_reason[i][1]) for i in shown) for d in calls.days)
    bars = Bars(
        short,
        series or (messages.HARD_CALLS,),
        values if shown else tuple((0.0,) for _ in calls.days),
        colours=tuple(shown),
        label_every=7 if len(short) > 7 else 1,
        table_categories=long,
        legend=True,
    )
    return Figure(calls.sentence, bars, calls.total == 0)


def per_hour(report: InsightsReport) -> Figure:
    calls = report.calls
    bars = Bars(
        tuple(messages.hour_short(h) for h in range(24)),
        (messages.HARD_CALLS,),
        tuple((float(n),) for n in calls.hours),
        label_every=3,
        table_categories=tuple(messages.hour_span(h) for h in range(24)),
    )
    return Figure(calls.hours_sentence, bars, calls.total == 0)


def break_kinds(report: InsightsReport) -> Figure:
    b = report.breaks
    kinds = (messages.COMPLETED, messages.ENDED_EARLY, messages.EXTENDED, messages.SKIPPED)
    counts = (b.completed, b.ended_early, b.extended, b.skipped)
    bars = Bars(kinds, (messages.BREAKS_COUNT,), tuple((float(n),) for n in counts))
    return Figure(b.sentence, bars, b.taken + b.skipped == 0)


def after_call(report: InsightsReport) -> Figure:
    """How long after a hard call its break started, in four plain spans."""
    waits = report.breaks.minutes_after_call
    counts = [0, 0, 0, 0]
    for minutes in waits:
        counts[sum(minutes >= limit for limit in WAIT_LIMITS)] += 1
    bars = Bars(
        messages.WAITS_SHORT,
        (messages.BREAKS_COUNT,),
        tuple((float(n),) for n in counts),
        colours=(1,),
        table_categories=messages.WAITS,
    )
    return Figure(report.breaks.after_call_sentence, bars, not waits)


def mood_averages(report: InsightsReport) -> Figure:
    m = report.moods
    before, after = m.average_before or 0.0, m.average_after or 0.0
    bars = Bars(
        (messages.AVERAGE,),
        (messages.BEFORE, messages.AFTER),
        ((before, after),),
        stacked=False,
        scale=_MOOD_SCALE,
        colours=(6, 0),
    )
    if not m.with_both:
        return Figure(m.sentence, bars, True)
    return Figure(messages.averages_sentence(before, after), bars)


def mood_moves(report: InsightsReport) -> Figure:
    changes = [pair.change for pair in report.moods.pairs]
    counts = (
        sum(c > 0 for c in changes),
        sum(c == 0 for c in changes),
        sum(c < 0 for c in changes),
    )
    bars = Bars(
        (messages.ROSE, messages.SAME, messages.FELL),
        (messages.BREAKS_COUNT,),
        tuple((float(n),) for n in counts),
        colours=(3,),
    )
    return Figure(report.moods.sentence, bars, not changes)


def callback_kinds(report: InsightsReport) -> Figure:
    c = report.callbacks
    kinds = (messages.KEPT, messages.SNOOZED, messages.MISSED, messages.WAITING)
    counts = (c.kept, c.snoozed, c.missed, c.waiting)
    bars = Bars(
        kinds, (messages.CALLBACKS_COUNT,), tuple((float(n),) for n in counts), colours=(2,)
    )
    return Figure(c.sentence, bars, c.due == 0)


def nothing_recorded(report: InsightsReport) -> bool:
    """No call, no break and no callback in the period: the window says so kindly instead."""
    b = report.breaks
    return report.calls.total == 0 and b.taken + b.skipped == 0 and report.callbacks.due == 0

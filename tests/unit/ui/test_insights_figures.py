"""What each Insights chart draws (and its table lists) adds up to core's figures, for any
journal: calls at any hour (a night shift's too), breaks or none, moods or none."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.core.breaks import BreakOutcome
from companion.core.calls import Reason
from companion.core.insights import InsightsReport
from companion.ui.insights import figures
from companion.ui.insights.charts import Bars
from tests.gui.insights_helpers import NOW, Journal

#: A call: minutes back from NOW (four weeks and a bit), its reason, a break's outcome, moods.
CALL = st.tuples(
    st.integers(min_value=0, max_value=60 * 24 * 30),
    st.sampled_from([*Reason, None]),
    st.sampled_from(list(BreakOutcome)),
    st.one_of(st.none(), st.tuples(st.integers(1, 5), st.integers(1, 5))),
    st.sampled_from([0.5, 3, 12, 45]),
)


Calls = list[tuple[int, Reason | None, BreakOutcome, object, float]]


def _report(calls: Calls) -> list[InsightsReport]:
    journal = Journal()
    for back, reason, outcome, moods, after in calls:
        journal.call(
            NOW - timedelta(minutes=back), reason, moods=moods,  # type: ignore[arg-type]
            outcome=outcome, after_minutes=after,
        )  # fmt: skip
    insights = journal.insights()
    return [insights.this_week, insights.recent]


def _total(bars: Bars) -> float:
    return sum(sum(row) for row in bars.values)


@settings(max_examples=40, deadline=None)
@given(st.lists(CALL, max_size=40))
def test_every_chart_adds_up_to_cores_figures(calls: Calls) -> None:
    for report in _report(calls):
        per_day = figures.per_day(report).bars
        assert _total(per_day) == report.calls.total
        assert len(per_day.table_labels()) == len(report.period.days())
        assert _total(figures.per_hour(report).bars) == report.calls.total
        waits = figures.after_call(report).bars
        assert _total(waits) == len(report.breaks.minutes_after_call)
        assert _total(figures.mood_moves(report).bars) == report.moods.with_both
        kinds = dict(zip(figures.break_kinds(report).bars.categories,
                         figures.break_kinds(report).bars.values, strict=True))  # fmt: skip
        assert kinds["Skipped"] == (report.breaks.skipped,)
        assert figures.nothing_recorded(report) == (
            report.calls.total == 0 and report.breaks.taken + report.breaks.skipped == 0
            and report.callbacks.due == 0
        )  # fmt: skip


def test_an_empty_period_draws_no_axes() -> None:
    for report in _report([]):
        assert figures.nothing_recorded(report)
        shown = [figures.per_day, figures.per_hour, figures.break_kinds, figures.after_call,
                 figures.mood_averages, figures.mood_moves, figures.callback_kinds]  # fmt: skip
        assert all(figure(report).empty for figure in shown)

"""Timex scoring: span F1 over all types and per type, and value accuracy on matched spans."""

from __future__ import annotations

import pytest

from schemas import TimeExpression
from schemas.enrichment import TimexType
from worker.evaluation.gold import GoldTimex
from worker.evaluation.timexes import TimexScorer


def gold(start: int, end: int, timex_type: str, value: str) -> GoldTimex:
    return GoldTimex(start=start, end=end, text="x" * (end - start), type=timex_type, value=value)


def predicted(start: int, end: int, timex_type: TimexType, value: str) -> TimeExpression:
    return TimeExpression(
        start=start, end=end, text="x" * (end - start), type=timex_type, value=value, granularity="day",
        resolution="publication_date",
    )  # fmt: skip


def test_timex_scorer_scores_value_on_matched_spans_only() -> None:
    """Gold DATE [3,9) 2021-03-08 and DATE [20,27) 2021-03-09; predicted [0,9) with the right value and
    [40,45). One overlap match (value right), one exact match of none: span overlap F1 = 2*.5*.5/1 = 0.5,
    value accuracy 1/1 (the missed gold timex is not in it)."""
    scorer = TimexScorer()
    scorer.add(
        [gold(3, 9, "DATE", "2021-03-08"), gold(20, 27, "DATE", "2021-03-09")],
        [predicted(0, 9, "DATE", "2021-03-08"), predicted(40, 45, "DATE", "2021-03-01")],
    )
    result = scorer.result()
    assert result["exact_f1"] == 0.0
    assert result["span_f1"] == pytest.approx(0.5)
    assert result["span_f1"] == result["overlap_f1"]
    assert (result["value_accuracy"], result["value_scored"]) == (1.0, 1)


def test_timex_scorer_counts_a_wrong_value() -> None:
    """An exact span with value 2021-03-01 for gold 2021-03-08: span F1 1, value accuracy 0."""
    scorer = TimexScorer()
    scorer.add([gold(0, 6, "DATE", "2021-03-08")], [predicted(0, 6, "DATE", "2021-03-01")])
    result = scorer.result()
    assert (result["exact_f1"], result["value_accuracy"]) == (1.0, 0.0)


def test_timex_scorer_matches_spans_across_types_overall_but_not_per_type() -> None:
    """Gold DURATION [0,9) predicted as DATE [0,9): a hit over all types, a miss in the DURATION row and a
    false alarm in the DATE row."""
    scorer = TimexScorer()
    scorer.add([gold(0, 9, "DURATION", "P2Y")], [predicted(0, 9, "DATE", "P2Y")])
    result = scorer.result()
    assert result["exact_f1"] == 1.0
    assert result["by_type"]["DURATION"]["exact_recall"] == 0.0
    assert result["by_type"]["DATE"]["exact_precision"] == 0.0
    assert result["value_accuracy"] == 1.0


def test_timex_scorer_date_row_scores_dates_alone() -> None:
    """Two gold DATEs found with one right value, one gold TIME missed: the DATE row has span F1 1 and value
    accuracy 1/2; over all types recall is 2/3."""
    scorer = TimexScorer()
    scorer.add(
        [
            gold(0, 6, "DATE", "2021-03-08"),
            gold(10, 16, "DATE", "2021-03-09"),
            gold(30, 35, "TIME", "T10:00"),
        ],
        [predicted(0, 6, "DATE", "2021-03-08"), predicted(10, 16, "DATE", "2021-03-02")],
    )
    result = scorer.result()
    date = result["by_type"]["DATE"]
    assert (date["span_f1"], date["value_accuracy"]) == (1.0, 0.5)
    assert result["overlap_recall"] == pytest.approx(2 / 3)
    assert list(result["by_type"]) == ["DATE", "TIME"]


def test_timex_scorer_value_accuracy_is_none_without_matches() -> None:
    """Nothing matched: the value accuracy is unknown, not 0."""
    scorer = TimexScorer()
    scorer.add([gold(0, 6, "DATE", "2021-03-08")], [])
    assert scorer.result()["value_accuracy"] is None

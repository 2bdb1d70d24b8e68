"""The span matching and counting every layer scorer is built on."""

from __future__ import annotations

import pytest

from worker.evaluation.metrics import (
    SpanCounts,
    Tally,
    count_exact,
    match_overlap,
    ordered_names,
    prf,
    ratio,
)


def test_prf_is_zero_where_a_denominator_is_zero() -> None:
    """No predictions or no gold gives 0.0, not a division error (scikit-learn's zero_division=0)."""
    assert prf(0, 5, 0) == (0.0, 0.0, 0.0)
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)


def test_prf_computes_precision_recall_f1() -> None:
    """3 hits of 4 gold and 6 predicted: P=0.5, R=0.75, F1=2*.5*.75/1.25=0.6."""
    assert prf(3, 4, 6) == pytest.approx((0.5, 0.75, 0.6))


def test_ratio_is_none_when_nothing_was_scored() -> None:
    """An accuracy over no cases is unknown, not 0."""
    assert ratio(0, 0) is None
    assert ratio(1, 4) == 0.25


def test_count_exact_matches_each_gold_span_at_most_once() -> None:
    """A duplicated prediction of one gold span is one hit, not two."""
    assert count_exact([(0, 4), (10, 14)], [(0, 4), (0, 4), (5, 6)]) == 1


def test_match_overlap_is_one_to_one_over_nested_gold() -> None:
    """One long prediction covering three nested gold spans accounts for one of them only."""
    gold = [(0, 6), (0, 40), (0, 47)]
    assert len(match_overlap(gold, [(0, 47)])) == 1


def test_match_overlap_ignores_touching_spans() -> None:
    """End-exclusive offsets: [0,5) and [5,9) share no character."""
    assert match_overlap([(0, 5)], [(5, 9)]) == []


def test_match_overlap_prefers_the_exact_partner() -> None:
    """Gold [0,10) could take [0,4) or [0,10); it takes the identical span."""
    assert match_overlap([(0, 10)], [(0, 4), (0, 10)]) == [(0, 1)]


def test_match_overlap_finds_the_largest_matching() -> None:
    """Gold A=[0,10) B=[8,12), predicted P=[0,10) Q=[2,4): pairing A-P first would leave B and Q unmatched;
    the maximum matching is A-Q and B-P."""
    assert match_overlap([(0, 10), (8, 12)], [(0, 10), (2, 4)]) == [(0, 1), (1, 0)]


def test_span_counts_add_counts_exact_and_overlap() -> None:
    """2 gold, 3 predicted, 1 exact + 1 overlapping: exact P=1/3 R=1/2, overlap P=2/3 R=1."""
    counts = SpanCounts()
    counts.add([(0, 5), (10, 20)], [(0, 5), (12, 15), (30, 31)])
    assert (counts.gold, counts.predicted, counts.exact, counts.overlap) == (2, 3, 1, 2)
    scores = counts.as_json()
    assert scores["exact_f1"] == pytest.approx(0.4)
    assert scores["overlap_f1"] == pytest.approx(0.8)


def test_tally_accuracy_counts_correct_cases() -> None:
    """Two right of three is 2/3."""
    tally = Tally()
    for outcome in (True, False, True):
        tally.add(outcome)
    assert tally.accuracy == pytest.approx(2 / 3)


def test_ordered_names_puts_known_names_first_then_the_rest_alphabetically() -> None:
    """Known types in their usual order; an unexpected one after them."""
    assert ordered_names({"LOC", "ZZZ", "PERSON", "AAA"}, ("PERSON", "ORG", "LOC")) == [
        "PERSON",
        "LOC",
        "AAA",
        "ZZZ",
    ]

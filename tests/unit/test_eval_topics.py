"""Topic scoring: micro and macro F1 over the 17 IPTC top-level codes."""

from __future__ import annotations

import pytest

from worker.evaluation.topics import TopicScorer

POLITICS, SPORT, WEATHER = "medtop:11000000", "medtop:15000000", "medtop:17000000"


def test_topic_scorer_computes_micro_and_macro_f1() -> None:
    """Doc 1 gold {politics} predicted {politics, sport}; doc 2 gold {sport, weather} predicted {sport}.
    Per code: politics TP1 (F1 1), sport TP1 FP1 (P .5 R 1 F1 2/3), weather FN1 (F1 0).
    Micro: TP 2, FP 1, FN 1 -> P 2/3, R 2/3, F1 2/3. Macro: (1 + 2/3 + 0) / 3 = 5/9."""
    scorer = TopicScorer()
    scorer.add([POLITICS], [POLITICS, SPORT])
    scorer.add([SPORT, WEATHER], [SPORT])
    result = scorer.result()
    assert result["micro_precision"] == pytest.approx(2 / 3)
    assert result["micro_recall"] == pytest.approx(2 / 3)
    assert result["micro_f1"] == pytest.approx(2 / 3)
    assert result["macro_f1"] == pytest.approx(5 / 9)
    assert result["by_code"][SPORT]["f1"] == pytest.approx(2 / 3)


def test_topic_scorer_ignores_codes_outside_the_top_level() -> None:
    """A subtopic code in the prediction is neither a hit nor a false alarm."""
    scorer = TopicScorer()
    scorer.add([POLITICS], [POLITICS, "medtop:20000621"])
    result = scorer.result()
    assert (result["micro_f1"], result["macro_f1"]) == (1.0, 1.0)
    assert list(result["by_code"]) == [POLITICS]


def test_topic_scorer_reports_its_subset_and_skipped_documents() -> None:
    """With the held-out subset, skipped documents are counted as annotated but not scored."""
    scorer = TopicScorer(subset="holdout")
    scorer.skip()
    scorer.add([POLITICS], [])
    result = scorer.result()
    assert (result["subset"], result["documents"], result["annotated_documents"]) == ("holdout", 1, 2)
    assert result["micro_recall"] == 0.0

"""Event scoring: one-to-one alignment per document, type accuracy, and actor code sets."""

from __future__ import annotations

import pytest

from schemas import Actor, EventRecord, PloverType, Span
from worker.evaluation.events import EventScorer, align_events, code_set
from worker.evaluation.gold import GoldActor, GoldEvent


def gold(event_type: str, source: list[str], target: list[str]) -> GoldEvent:
    return GoldEvent(
        type=event_type,
        source=[GoldActor(text=code, code=code) for code in source],
        target=[GoldActor(text=code, code=code) for code in target],
    )


def event(event_type: PloverType, source: list[str], target: list[str]) -> EventRecord:
    return EventRecord(
        event_id="v1", doc_id="d1", type=event_type, cameo="010", quad_class=1, goldstein=0.0,
        source=[Actor(text=code, code=code) for code in source],
        target=[Actor(text=code, code=code) for code in target],
        action=Span(start=0, end=1, text="x"), reciprocal=not target, date=None,
        sentence=Span(start=0, end=1, text="x"), confidence=0.5,
    )  # fmt: skip


def test_event_scorer_scores_type_source_and_target() -> None:
    """Gold ASSAULT FRE->SYL; predicted ASSAULT FRE->GBR: type right, source right, target wrong."""
    scorer = EventScorer()
    scorer.add([gold("ASSAULT", ["FRE"], ["SYL"])], [event("ASSAULT", ["FRE"], ["GBR"])])
    result = scorer.result()
    assert (result["type_accuracy"], result["source_accuracy"], result["target_accuracy"]) == (1.0, 1.0, 0.0)


def test_event_scorer_counts_a_gold_event_without_prediction_as_wrong() -> None:
    """Two documents: one event right on all fields, one with no predicted event: every accuracy 1/2."""
    scorer = EventScorer()
    scorer.add([gold("AGREE", ["FRE", "SYL"], [])], [event("AGREE", ["SYL", "FRE"], [])])
    scorer.add([gold("PROTEST", ["SYL"], ["FRE"])], [])
    result = scorer.result()
    assert (result["type_accuracy"], result["source_accuracy"], result["target_accuracy"]) == (0.5, 0.5, 0.5)
    assert (result["gold_events"], result["aligned_events"]) == (2, 1)
    assert result["by_type"]["PROTEST"]["type_accuracy"] == 0.0


def test_event_scorer_needs_equal_code_sets_and_reports_intersecting_ones() -> None:
    """Gold reciprocal source {FRE, SYL}, predicted FRE->SYL: source and target wrong under the equality
    rule; under the lenient rule the source sets meet but the target ({SYL} vs empty) does not."""
    scorer = EventScorer()
    scorer.add([gold("AGREE", ["FRE", "SYL"], [])], [event("AGREE", ["FRE"], ["SYL"])])
    result = scorer.result()
    assert (result["source_accuracy"], result["target_accuracy"]) == (0.0, 0.0)
    assert (result["source_partial_accuracy"], result["target_partial_accuracy"]) == (1.0, 0.0)


def test_align_events_pairs_each_prediction_with_one_gold_event() -> None:
    """Two gold events, one prediction fitting the second best: the second is aligned, the first missed."""
    verdicts = align_events(
        [gold("AGREE", ["FRE"], ["SYL"]), gold("ASSAULT", ["FRE"], ["SYL"])],
        [event("ASSAULT", ["FRE"], ["SYL"])],
    )
    assert (verdicts[0].type, verdicts[1].type, verdicts[1].target) == (False, True, True)


def test_align_events_picks_the_prediction_with_most_fields_right() -> None:
    """Of a THREATEN with the right actors and an ASSAULT with wrong ones, gold ASSAULT FRE->SYL takes the
    THREATEN (two fields right beat one)."""
    verdicts = align_events(
        [gold("ASSAULT", ["FRE"], ["SYL"])],
        [event("ASSAULT", ["GBR"], ["USA"]), event("THREATEN", ["FRE"], ["SYL"])],
    )
    assert (verdicts[0].type, verdicts[0].source, verdicts[0].target) == (False, True, True)


@pytest.mark.parametrize(
    ("codes", "expected"), [(["jap"], {"JPN"}), (["USA", None, ""], {"USA"}), ([], set())]
)
def test_code_set_normalises_codes(codes: list[str | None], expected: set[str]) -> None:
    """Upper-cased, legacy JAP mapped to JPN, actors without a code dropped."""
    assert code_set([GoldActor(text="x", code=code) for code in codes]) == expected

"""Quote scoring: span F1 and speaker accuracy (by span or by the linked entity)."""

from __future__ import annotations

import pytest

from schemas import Entity, Quote, Span, SpeakerRef
from worker.evaluation.gold import GoldQuote, GoldSpan
from worker.evaluation.quotes import QuoteScorer


def gold(start: int, end: int, speaker: tuple[int, int] | None = None) -> GoldQuote:
    who = GoldSpan(start=speaker[0], end=speaker[1], text="x") if speaker else None
    return GoldQuote(start=start, end=end, text="x" * (end - start), speaker=who)


def quote(
    start: int, end: int, speaker: tuple[int, int] | None = None, entity_id: str | None = None
) -> Quote:
    who = SpeakerRef(start=speaker[0], end=speaker[1], text="x", entity_id=entity_id) if speaker else None
    return Quote(start=start, end=end, text="x" * (end - start), kind="direct", speaker=who)


def person(entity_id: str, *spans: tuple[int, int]) -> Entity:
    mentions = [Span(start=s, end=e, text="x") for s, e in spans]
    return Entity(
        id=entity_id, text="x", type="PERSON", canonical="x", mentions=mentions, mention_count=len(mentions),
        salience=0.5,
    )  # fmt: skip


def test_quote_scorer_counts_exact_and_overlap_spans() -> None:
    """Gold [10,50) and [60,90); predicted [10,50) and [62,88) and [100,120): exact P=1/3 R=1/2 F1=0.4,
    overlap P=2/3 R=1 F1=0.8."""
    scorer = QuoteScorer()
    scorer.add([gold(10, 50), gold(60, 90)], [quote(10, 50), quote(62, 88), quote(100, 120)], [])
    result = scorer.result()
    assert result["exact_f1"] == pytest.approx(0.4)
    assert result["overlap_f1"] == pytest.approx(0.8)


def test_quote_scorer_speaker_accuracy_is_none_without_gold_speakers() -> None:
    """GUM-like gold with no speakers: nothing to score."""
    scorer = QuoteScorer()
    scorer.add([gold(0, 10)], [quote(0, 10, speaker=(12, 15))], [])
    result = scorer.result()
    assert (result["speaker_accuracy"], result["speaker_scored"]) == (None, 0)


def test_quote_scorer_accepts_a_speaker_span_overlapping_the_gold_speaker() -> None:
    """Gold speaker "Mayor Ana Ruiz" [0,14), predicted speaker "Ana Ruiz" [6,14): right."""
    scorer = QuoteScorer()
    scorer.add([gold(20, 40, speaker=(0, 14))], [quote(20, 40, speaker=(6, 14))], [])
    assert scorer.result()["speaker_accuracy"] == 1.0


def test_quote_scorer_accepts_a_pronoun_linked_to_the_right_entity() -> None:
    """Predicted speaker "she" [45,48) linked to E1, whose mention [6,14) is the gold speaker: right."""
    scorer = QuoteScorer()
    scorer.add(
        [gold(20, 40, speaker=(6, 14))],
        [quote(20, 40, speaker=(45, 48), entity_id="E1")],
        [person("E1", (6, 14)), person("E2", (60, 65))],
    )
    assert scorer.result()["speaker_accuracy"] == 1.0


def test_quote_scorer_counts_a_missing_or_wrong_speaker_as_wrong() -> None:
    """Two matched quotes with gold speakers: one without a predicted speaker, one linked to another
    person: accuracy 0/2. The unmatched third gold quote is not scored for its speaker."""
    scorer = QuoteScorer()
    scorer.add(
        [gold(20, 40, speaker=(0, 5)), gold(50, 70, speaker=(0, 5)), gold(80, 90, speaker=(0, 5))],
        [quote(20, 40), quote(50, 70, speaker=(75, 78), entity_id="E2")],
        [person("E1", (0, 5)), person("E2", (100, 105))],
    )
    result = scorer.result()
    assert (result["speaker_accuracy"], result["speaker_scored"]) == (0.0, 2)


def test_quote_scorer_scores_direct_quotes_only() -> None:
    """Gold quotes are quotation spans: an indirect quote is neither a hit nor a false alarm, only counted."""
    scorer = QuoteScorer()
    direct = Quote(start=0, end=7, text='"Stop."', kind="direct")
    indirect = Quote(start=20, end=40, text="x" * 20, kind="indirect")
    scorer.add([GoldQuote(start=0, end=7, text='"Stop."', speaker=None, cue=None)], [direct, indirect], [])
    result = scorer.result()
    assert (result["exact_f1"], result["indirect_predicted"]) == (1.0, 1)


def test_quote_scorer_tells_quotes_in_documents_whose_gold_marks_none_apart() -> None:
    """Document 1: gold [0,10), predicted [0,10). Document 2: gold marks none, two predicted. The headline
    counts both (overlap P=1/3, R=1); the documents with gold quotes alone score P=R=1, and the two
    predictions in the unmarked document are counted as such."""
    scorer = QuoteScorer()
    scorer.add([gold(0, 10)], [quote(0, 10)], [])
    scorer.add([], [quote(5, 20), quote(30, 40)], [])
    scorer.add([], [], [])  # no gold and nothing predicted: not an unmarked document
    result = scorer.result()
    assert result["overlap_precision"] == pytest.approx(1 / 3)
    assert (result["unmarked_documents"], result["predicted_in_unmarked_documents"]) == (1, 2)
    alone = result["in_documents_with_gold_quotes"]
    assert (alone["overlap_precision"], alone["overlap_recall"], alone["gold"]) == (1.0, 1.0, 1)

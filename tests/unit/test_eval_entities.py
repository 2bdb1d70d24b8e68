"""Entity scoring: exact and overlapping span+type, per type, with NORP and FACILITY folded into LOC."""

from __future__ import annotations

import pytest

from schemas import Entity, EntityType, Span
from worker.evaluation.entities import EntityScorer, predicted_mentions
from worker.evaluation.gold import GoldEntity


def gold(start: int, end: int, entity_type: str) -> GoldEntity:
    return GoldEntity(start=start, end=end, text="x" * (end - start), type=entity_type)


def entity(entity_type: EntityType, *spans: tuple[int, int]) -> Entity:
    mentions = [Span(start=s, end=e, text="x" * (e - s)) for s, e in spans]
    return Entity(
        id="E1", text="x", type=entity_type, canonical="x", mentions=mentions, mention_count=len(mentions),
        salience=0.5,
    )  # fmt: skip


def test_entity_scorer_counts_exact_and_overlap_hits() -> None:
    """Gold PERSON [0,14) and ORG [30,46); predicted PERSON [6,14) (overlap), ORG [30,46) (exact), ORG
    [50,55) (miss): 2 gold, 3 predicted. Exact: P=1/3, R=1/2, F1=2*(1/6)/(5/6)=0.4.
    Overlap: P=2/3, R=2/2=1, F1=2*(2/3)/(5/3)=0.8."""
    scorer = EntityScorer()
    scorer.add(
        [gold(0, 14, "PERSON"), gold(30, 46, "ORG")],
        [entity("PERSON", (6, 14)), entity("ORG", (30, 46), (50, 55))],
    )
    result = scorer.result()
    assert (result["gold"], result["predicted"]) == (2, 3)
    assert result["exact_precision"] == pytest.approx(1 / 3)
    assert result["exact_recall"] == pytest.approx(0.5)
    assert result["exact_f1"] == pytest.approx(0.4)
    assert result["overlap_precision"] == pytest.approx(2 / 3)
    assert result["overlap_recall"] == pytest.approx(1.0)
    assert result["overlap_f1"] == pytest.approx(0.8)


def test_entity_scorer_reports_each_type() -> None:
    """The PERSON row has the overlap-only hit (exact F1 0, overlap F1 1); the ORG row 1 of 2 predicted."""
    scorer = EntityScorer()
    scorer.add(
        [gold(0, 14, "PERSON"), gold(30, 46, "ORG")],
        [entity("PERSON", (6, 14)), entity("ORG", (30, 46), (50, 55))],
    )
    by_type = scorer.result()["by_type"]
    assert list(by_type) == ["PERSON", "ORG"]
    assert (by_type["PERSON"]["exact_f1"], by_type["PERSON"]["overlap_f1"]) == (0.0, 1.0)
    assert by_type["ORG"]["exact_precision"] == pytest.approx(0.5)
    assert by_type["ORG"]["exact_recall"] == pytest.approx(1.0)


def test_entity_scorer_counts_a_wrong_type_as_miss_and_false_alarm() -> None:
    """The right span typed ORG instead of LOC: no hit, so recall and precision are both 0."""
    scorer = EntityScorer()
    scorer.add([gold(0, 5, "LOC")], [entity("ORG", (0, 5))])
    result = scorer.result()
    assert (result["exact_f1"], result["overlap_f1"]) == (0.0, 0.0)
    assert result["by_type"]["LOC"]["gold"] == 1
    assert result["by_type"]["ORG"]["predicted"] == 1


def test_predicted_mentions_folds_norp_and_facility_into_loc() -> None:
    """NORP and FACILITY are scored as LOC; EVENT and PRODUCT are not scored at all."""
    entities = [
        entity("NORP", (0, 7)),
        entity("FACILITY", (10, 20)),
        entity("EVENT", (30, 40)),
        entity("PRODUCT", (50, 55)),
    ]
    assert predicted_mentions(entities) == [(0, 7, "LOC"), (10, 20, "LOC")]


def test_entity_scorer_scores_every_mention_of_an_entity() -> None:
    """An entity found at both of its gold mentions scores two exact hits."""
    scorer = EntityScorer()
    scorer.add([gold(0, 4, "PERSON"), gold(20, 24, "PERSON")], [entity("PERSON", (0, 4), (20, 24))])
    assert scorer.result()["exact_f1"] == 1.0


def test_entity_scorer_pools_documents() -> None:
    """Doc 1: 1 gold, 1 exact hit; doc 2: 1 gold, no prediction. Pooled recall 1/2, precision 1/1."""
    scorer = EntityScorer()
    scorer.add([gold(0, 4, "ORG")], [entity("ORG", (0, 4))])
    scorer.add([gold(0, 4, "ORG")], [])
    result = scorer.result()
    assert result["documents"] == 2
    assert (result["exact_precision"], result["exact_recall"]) == (1.0, 0.5)


def test_entity_scorer_ignores_nationality_adjectives_on_gum_only() -> None:
    """GUM never annotates nationality adjectives, so a NORP there is neither right nor wrong; MEANTIME types them LOC."""
    norp = Entity(id="E1", text="Afghan", type="NORP", canonical="Afghan", country_code="AFG",
                  mentions=[Span(start=0, end=6, text="Afghan")], mention_count=1, salience=0.5)  # fmt: skip
    gum = EntityScorer(corpus="gum")
    gum.add([], [norp])
    assert gum.totals().predicted == 0
    meantime = EntityScorer(corpus="meantime")
    meantime.add([], [norp])
    assert meantime.totals().predicted == 1

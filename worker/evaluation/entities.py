"""Entity scoring: precision, recall and F1 of exact span+type and of overlapping span+type matches.

The predicted spans are the mentions of every predicted entity, each with its entity's type. Gold types
are PERSON, ORG and LOC; finer predicted types are mapped the way each corpus annotates them: MEANTIME
types nationality adjectives LOC, so NORP counts as LOC there (and for unknown corpora); GUM marks only
mentions headed by a proper noun and never nationality adjectives, so NORP is not scored on GUM. FACILITY
counts as LOC; EVENT and PRODUCT are not scored. Matching is per type, so a span found with the wrong type
is both a miss and a false alarm.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from schemas import Entity
from worker.evaluation.gold import GoldEntity
from worker.evaluation.metrics import SpanCounts, SpanKey, ordered_names

SCORED_TYPES = ("PERSON", "ORG", "LOC")
TYPE_FOR_SCORING = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "NORP": "LOC", "FACILITY": "LOC"}
# Corpora whose annotation scheme has no place for some predicted types.
UNANNOTATED_TYPES = {"gum": frozenset({"NORP"})}


@dataclass
class EntityScorer:
    corpus: str = ""
    documents: int = 0
    by_type: dict[str, SpanCounts] = field(default_factory=dict)

    def add(self, gold: Sequence[GoldEntity], predicted: Sequence[Entity]) -> None:
        self.documents += 1
        gold_spans = _spans_by_type((span.start, span.end, span.type) for span in gold)
        unannotated = UNANNOTATED_TYPES.get(self.corpus, frozenset())
        predicted_spans = _spans_by_type(
            predicted_mentions([e for e in predicted if e.type not in unannotated])
        )
        for entity_type in sorted(gold_spans.keys() | predicted_spans.keys()):
            counts = self.by_type.setdefault(entity_type, SpanCounts())
            counts.add(gold_spans.get(entity_type, []), predicted_spans.get(entity_type, []))

    def totals(self) -> SpanCounts:
        total = SpanCounts()
        for counts in self.by_type.values():
            total.gold += counts.gold
            total.predicted += counts.predicted
            total.exact += counts.exact
            total.overlap += counts.overlap
        return total

    def result(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            **self.totals().as_json(),
            "by_type": {
                name: self.by_type[name].as_json() for name in ordered_names(self.by_type, SCORED_TYPES)
            },
        }


def predicted_mentions(entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
    """(start, end, scored type) of every mention of every entity whose type is scored."""
    spans: list[tuple[int, int, str]] = []
    for entity in entities:
        scored_type = TYPE_FOR_SCORING.get(entity.type)
        if scored_type is not None:
            spans.extend((mention.start, mention.end, scored_type) for mention in entity.mentions)
    return spans


def _spans_by_type(spans: Iterable[tuple[int, int, str]]) -> dict[str, list[SpanKey]]:
    grouped: dict[str, list[SpanKey]] = {}
    for start, end, span_type in spans:
        grouped.setdefault(span_type, []).append((start, end))
    return grouped

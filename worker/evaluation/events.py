"""Event scoring: PLOVER type accuracy and source and target actor code accuracy, per gold event.

Alignment: within one document, each gold event is paired with at most one predicted event and each
predicted event with at most one gold event. Pairs are taken greedily, best first, where a pair's worth is
how many of its three fields (type, source codes, target codes) are right, the type breaking ties, then
file order. A gold event left without a predicted event counts as wrong on all three fields.

Code rule: a side's codes are the set of its actors' codes (actors without a code add nothing), upper-cased,
with legacy CAMEO country codes mapped to ISO 3166 alpha-3 (JAP -> JPN, ROM -> ROU, ZAR -> COD,
TMP -> TLS). A side is right when the predicted set EQUALS the gold set; two empty sets are equal, which
is how an empty gold target (a reciprocal event lists both actors as source) is scored. The lenient
`*_partial_accuracy` also accepts sets that merely intersect (or are both empty).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from schemas import Actor, EventRecord
from worker.evaluation.gold import GoldActor, GoldEvent
from worker.evaluation.metrics import Tally, ordered_names

LEGACY_CODES = {"JAP": "JPN", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
)  # fmt: skip


@dataclass(frozen=True)
class FieldVerdict:
    """Which fields of one gold event the aligned prediction got right."""

    type: bool = False
    source: bool = False
    target: bool = False
    source_partial: bool = False
    target_partial: bool = False

    @property
    def worth(self) -> tuple[int, bool]:
        return (self.type + self.source + self.target, self.type)


MISSED = FieldVerdict()


@dataclass
class _EventTallies:
    type: Tally = field(default_factory=Tally)
    source: Tally = field(default_factory=Tally)
    target: Tally = field(default_factory=Tally)
    source_partial: Tally = field(default_factory=Tally)
    target_partial: Tally = field(default_factory=Tally)

    def add(self, verdict: FieldVerdict) -> None:
        self.type.add(verdict.type)
        self.source.add(verdict.source)
        self.target.add(verdict.target)
        self.source_partial.add(verdict.source_partial)
        self.target_partial.add(verdict.target_partial)

    def as_json(self) -> dict[str, Any]:
        return {
            "gold_events": self.type.total,
            "type_accuracy": self.type.accuracy,
            "source_accuracy": self.source.accuracy,
            "target_accuracy": self.target.accuracy,
            "source_partial_accuracy": self.source_partial.accuracy,
            "target_partial_accuracy": self.target_partial.accuracy,
        }


@dataclass
class EventScorer:
    documents: int = 0
    predicted_events: int = 0
    aligned: int = 0
    overall: _EventTallies = field(default_factory=_EventTallies)
    by_type: dict[str, _EventTallies] = field(default_factory=dict)

    def add(self, gold: Sequence[GoldEvent], predicted: Sequence[EventRecord]) -> None:
        self.documents += 1
        self.predicted_events += len(predicted)
        verdicts = align_events(gold, predicted)
        for event, verdict in zip(gold, verdicts, strict=True):
            self.aligned += verdict is not MISSED
            self.overall.add(verdict)
            self.by_type.setdefault(event.type, _EventTallies()).add(verdict)

    def result(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "predicted_events": self.predicted_events,
            "aligned_events": self.aligned,
            **self.overall.as_json(),
            "by_type": {
                name: self.by_type[name].as_json() for name in ordered_names(self.by_type, PLOVER_TYPES)
            },
        }


def align_events(gold: Sequence[GoldEvent], predicted: Sequence[EventRecord]) -> list[FieldVerdict]:
    """The verdict of each gold event against its aligned prediction (MISSED when none is left for it)."""
    candidates = [
        (judge(g, p), gold_index, predicted_index)
        for gold_index, g in enumerate(gold)
        for predicted_index, p in enumerate(predicted)
    ]
    candidates.sort(key=lambda c: (-c[0].worth[0], -c[0].worth[1], c[1], c[2]))
    verdicts = [MISSED] * len(gold)
    taken_gold: set[int] = set()
    taken_predicted: set[int] = set()
    for verdict, gold_index, predicted_index in candidates:
        if gold_index not in taken_gold and predicted_index not in taken_predicted:
            verdicts[gold_index] = verdict
            taken_gold.add(gold_index)
            taken_predicted.add(predicted_index)
    return verdicts


def judge(gold: GoldEvent, predicted: EventRecord) -> FieldVerdict:
    gold_source, gold_target = code_set(gold.source), code_set(gold.target)
    predicted_source, predicted_target = code_set(predicted.source), code_set(predicted.target)
    return FieldVerdict(
        type=gold.type.upper() == predicted.type,
        source=gold_source == predicted_source,
        target=gold_target == predicted_target,
        source_partial=_sets_meet(gold_source, predicted_source),
        target_partial=_sets_meet(gold_target, predicted_target),
    )


def code_set(actors: Iterable[GoldActor | Actor]) -> frozenset[str]:
    codes = (actor.code.strip().upper() for actor in actors if actor.code and actor.code.strip())
    return frozenset(LEGACY_CODES.get(code, code) for code in codes)


def _sets_meet(gold: frozenset[str], predicted: frozenset[str]) -> bool:
    return bool(gold & predicted) or (not gold and not predicted)
